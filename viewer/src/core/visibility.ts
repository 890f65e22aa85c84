/**
 * What is drawn and what is shown. The renderer holds only the `nodeLimit` best connected entities (plus
 * the selected entity and its neighbours), so very large graphs stay light; "show more" raises the
 * limit. Within that, filters never change the graph: they produce the sets below, and the reducers
 * mark everything else `hidden`. The selected entity is always shown, with the neighbours and relations
 * the filters let through.
 */
import type { AttestedTime, GraphIndex } from "./graph-index.js";
import type { EdgeAttributes, EntityType, RelationType, ViewerGraph } from "./model.js";
import { isClaimOf } from "../../../src/graph/edge-tally.js";
import type { Filters, ViewState } from "./state.js";
import { inTimeRange, letsAllThrough } from "./timeline.js";

export interface Visibility {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}

/** The date range and the undated switch hide nothing: an entity's or a relation's dates need not be asked for. */
function timeUnfiltered(filters: Filters): boolean {
  return letsAllThrough({ from: filters.dateFrom, to: filters.dateTo }, filters.showUndated);
}

/** Whether a node or edge attested at `time` passes the date range and the undated switch. */
function inTime({ dates, undated }: AttestedTime, filters: Filters): boolean {
  return inTimeRange(dates, undated, { from: filters.dateFrom, to: filters.dateTo }, filters.showUndated);
}

function nodeInTime(node: string, index: GraphIndex, filters: Filters): boolean {
  return timeUnfiltered(filters) || inTime(index.nodeTime(node), filters);
}

/** Whether an edge passes the relation, claim, confidence, weight and date filters (its ends are checked separately). */
export function edgePassesFilters(edge: string, attrs: EdgeAttributes, filters: Filters, index: GraphIndex): boolean {
  if (attrs.relation === "co_occurs") {
    if (!filters.showCoOccurs) return false;
  } else if ((filters.hiddenRelations as readonly RelationType[]).includes(attrs.relation)) {
    return false;
  }
  if (filters.hiddenClaims.some((kind) => isClaimOf(attrs, kind))) return false;
  if (attrs.confidence !== undefined && attrs.confidence < filters.minConfidence) return false;
  if (attrs.weight < filters.minWeight) return false;
  return timeUnfiltered(filters) || inTime(index.edgeTime(edge), filters);
}

/** Whether the type or date filters hide an entity (whether or not it is among those drawn). */
export function hiddenByFilters(node: string, type: EntityType, filters: Filters, index: GraphIndex): boolean {
  return filters.hiddenTypes.includes(type) || !nodeInTime(node, index, filters);
}

/**
 * The entities the renderer holds: the best connected `nodeLimit`, the selected one and its neighbours
 * (through the relations `drawn` accepts: see core/render-graph.ts).
 */
export function renderedNodes(
  graph: ViewerGraph,
  index: GraphIndex,
  nodeLimit: number,
  selected: string | null,
  drawn: (attrs: EdgeAttributes) => boolean = () => true,
): Set<string> {
  const nodes = new Set(index.ranking.slice(0, nodeLimit));
  if (selected !== null && graph.hasNode(selected)) {
    nodes.add(selected);
    graph.forEachEdge(selected, (_edge, attrs, source, target) => {
      if (drawn(attrs)) nodes.add(source === selected ? target : source);
    });
  }
  return nodes;
}

/** Whether some relation between two entities, in either direction, satisfies `test`. */
function linkedBy(graph: ViewerGraph, a: string, b: string, test: (edge: string) => boolean): boolean {
  if (!graph.hasNode(a) || !graph.hasNode(b)) return false;
  return graph.edges(a, b).some(test) || graph.edges(b, a).some(test);
}

/**
 * What the filters let through among the rendered graph. An entity outside the best connected
 * `nodeLimit`, drawn only because it neighbours the selection, shows only through a relation that passes.
 */
export function computeVisibility(rendered: ViewerGraph, index: GraphIndex, view: ViewState): Visibility {
  const { filters, selected } = view;
  const hiddenTypes = new Set<EntityType>(filters.hiddenTypes);
  const edgePasses = (edge: string): boolean => edgePassesFilters(edge, rendered.getEdgeAttributes(edge), filters, index);
  const nodes = new Set<string>();
  rendered.forEachNode((node, attrs) => {
    // The selection stays on screen whatever the filters say of it; its neighbourhood is filtered.
    if (node === selected) {
      nodes.add(node);
      return;
    }
    if (hiddenTypes.has(attrs.type) || !nodeInTime(node, index, filters)) return;
    const top = (index.rank.get(node) ?? Infinity) < view.nodeLimit;
    if (top || node === selected || (selected !== null && linkedBy(rendered, node, selected, edgePasses))) {
      nodes.add(node);
    }
  });
  const edges = new Set<string>();
  rendered.forEachEdge((edge, _attrs, source, target) => {
    if (nodes.has(source) && nodes.has(target) && edgePasses(edge)) edges.add(edge);
  });
  return { nodes, edges };
}
