/**
 * The graph the renderer draws: a subgraph of the loaded graph holding a given set of entities and the
 * relations among them. Attribute objects are shared with the loaded graph (not copied), so positions
 * moved by the live layout are the same in both. Co-occurrences are left out while the filters hide them:
 * they are most relations of a news graph, and the renderer would process each of them for nothing.
 */
import Graph from "graphology";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "./model.js";
import type { Filters } from "./state.js";

/** Which relations the drawn graph holds under these filters. */
export type DrawnEdge = (attrs: EdgeAttributes) => boolean;

export function drawnEdges(filters: Filters): DrawnEdge {
  return filters.showCoOccurs ? () => true : (attrs) => attrs.relation !== "co_occurs";
}

export function createRenderGraph(data: ViewerGraph): ViewerGraph {
  const graph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
  graph.replaceAttributes(data.getAttributes());
  return graph;
}

/**
 * Make `render` hold exactly `nodes` (added in `order`) and every relation of `data` among them that
 * `drawn` accepts (clear `render` first when `drawn` changes). When
 * some entity has to go, the graph is cleared and refilled instead of dropped from node by node: sigma
 * reprocesses the whole graph on every drop event (each node and each of its edges), which made leaving a
 * hub's neighbourhood take seconds; one "cleared" event costs one pass. An empty `render` is filled with
 * the relations in `data`'s order, which relations `data` gains later (the co-occurrences held out at
 * load) do not change: the drawn graph is then the same whether they came in before or after.
 */
export function syncRenderGraph(
  render: ViewerGraph,
  data: ViewerGraph,
  nodes: ReadonlySet<string>,
  order: readonly string[],
  drawn: DrawnEdge = () => true,
): void {
  if (render.someNode((node) => !nodes.has(node))) render.clear();
  const fresh = render.order === 0;
  const added: string[] = [];
  for (const node of order) {
    if (nodes.has(node) && !render.hasNode(node)) {
      render.addNode(node, data.getNodeAttributes(node));
      added.push(node);
    }
  }
  const add = (edge: string, attrs: EdgeAttributes, source: string, target: string, undirected: boolean): void => {
    if (render.hasEdge(edge) || !render.hasNode(source) || !render.hasNode(target) || !drawn(attrs)) return;
    if (undirected) render.addUndirectedEdgeWithKey(edge, source, target, attrs);
    else render.addDirectedEdgeWithKey(edge, source, target, attrs);
  };
  if (fresh) data.forEachEdge((edge, attrs, source, target, _sa, _ta, undirected) => add(edge, attrs, source, target, undirected));
  else for (const node of added) data.forEachEdge(node, (edge, attrs, source, target, _sa, _ta, undirected) => add(edge, attrs, source, target, undirected));
}
