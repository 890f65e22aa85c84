/**
 * Ego neighbourhoods: the entities within k hops of a set of seeds, walking only the relations a test
 * lets through (the filters, and the relation types the user expands by) and entering only entities
 * another test lets through (type and date filters, not hidden). Breadth first, so each entity's
 * distance is its fewest hops.
 */
import type { EdgeAttributes, ViewerGraph } from "./model.js";

/** Each reached entity and its distance in hops (the seeds at 0). */
export type Neighbourhood = Map<string, number>;

export function egoNeighbourhood(
  graph: ViewerGraph,
  seeds: readonly string[],
  hops: number,
  walk: (edge: string, attrs: EdgeAttributes) => boolean,
  enter: (node: string) => boolean,
): Neighbourhood {
  const reached: Neighbourhood = new Map();
  let frontier = seeds.filter((seed) => graph.hasNode(seed));
  for (const seed of frontier) reached.set(seed, 0);
  for (let depth = 1; depth <= hops && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (edge, attrs, source, target) => {
        const other = source === node ? target : source;
        if (reached.has(other) || !walk(edge, attrs) || !enter(other)) return;
        reached.set(other, depth);
        next.push(other);
      });
    }
    frontier = next;
  }
  return reached;
}
