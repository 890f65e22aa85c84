/**
 * The viewer application: indexes the loaded graph, restores the view from the URL hash, creates the
 * renderer and the UI parts, and on every state change recomputes what is visible, redraws, updates the
 * UI and writes the shareable state back to the hash.
 */
import { communityColor } from "../core/colors.js";
import { communityLabels } from "../core/community-labels.js";
import { buildGraphIndex } from "../core/graph-index.js";
import type { DocumentTable, ViewerGraph } from "../core/model.js";
import { focusSet, type RenderContext } from "../core/reducers.js";
import {
  defaultViewState,
  initialViewerState,
  VIEWER_DEFAULTS,
  type ViewerOptions,
  type ViewerState,
  type ViewState,
} from "../core/state.js";
import { decodeViewState, encodeViewState } from "../core/url.js";
import { createRenderGraph, syncRenderGraph } from "../core/render-graph.js";
import { computeVisibility, renderedNodes, type Visibility } from "../core/visibility.js";
import { createPanel } from "../ui/entity-panel.js";
import { createFiltersPanel } from "../ui/filters-panel.js";
import { createCommunityLabels } from "../ui/community-labels.js";
import { createLayoutControl } from "../ui/layout-control.js";
import { createLegend } from "../ui/legend.js";
import { createReader } from "../ui/document-view.js";
import { createSearchBox } from "../ui/search-box.js";
import { createTimeStrip } from "../ui/time-strip.js";
import { createViewControls } from "../ui/view-controls.js";
import { applyView, openDocument, selectNode } from "./actions.js";
import type { ServerInfo } from "./api.js";
import type { AppContext } from "./context.js";
import { createEvidenceReader } from "./evidence.js";
import { createRenderer, DEFAULT_LABEL_DENSITY } from "./renderer.js";
import { Store } from "./store.js";
import { exportGexf, exportPng, exportSvg, fileStem } from "./view-export.js";

export interface AppSlots {
  search: HTMLElement;
  toolbar: HTMLElement;
  sidebar: HTMLElement;
  stage: HTMLElement;
  /** Over the graph: the legend; under it, the time line. */
  overlay: HTMLElement;
  panel: HTMLElement;
}

export interface AppData {
  graph: ViewerGraph;
  documents: DocumentTable;
  info: ServerInfo;
}

function viewOf(state: ViewerState): ViewState {
  const { selected, document, filters, colorBy, sizeBy, nodeLimit } = state;
  return { selected, document, filters, colorBy, sizeBy, nodeLimit };
}

export function startApp(slots: AppSlots, data: AppData, viewerOptions: ViewerOptions = {}): void {
  const options = { ...VIEWER_DEFAULTS, ...viewerOptions };
  const { graph, documents, info } = data;
  const index = buildGraphIndex(graph, documents);
  const defaults = defaultViewState(options, index.statedRelations);

  /** A view from the URL, with names that no longer exist in this graph dropped. */
  const readHash = (): ViewState => {
    const view = decodeViewState(window.location.hash, defaults);
    if (view.selected !== null && !graph.hasNode(view.selected)) view.selected = null;
    if (view.document !== null && !documents.has(view.document)) view.document = null;
    return view;
  };

  const store = new Store(initialViewerState(readHash()));
  const rendered = createRenderGraph(graph);
  const syncRendered = (state: ViewerState): void =>
    syncRenderGraph(rendered, graph, renderedNodes(graph, index, state.nodeLimit, state.selected), index.ranking);
  syncRendered(store.state);
  let visibility: Visibility = computeVisibility(rendered, index, store.state);
  let focus = focusSet(rendered, store.state.selected, visibility);
  const renderContext = (): RenderContext => ({ graph: rendered, index, state: store.state, visibility, focus });

  const renderer = createRenderer(slots.stage, rendered, store, renderContext, options.edgeLabelRatio);
  const ctx: AppContext = {
    graph,
    index,
    documents,
    info,
    store,
    options,
    defaults,
    evidence: createEvidenceReader(graph, info.evidence),
    visibility: () => visibility,
    focusEntity(node) {
      selectNode(store, node);
      renderer.centerOn(node);
    },
  };

  const legend = createLegend(ctx);
  const filters = createFiltersPanel(ctx);
  const reader = createReader(ctx);
  const panel = createPanel(ctx, (doc, range) => reader.open(doc, range));
  slots.search.append(createSearchBox(ctx));
  slots.toolbar.append(createLayoutControl(rendered, graph));
  const stem = fileStem(graph.getAttribute("name"));
  slots.toolbar.append(
    createViewControls({
      initialDensity: DEFAULT_LABEL_DENSITY,
      setLabelDensity: (density) => renderer.setLabelDensity(density),
      exportPng: () => exportPng(renderer, stem),
      exportSvg: () => exportSvg(renderer, stem),
      exportGexf: () => exportGexf(rendered, visibility, stem),
    }),
  );
  slots.sidebar.append(filters.element);
  slots.overlay.append(legend.element);
  slots.panel.append(panel.element);
  document.body.append(reader.element);
  const timeStrip = createTimeStrip(ctx);
  if (timeStrip !== null) {
    slots.overlay.append(timeStrip.element);
    slots.overlay.classList.add("with-time-strip");
  }
  // Community labels for the overview; none while an entity is selected (its neighbours are labelled).
  const labels = createCommunityLabels(renderer.sigma);
  slots.overlay.append(labels.element);
  const updateLabels = (state: ViewerState): void =>
    labels.update(state.selected === null ? communityLabels(rendered, visibility.nodes) : [], state.colorBy === "community" ? communityColor : null);
  rendered.on("eachNodeAttributesUpdated", () => updateLabels(store.state)); // the live layout moved nodes

  const updateUi = (state: ViewerState, previous: ViewerState | null): void => {
    legend.update(state, previous);
    filters.update(state, previous);
    panel.update(state, previous);
    reader.update(state, previous);
    timeStrip?.update(state, previous);
  };

  store.subscribe((state, previous) => {
    if (state.nodeLimit !== previous.nodeLimit || state.selected !== previous.selected) syncRendered(state);
    if (state.filters !== previous.filters || state.nodeLimit !== previous.nodeLimit || state.selected !== previous.selected) {
      visibility = computeVisibility(rendered, index, state);
      focus = focusSet(rendered, state.selected, visibility);
    }
    renderer.refresh(state, previous);
    updateUi(state, previous);
    if (state.filters !== previous.filters || state.nodeLimit !== previous.nodeLimit || state.selected !== previous.selected || state.colorBy !== previous.colorBy) updateLabels(state);
    const hash = encodeViewState(viewOf(state), defaults);
    if (hash !== window.location.hash.replace(/^#/, "")) {
      window.history.replaceState(null, "", hash === "" ? window.location.pathname + window.location.search : `#${hash}`);
    }
  });

  window.addEventListener("hashchange", () => {
    const hash = window.location.hash.replace(/^#/, "");
    if (hash === encodeViewState(viewOf(store.state), defaults)) return;
    const view = readHash();
    applyView(store, view);
    if (view.selected !== null) renderer.centerOn(view.selected);
  });

  document.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || event.target instanceof HTMLInputElement) return;
    if (store.state.document !== null) openDocument(store, null);
    else if (store.state.selected !== null) selectNode(store, null);
  });

  updateUi(store.state, null);
  updateLabels(store.state);
  if (store.state.selected !== null) renderer.centerOn(store.state.selected);
}
