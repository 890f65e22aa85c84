/**
 * GEXF of what the view shows: the entities and relations the filters let through among those drawn,
 * written by the same GEXF writer as `newsgraph export --format gexf` (attributes, evidence and the
 * current positions included), so Gephi, Gephi Lite or Retina open exactly this subgraph.
 */
import Graph from "graphology";
import { toGexf } from "../../../src/graph/export/gexf.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "./model.js";
import type { Visibility } from "./visibility.js";

/** The visible subgraph, with the same keys, directedness and attributes (copied, so later moves do not leak in). */
export function visibleSubgraph(graph: ViewerGraph, visibility: Visibility): ViewerGraph {
  const sub = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
  sub.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((node, attrs) => {
    if (visibility.nodes.has(node)) sub.addNode(node, { ...attrs });
  });
  graph.forEachEdge((edge, attrs, source, target, _s, _t, undirected) => {
    if (!visibility.edges.has(edge) || !sub.hasNode(source) || !sub.hasNode(target)) return;
    if (undirected) sub.addUndirectedEdgeWithKey(edge, source, target, { ...attrs });
    else sub.addDirectedEdgeWithKey(edge, source, target, { ...attrs });
  });
  return sub;
}

/** The GEXF text of the visible subgraph. */
export function viewGexf(graph: ViewerGraph, visibility: Visibility): string {
  return toGexf(visibleSubgraph(graph, visibility));
}
