/**
 * Sigma's node and edge reducers as pure functions of the graph data and a small render context. They
 * never mutate the graph: filtering sets `hidden`, selection dims what is not the selected entity or a
 * neighbour, a hovered edge shows its label. Each returns a fresh display object (the data's `type` attribute is
 * an entity type, not a sigma program, so it is never passed through). Claims that are not plain
 * assertions are drawn by the dashed programs (`dash` gives their pattern) and say so in their label.
 */
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import {
  communityColor,
  DEFAULT_NODE_COLOR,
  DIMMED_EDGE_COLOR,
  DIMMED_NODE_COLOR,
  NEGATED_COLOR,
  fadedColor,
  RELATION_COLORS,
} from "./colors.js";
import { claimLabel, edgeDash } from "./claim-style.js";
import type { GraphIndex } from "./graph-index.js";
import type { EdgeAttributes, NodeAttributes, ViewerGraph } from "./model.js";
import type { ViewerState } from "./state.js";
import type { Visibility } from "./visibility.js";

export interface RenderContext {
  graph: ViewerGraph;
  index: GraphIndex;
  state: ViewerState;
  visibility: Visibility;
  /** The selected entity and its visible neighbours, or null when nothing is selected. */
  focus: ReadonlySet<string> | null;
}

export const MIN_NODE_SIZE = 3;
export const MAX_NODE_SIZE = 18;

/** Size on a square-root scale, so a few hubs do not dwarf everything else. */
export function scaledSize(value: number, max: number): number {
  if (max <= 0) return MIN_NODE_SIZE;
  return MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(Math.max(0, value) / max);
}

/** Edge thickness grows with the log of its supporting sentences; co-occurrence stays thin. */
export function edgeSize(attrs: EdgeAttributes): number {
  const base = 1 + Math.log2(Math.max(1, attrs.weight));
  return attrs.relation === "co_occurs" ? 0.5 * base : base;
}

/** The focus set of a selection: the selected node and its neighbours through visible edges. */
export function focusSet(graph: ViewerGraph, selected: string | null, visibility: Visibility): Set<string> | null {
  if (selected === null || !graph.hasNode(selected)) return null;
  const focus = new Set<string>([selected]);
  graph.forEachEdge(selected, (edge, _attrs, source, target) => {
    if (visibility.edges.has(edge)) focus.add(source === selected ? target : source);
  });
  return focus;
}

export function nodeDisplay(node: string, attrs: NodeAttributes, ctx: RenderContext): Partial<NodeDisplayData> {
  const { state, index, focus } = ctx;
  const color =
    state.colorBy === "community"
      ? communityColor(attrs.community)
      : index.typeColors.get(attrs.type) || attrs.color || DEFAULT_NODE_COLOR;
  const size =
    state.sizeBy === "mentions"
      ? scaledSize(attrs.mentions, index.maxMentions)
      : scaledSize(index.degree.get(node) ?? 0, index.maxDegree);
  const display: Partial<NodeDisplayData> = {
    x: attrs.x,
    y: attrs.y,
    size,
    color,
    label: attrs.label,
    type: "circle",
    hidden: !ctx.visibility.nodes.has(node),
    zIndex: 1,
  };
  if (focus !== null) {
    if (node === state.selected) {
      display.highlighted = true;
      display.forceLabel = true;
      display.zIndex = 3;
    } else if (focus.has(node)) {
      // Always labelled; the label layer moves or drops labels that would overlap a higher one.
      display.forceLabel = true;
      display.zIndex = 2;
    } else {
      display.color = DIMMED_NODE_COLOR;
      display.label = null;
      display.zIndex = 0;
    }
  }
  return display;
}

/** What the edge reducer returns: sigma's display data and the dash pattern the dashed programs read. */
export interface EdgeDisplay extends Partial<EdgeDisplayData> {
  /** Dash and gap length in pixels (see claim-style.ts); 0 is a solid line. */
  dash: number;
}

/** Sigma program of an edge: arrows for directed relations, lines for symmetric ones, dashed for claims that are not plain assertions. */
export function edgeProgram(directed: boolean, dash: number): "arrow" | "line" | "dashedArrow" | "dashedLine" {
  if (dash > 0) return directed ? "dashedArrow" : "dashedLine";
  return directed ? "arrow" : "line";
}

export function edgeDisplay(edge: string, attrs: EdgeAttributes, ctx: RenderContext): EdgeDisplay {
  const { graph, state, focus } = ctx;
  const hovered = edge === state.hoveredEdge;
  const selected = state.selected;
  const incident = selected !== null && focus !== null && graph.hasExtremity(edge, selected);
  const color = attrs.negated ? NEGATED_COLOR : RELATION_COLORS[attrs.relation];
  const dash = edgeDash(attrs);
  const display: EdgeDisplay = {
    // Co-occurrences (no claim at all) are drawn faint; claims that are not plain assertions dashed.
    color: attrs.relation !== "co_occurs" ? color : fadedColor(color),
    size: edgeSize(attrs),
    type: edgeProgram(graph.isDirected(edge), dash),
    dash,
    hidden: !ctx.visibility.edges.has(edge),
    // Co-occurrence is not a claim and often runs alongside a typed edge: it is labelled on hover only.
    label: hovered || ((state.zoomedIn || incident) && attrs.relation !== "co_occurs") ? claimLabel(attrs.relation, attrs) : null,
    forceLabel: hovered,
    zIndex: attrs.relation === "co_occurs" ? 0 : 1,
  };
  if (focus !== null && !incident) {
    display.color = DIMMED_EDGE_COLOR;
    display.label = hovered ? display.label : null;
    display.zIndex = 0;
  } else if (incident) {
    display.zIndex = 2;
  }
  if (hovered) display.zIndex = 3;
  return display;
}
