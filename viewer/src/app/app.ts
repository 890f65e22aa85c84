/**
 * The viewer application: takes the loaded and indexed graph, restores the view from the URL hash, creates the
 * renderer and the UI parts, and on every state change recomputes what is visible, redraws, updates the
 * UI and writes the shareable state back to the hash.
 */
import type { GraphIndex } from "../core/graph-index.js";
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
import { createRenderGraph, drawnEdges, syncRenderGraph } from "../core/render-graph.js";
import { computeVisibility, renderedNodes, type Visibility } from "../core/visibility.js";
import { createPanel } from "../ui/entity-panel.js";
import { createFiltersPanel } from "../ui/filters-panel.js";
import { createLayoutControl } from "../ui/layout-control.js";
import { createLegend } from "../ui/legend.js";
import { createReader } from "../ui/document-view.js";
import { createSearchBox } from "../ui/search-box.js";
import { applyView, openDocument, selectNode } from "./actions.js";
import type { ServerInfo } from "./api.js";
import type { AppContext } from "./context.js";
import { createEvidenceReader } from "./evidence.js";
import { createRenderer } from "./renderer.js";
import { Store } from "./store.js";

export interface AppSlots {
  search: HTMLElement;
  toolbar: HTMLElement;
  sidebar: HTMLElement;
  stage: HTMLElement;
  /** Over the graph: the legend. */
  overlay: HTMLElement;
  panel: HTMLElement;
}

export interface AppData {
  graph: ViewerGraph;
  documents: DocumentTable;
  info: ServerInfo;
  /** The graph's index (core/graph-index.ts), computed by the caller so that it can spread the work. */
  index: GraphIndex;
}

function viewOf(state: ViewerState): ViewState {
  const { selected, document, filters, colorBy, sizeBy, nodeLimit } = state;
  return { selected, document, filters, colorBy, sizeBy, nodeLimit };
}

export function startApp(slots: AppSlots, data: AppData, viewerOptions: ViewerOptions = {}): void {
  const options = { ...VIEWER_DEFAULTS, ...viewerOptions };
  const { graph, documents, info, index } = data;
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
  const syncRendered = (state: ViewerState): void => {
    const drawn = drawnEdges(state.filters);
    syncRenderGraph(rendered, graph, renderedNodes(graph, index, state.nodeLimit, state.selected, drawn), index.ranking, drawn);
  };
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
  slots.sidebar.append(filters.element);
  slots.overlay.append(legend.element);
  slots.panel.append(panel.element);
  document.body.append(reader.element);

  const updateUi = (state: ViewerState, previous: ViewerState | null): void => {
    legend.update(state, previous);
    filters.update(state, previous);
    panel.update(state, previous);
    reader.update(state, previous);
  };

  store.subscribe((state, previous) => {
    const drawnChanged = state.filters.showCoOccurs !== previous.filters.showCoOccurs;
    if (drawnChanged) rendered.clear();
    if (drawnChanged || state.nodeLimit !== previous.nodeLimit || state.selected !== previous.selected) syncRendered(state);
    if (state.filters !== previous.filters || state.nodeLimit !== previous.nodeLimit || state.selected !== previous.selected) {
      visibility = computeVisibility(rendered, index, state);
      focus = focusSet(rendered, state.selected, visibility);
    }
    renderer.refresh(state, previous);
    updateUi(state, previous);
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
  if (store.state.selected !== null) renderer.centerOn(store.state.selected);
}
