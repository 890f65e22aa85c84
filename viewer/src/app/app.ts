/**
 * The viewer application: takes the loaded and indexed graph, restores the view from the URL hash, creates the
 * renderer and the UI parts, and on every state change recomputes what is visible, redraws, updates the
 * UI and writes the shareable state back to the hash. The co-occurrences held out of the graph at load
 * come in after the first frame, or as soon as they are downloaded when the view needs them (switched on,
 * or paths through them).
 */
import { communityColor } from "../core/colors.js";
import { communityLabels } from "../core/community-labels.js";
import type { GraphIndex } from "../core/graph-index.js";
import type { HeldCoOccurrences } from "../core/held-co-occurrences.js";
import type { DocumentTable, ViewerGraph } from "../core/model.js";
import type { RenderContext } from "../core/reducers.js";
import {
  defaultViewState,
  initialViewerState,
  VIEWER_DEFAULTS,
  type ViewerOptions,
  type ViewerState,
  type ViewState,
} from "../core/state.js";
import { decodeViewState, encodeViewState } from "../core/url.js";
import { cleanExploration, isExploring, selectionOf } from "../core/exploration.js";
import type { ExploreMarks } from "../core/explore-display.js";
import { exploreFocus, exploreScope, exploreVisibility } from "../core/explore-visibility.js";
import { createPathFinder, type PathsView } from "../core/paths.js";
import { createRenderGraph, drawnEdges, syncRenderGraph } from "../core/render-graph.js";
import { computeVisibility, renderedNodes, type Visibility } from "../core/visibility.js";
import { createPanel } from "../ui/entity-panel.js";
import { createFiltersPanel } from "../ui/filters-panel.js";
import { createCommunityLabels } from "../ui/community-labels.js";
import { createLayoutControl } from "../ui/layout-control.js";
import { createLegend } from "../ui/legend.js";
import { createReader } from "../ui/document-view.js";
import { createExploreStatus } from "../ui/explore-status.js";
import { createSearchBox, searchIndexOf } from "../ui/search-box.js";
import { createTimeStrip, TIME_STRIP_CLASS } from "../ui/time-strip.js";
import { createViewControls } from "../ui/view-controls.js";
import { applyView, openDocument, selectNode, setLabelDensity } from "./actions.js";
import type { ServerInfo } from "./api.js";
import type { AppContext } from "./context.js";
import { createEvidenceReader } from "./evidence.js";
import { heldImport } from "./held-import.js";
import type { HeldDownload } from "./load-graph.js";
import { escapeExploration } from "./explore-actions.js";
import type { Stage } from "./programs.js";
import { createRenderer } from "./renderer.js";
import { Store } from "./store.js";
import { exportGexf, exportPng, exportSvg, fileStem } from "./view-export.js";

export interface AppSlots {
  search: HTMLElement;
  toolbar: HTMLElement;
  sidebar: HTMLElement;
  /** Sigma on the graph's stage, created before the graph loaded (app/programs.ts). */
  stage: Stage;
  /** Over the graph: the legend; under it, the time line. */
  overlay: HTMLElement;
  panel: HTMLElement;
}

export interface AppData {
  graph: ViewerGraph;
  documents: DocumentTable;
  info: ServerInfo;
  /** The graph's index (core/graph-index.ts), computed by the caller so that it can spread the work. */
  index: GraphIndex;
  /** The co-occurrences not in `graph` yet. */
  held: HeldCoOccurrences;
  /** Their download, asked for once the first frame is shown. */
  rest: HeldDownload;
}

/** Whether the view reads co-occurrences: drawn, listed, or walked by paths (hidden, they are only counted). */
function needsCoOccurrences({ filters, explore }: ViewerState): boolean {
  return filters.showCoOccurs || (explore.pathTo !== null && explore.pathAny);
}

function viewOf(state: ViewerState): ViewState {
  const { selected, document, filters, colorBy, sizeBy, nodeLimit, explore, labelDensity } = state;
  return { selected, document, filters, colorBy, sizeBy, nodeLimit, explore, labelDensity };
}

/** Start the viewer; resolves once the graph is drawn (the first draw comes in a task of its own). */
export async function startApp(slots: AppSlots, data: AppData, viewerOptions: ViewerOptions = {}): Promise<void> {
  const options = { ...VIEWER_DEFAULTS, ...viewerOptions };
  const { graph, documents, info, index, held, rest } = data;
  const defaults = defaultViewState(options, index.statedRelations);

  /** A view from the URL, with names that no longer exist in this graph dropped. */
  const readHash = (): ViewState => {
    const view = decodeViewState(window.location.hash, defaults);
    if (view.selected !== null && !graph.hasNode(view.selected)) view.selected = null;
    if (view.document !== null && !documents.has(view.document)) view.document = null;
    return { ...view, ...cleanExploration(view, (node) => graph.hasNode(node)) };
  };

  const store = new Store(initialViewerState(readHash()));
  // While they are hidden, nothing drawn or listed changes when they come in: the import appends them
  // after the typed relations (core/held-co-occurrences.ts), and the panel counts those still held.
  const coOccurs = heldImport(graph, held, index.position, rest, () => showLate());
  if (needsCoOccurrences(store.state)) await coOccurs.ready();
  const rendered = createRenderGraph(graph);
  const pathFinder = createPathFinder(graph);
  const findPaths = ({ selected, explore }: ViewerState): PathsView | null =>
    selected !== null && explore.pathTo !== null ? pathFinder.find(selected, explore.pathTo, explore.pathAny) : null;
  let paths = findPaths(store.state);
  let visibility: Visibility;
  let focus: Set<string> | null;
  let selection: ReadonlySet<string>;
  let marks: ExploreMarks | null;
  /** Changes the drawn graph (once the renderer exists, in one batch). */
  let batch = (update: () => void): void => update();
  /** What is drawn, shown and in focus, after a change of selection, filters, limit or exploration. */
  const recompute = (state: ViewerState, edgesChanged = false): void => {
    const scope = exploreScope(graph, index, state, paths);
    const edges = drawnEdges(state.filters);
    // The ego view draws only itself (with pins, paths and selection): far lighter than the best connected entities.
    const drawn = scope.ego !== null ? new Set(scope.rendered) : new Set([...renderedNodes(graph, index, state.nodeLimit, state.selected, edges), ...scope.rendered]);
    const derive = (): void => {
      visibility = exploreVisibility(rendered, index, state, () => computeVisibility(rendered, index, state), scope);
      focus = exploreFocus(rendered, state, visibility, scope);
      selection = new Set(selectionOf(state));
      // The camera frames the whole ego view, or the paths with the selection's neighbourhood.
      const frame = scope.ego !== null ? visibility.nodes : paths !== null ? new Set([...paths.nodes, ...(focus ?? [])]) : null;
      marks = isExploring(state.explore) ? { selection, pinned: new Set(state.explore.pinned), ego: scope.ego !== null, paths, frame } : null;
    };
    if (!edgesChanged && drawn.size === rendered.order && !rendered.someNode((node) => !drawn.has(node))) derive();
    else
      batch(() => {
        // Co-occurrences switched on or off: the drawn graph is refilled with the relations it now holds.
        if (edgesChanged) rendered.clear();
        syncRenderGraph(rendered, graph, drawn, index.ranking, edges);
        derive();
      });
  };
  recompute(store.state);
  const renderContext = (): RenderContext => ({ graph: rendered, index, state: store.state, visibility, focus, selection });

  const ctx: AppContext = {
    graph,
    index,
    documents,
    info,
    store,
    options,
    defaults,
    evidence: createEvidenceReader(graph, info.evidence),
    heldAround: (node) => coOccurs.around(node),
    visibility: () => visibility,
    paths: () => paths,
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
  const viewControls = createViewControls({
    setLabelDensity: (density) => setLabelDensity(store, density),
    exportPng: () => exportPng(renderer, labels, stem),
    exportSvg: () => exportSvg(renderer, labels, stem),
    exportGexf: () => exportGexf(rendered, visibility, stem),
  });
  slots.toolbar.append(viewControls.element);
  slots.sidebar.append(filters.element);
  const exploreStatus = createExploreStatus(ctx);
  slots.overlay.append(legend.element, exploreStatus.element);
  slots.panel.append(panel.element);
  document.body.append(reader.element);
  const timeStrip = createTimeStrip(ctx);
  if (timeStrip !== null) {
    slots.overlay.append(timeStrip.element);
    slots.overlay.classList.add(TIME_STRIP_CLASS);
  }
  // The renderer comes once the page around the stage is built: sigma draws at the stage's size, and a
  // stage resized after that (the time strip, the top bar's controls) would be drawn all over again.
  const renderer = createRenderer(slots.stage, rendered, store, renderContext, () => marks, options.edgeLabelRatio);
  batch = renderer.batch;
  // Community labels for the overview; none while an entity is selected (its neighbours are labelled).
  const labels = createCommunityLabels(renderer.sigma);
  slots.overlay.append(labels.element);
  const updateLabels = (state: ViewerState): void =>
    labels.update(state.selected === null ? communityLabels(rendered, visibility.nodes) : [], state.colorBy === "community" ? communityColor : null);
  rendered.on("eachNodeAttributesUpdated", () => updateLabels(store.state)); // the live layout moved nodes

  const updateUi = (state: ViewerState, previous: ViewerState | null): void => {
    legend.update(state, previous);
    viewControls.update(state, previous);
    exploreStatus.update(state, previous);
    filters.update(state, previous);
    panel.update(state, previous);
    reader.update(state, previous);
    timeStrip?.update(state, previous);
  };

  store.subscribe((state, previous) => {
    if (needsCoOccurrences(state)) coOccurs.now();
    const edgesChanged = state.filters.showCoOccurs !== previous.filters.showCoOccurs;
    if (state.selected !== previous.selected || state.explore.pathTo !== previous.explore.pathTo || state.explore.pathAny !== previous.explore.pathAny) {
      paths = findPaths(state);
    }
    if (edgesChanged || state.filters !== previous.filters || state.nodeLimit !== previous.nodeLimit || state.selected !== previous.selected || state.explore !== previous.explore) {
      recompute(state, edgesChanged);
    }
    renderer.refresh(state, previous);
    const [e, p] = [state.explore, previous.explore];
    if (state.selected !== null && (e.ego !== p.ego || e.pathTo !== p.pathTo || e.pathAny !== p.pathAny || (state.selected !== previous.selected && marks?.frame))) {
      renderer.centerOn(state.selected);
    }
    updateUi(state, previous);
    if (edgesChanged || state.filters !== previous.filters || state.nodeLimit !== previous.nodeLimit || state.selected !== previous.selected || state.colorBy !== previous.colorBy) updateLabels(state);
    const hash = encodeViewState(viewOf(state), defaults);
    if (hash !== window.location.hash.replace(/^#/, "")) {
      window.history.replaceState(null, "", hash === "" ? window.location.pathname + window.location.search : `#${hash}`);
    }
  });

  /** The co-occurrences came in after the view asked for them: what shows relations is made again. */
  const showLate = (): void => {
    const state = store.state;
    paths = findPaths(state);
    recompute(state, true);
    updateUi(state, null);
    updateLabels(state);
  };

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
    else escapeExploration(store);
  });

  updateUi(store.state, null);
  await renderer.show();
  updateLabels(store.state);
  if (store.state.selected !== null) renderer.centerOn(store.state.selected);
  // What the first frame did without comes in the background once it is shown.
  requestAnimationFrame(() =>
    setTimeout(() => {
      coOccurs.start();
      searchIndexOf(ctx);
    }),
  );
}
