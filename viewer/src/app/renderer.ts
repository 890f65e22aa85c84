/**
 * The sigma renderer: draws the graph through the pure reducers, turns pointer events into actions
 * (click selects, hover highlights, zoom decides edge labels), refreshes only what changed, and moves the
 * camera to an entity. Node and edge labels go through the label layer, which keeps them from overlapping.
 */
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import { exploreEdgeDisplay, exploreNodeDisplay, type ExploreMarks } from "../core/explore-display.js";
import { edgeDisplay, nodeDisplay, type RenderContext } from "../core/reducers.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "../core/model.js";
import type { ViewerState } from "../core/state.js";
import { hoverEdge, selectNode, setZoomedIn } from "./actions.js";
import { createLabelLayer, type LabelLayer } from "./label-layer.js";
import { programSettings, showStage, type Stage } from "./programs.js";
import { nextTask } from "./slices.js";
import { toggleSelection } from "./explore-actions.js";
import type { Store } from "./store.js";

/**
 * Above this many drawn edges, edges are not drawn while the camera moves, to keep panning smooth
 * (software WebGL pans 2,500 edges at about 4 frames a second, without them at about 12).
 */
const HIDE_EDGES_ON_MOVE_ABOVE = 2000;
/** Camera ratio per unit of neighbourhood radius when focusing an entity, and its bounds. */
const FOCUS_MARGIN = 2.5;
/** Camera ratio per unit of width (or height) of a box to fit, as for the ego view or paths. */
const FRAME_MARGIN = 1.5;
const MAX_FRAME_RATIO = 1.3;
const MIN_FOCUS_RATIO = 0.05;
/** Camera ratio when focusing an entity without visible neighbours (1 shows the whole graph). */
const LONE_FOCUS_RATIO = 0.3;

export interface Renderer {
  sigma: Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;
  /** The labels drawn in the last frame. */
  labels: LabelLayer<NodeAttributes, EdgeAttributes, GraphAttributes>;
  /** Redraw after a state change, as cheaply as the change allows. */
  refresh(state: ViewerState, previous: ViewerState): void;
  /**
   * Apply many changes to the drawn graph, and what the reducers read, at once. Sigma re-indexes the whole
   * graph on every node or edge dropped from it; detached meanwhile, it re-indexes once at the end, and
   * a `refresh` in the same task has nothing left to do (a batch with no refresh after it, such as the
   * co-occurrences refilled in the background, does not excuse a later one).
   */
  batch(update: () => void): void;
  /** Animate the camera to a visible entity (framing the ego view or the paths when they are shown). */
  centerOn(node: string): void;
  /**
   * Show the stage with the graph drawn, in tasks of their own (on a large graph each takes about as long
   * as the rest of the start): the canvases take the stage's final size (software WebGL reallocates each
   * drawing buffer), then the graph is drawn. Resolves once it is drawn.
   */
  show(): Promise<void>;
}

export function createRenderer(
  stage: Stage,
  graph: ViewerGraph,
  store: Store,
  context: () => RenderContext,
  marks: () => ExploreMarks | null,
  edgeLabelRatio: number,
): Renderer {
  const labels = createLabelLayer<NodeAttributes, EdgeAttributes, GraphAttributes>();
  const settings: Partial<Settings<NodeAttributes, EdgeAttributes, GraphAttributes>> = {
    ...labels.settings,
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    zIndex: true,
    defaultEdgeType: "line",
    ...programSettings,
    renderLabels: true,
    labelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    labelSize: 13,
    labelWeight: "500",
    labelDensity: store.state.labelDensity,
    labelRenderedSizeThreshold: 7,
    edgeLabelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    edgeLabelSize: 11,
    edgeLabelColor: { color: "#455a64" },
    hideEdgesOnMove: graph.size > HIDE_EDGES_ON_MOVE_ABOVE,
    minCameraRatio: 0.02,
    maxCameraRatio: 8,
    stagePadding: 40,
    nodeReducer: (node, data) => {
      const display = nodeDisplay(node, data, context());
      const m = marks();
      return m ? exploreNodeDisplay(display, node, m) : display;
    },
    edgeReducer: (edge, data) => {
      const display = edgeDisplay(edge, data, context());
      const m = marks();
      return m ? exploreEdgeDisplay(display, edge, data, graph, m) : display;
    },
  };
  // The stage drew its warm-up and holds an empty graph (app/programs.ts): set up here, it draws the graph
  // once the label layer listens, when shown (that draw drops the one the new settings scheduled).
  const sigma = stage;
  const container = sigma.getContainer();
  const detached = sigma.getGraph();
  sigma.setSettings(settings);
  labels.attach(sigma);

  // Shift-, ctrl- or cmd-click adds to (or takes from) the selection; a plain click selects one entity.
  sigma.on("clickNode", ({ node, event }) => {
    const { shiftKey, ctrlKey, metaKey } = event.original;
    if (shiftKey || ctrlKey || metaKey) toggleSelection(store, node);
    else selectNode(store, node);
  });
  sigma.on("clickStage", () => selectNode(store, null));
  // Sigma highlights a hovered node and draws its label by itself; only the cursor changes here.
  sigma.on("enterNode", () => (container.style.cursor = "pointer"));
  sigma.on("leaveNode", () => (container.style.cursor = ""));
  sigma.on("enterEdge", ({ edge }) => hoverEdge(store, edge));
  sigma.on("leaveEdge", () => hoverEdge(store, null));
  sigma.getCamera().on("updated", (camera) => setZoomedIn(store, camera.ratio < edgeLabelRatio));
  // Sigma follows window resizes only; the stage also changes size when the page around it does. The
  // observer also reports the size it starts with: redrawing everything for that doubled the first draw.
  let size = `${container.offsetWidth}x${container.offsetHeight}`;
  new ResizeObserver(() => {
    const now = `${container.offsetWidth}x${container.offsetHeight}`;
    if (now === size) return;
    size = now;
    sigma.scheduleRefresh();
  }).observe(container);

  /** Sigma re-indexed the drawn graph in this task (cleared at its end). */
  let reindexed = false;
  return {
    sigma,
    labels,
    batch(update) {
      sigma.setGraph(detached);
      try {
        update();
      } finally {
        sigma.setGraph(graph);
        reindexed = true;
        queueMicrotask(() => (reindexed = false));
      }
    },
    refresh(state, previous) {
      // Sigma redraws by itself when a setting changes.
      if (state.labelDensity !== previous.labelDensity) sigma.setSetting("labelDensity", state.labelDensity);
      const onlyHover =
        state.selected === previous.selected &&
        state.filters === previous.filters &&
        state.nodeLimit === previous.nodeLimit &&
        state.colorBy === previous.colorBy &&
        state.sizeBy === previous.sizeBy &&
        state.explore === previous.explore &&
        state.zoomedIn === previous.zoomedIn;
      if (!onlyHover) {
        const hideEdgesOnMove = graph.size > HIDE_EDGES_ON_MOVE_ABOVE;
        if (sigma.getSetting("hideEdgesOnMove") !== hideEdgesOnMove) sigma.setSetting("hideEdgesOnMove", hideEdgesOnMove);
        // Synchronous, so that display data (and positions for centerOn) are current right after.
        if (reindexed) reindexed = false;
        else sigma.refresh();
        return;
      }
      const edges = [state.hoveredEdge, previous.hoveredEdge].filter((e): e is string => e !== null && graph.hasEdge(e));
      if (edges.length > 0) sigma.refresh({ partialGraph: { edges }, skipIndexation: true, schedule: true });
    },
    centerOn(node) {
      const center = sigma.getNodeDisplayData(node);
      if (!center || center.hidden) return;
      const camera = sigma.getCamera();
      const frame = marks()?.frame;
      if (frame) {
        // The ego view or the paths: fit the box around what they show.
        const box = { x0: center.x, x1: center.x, y0: center.y, y1: center.y };
        for (const member of frame) {
          const d = sigma.getNodeDisplayData(member);
          if (!d || d.hidden) continue;
          box.x0 = Math.min(box.x0, d.x);
          box.x1 = Math.max(box.x1, d.x);
          box.y0 = Math.min(box.y0, d.y);
          box.y1 = Math.max(box.y1, d.y);
        }
        const extent = Math.max(box.x1 - box.x0, box.y1 - box.y0);
        // Up to a little more than the whole graph, so that labels at its edges still show.
        const ratio = extent > 0 ? Math.min(MAX_FRAME_RATIO, Math.max(MIN_FOCUS_RATIO, extent * FRAME_MARGIN)) : Math.min(camera.ratio, LONE_FOCUS_RATIO);
        void camera.animate({ x: (box.x0 + box.x1) / 2, y: (box.y0 + box.y1) / 2, ratio }, { duration: 400 });
        return;
      }
      // Frame the entity with its neighbours: positions are normalised so that ratio 1 shows the whole
      // graph and a radius r needs a ratio of about 2r.
      let radius = 0;
      for (const member of context().focus ?? []) {
        const d = sigma.getNodeDisplayData(member);
        if (d && !d.hidden) radius = Math.max(radius, Math.hypot(d.x - center.x, d.y - center.y));
      }
      const ratio = radius > 0 ? Math.min(1, Math.max(MIN_FOCUS_RATIO, radius * FOCUS_MARGIN)) : Math.min(camera.ratio, LONE_FOCUS_RATIO);
      void camera.animate({ x: center.x, y: center.y, ratio }, { duration: 400 });
    },
    async show() {
      await nextTask();
      sigma.resize();
      await nextTask();
      showStage(sigma);
      // Drawn now unless a batch already gave sigma the graph (and drew it).
      sigma.setGraph(graph);
    },
  };
}
