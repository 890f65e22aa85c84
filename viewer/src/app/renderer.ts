/**
 * The sigma renderer: draws the graph through the pure reducers, turns pointer events into actions
 * (click selects, hover highlights, zoom decides edge labels), refreshes only what changed, and moves the
 * camera to an entity.
 */
import Sigma from "sigma";
import type { Settings } from "sigma/settings";
import { edgeDisplay, nodeDisplay, type RenderContext } from "../core/reducers.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "../core/model.js";
import type { ViewerState } from "../core/state.js";
import { hoverEdge, selectNode, setZoomedIn } from "./actions.js";
import type { Store } from "./store.js";

/**
 * Above this many drawn edges, edges are not drawn while the camera moves, to keep panning smooth
 * (software WebGL pans 2,500 edges at about 4 frames a second, without them at about 12).
 */
const HIDE_EDGES_ON_MOVE_ABOVE = 2000;
/** Camera ratio per unit of neighbourhood radius when focusing an entity, and its bounds. */
const FOCUS_MARGIN = 2.5;
const MIN_FOCUS_RATIO = 0.05;
/** Camera ratio when focusing an entity without visible neighbours (1 shows the whole graph). */
const LONE_FOCUS_RATIO = 0.3;

export interface Renderer {
  sigma: Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>;
  /** Redraw after a state change, as cheaply as the change allows. */
  refresh(state: ViewerState, previous: ViewerState): void;
  /** Animate the camera to a visible entity. */
  centerOn(node: string): void;
}

export function createRenderer(
  container: HTMLElement,
  graph: ViewerGraph,
  store: Store,
  context: () => RenderContext,
  edgeLabelRatio: number,
): Renderer {
  const settings: Partial<Settings<NodeAttributes, EdgeAttributes, GraphAttributes>> = {
    renderEdgeLabels: true,
    enableEdgeEvents: true,
    zIndex: true,
    defaultEdgeType: "line",
    labelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    labelSize: 13,
    labelWeight: "500",
    labelDensity: 0.6,
    labelRenderedSizeThreshold: 7,
    edgeLabelFont: "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    edgeLabelSize: 11,
    edgeLabelColor: { color: "#455a64" },
    hideEdgesOnMove: graph.size > HIDE_EDGES_ON_MOVE_ABOVE,
    minCameraRatio: 0.02,
    maxCameraRatio: 8,
    stagePadding: 40,
    nodeReducer: (node, data) => nodeDisplay(node, data, context()),
    edgeReducer: (edge, data) => edgeDisplay(edge, data, context()),
  };
  const sigma = new Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>(graph, container, settings);

  sigma.on("clickNode", ({ node }) => selectNode(store, node));
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

  return {
    sigma,
    refresh(state, previous) {
      const onlyHover =
        state.selected === previous.selected &&
        state.filters === previous.filters &&
        state.nodeLimit === previous.nodeLimit &&
        state.colorBy === previous.colorBy &&
        state.sizeBy === previous.sizeBy &&
        state.zoomedIn === previous.zoomedIn;
      if (!onlyHover) {
        const hideEdgesOnMove = graph.size > HIDE_EDGES_ON_MOVE_ABOVE;
        if (sigma.getSetting("hideEdgesOnMove") !== hideEdgesOnMove) sigma.setSetting("hideEdgesOnMove", hideEdgesOnMove);
        // Synchronous, so that display data (and positions for centerOn) are current right after.
        sigma.refresh();
        return;
      }
      const edges = [state.hoveredEdge, previous.hoveredEdge].filter((e): e is string => e !== null && graph.hasEdge(e));
      if (edges.length > 0) sigma.refresh({ partialGraph: { edges }, skipIndexation: true, schedule: true });
    },
    centerOn(node) {
      const center = sigma.getNodeDisplayData(node);
      if (!center || center.hidden) return;
      // Frame the entity with its neighbours: positions are normalised so that ratio 1 shows the whole
      // graph and a radius r needs a ratio of about 2r.
      let radius = 0;
      for (const member of context().focus ?? []) {
        const d = sigma.getNodeDisplayData(member);
        if (d && !d.hidden) radius = Math.max(radius, Math.hypot(d.x - center.x, d.y - center.y));
      }
      const camera = sigma.getCamera();
      const ratio = radius > 0 ? Math.min(1, Math.max(MIN_FOCUS_RATIO, radius * FOCUS_MARGIN)) : Math.min(camera.ratio, LONE_FOCUS_RATIO);
      void camera.animate({ x: center.x, y: center.y, ratio }, { duration: 400 });
    },
  };
}
