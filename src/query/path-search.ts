/**
 * The search behind `path`, on a bare graph so that the CLI and the viewer share one implementation (no
 * Node imports): which edges a path may walk (facts only — asserted, non-negated typed claims — or with
 * `any` every edge), how a hop is weighed (shortest by hops first, best supported among equals), which of
 * several edges between the same two entities a hop shows (positive typed edges before negated ones,
 * co_occurs last, stronger first), and the k shortest paths as sequences of entities.
 */
import type { QueryEdgeAttributes, QueryGraph } from "./query-graph.js";
import { compareStrings, relationRank } from "./compare.js";
import { kShortestPaths, type Link } from "./k-shortest-paths.js";

/** How many paths `path` returns unless told otherwise. */
export const DEFAULT_PATH_COUNT = 3;

/** The edges a path may walk, indexed for the search. */
export interface PathLinks {
  /** Neighbors of each entity over the usable edges, sorted, with the cost of the best edge. */
  adjacency: ReadonlyMap<string, readonly Link[]>;
  /** Usable edges between two entities, preferred first (empty when none). */
  between(a: string, b: string): readonly string[];
}

/** Whether a path may walk an edge: a fact (asserted, non-negated typed claim), or anything but a self-loop with `any`. */
export function pathMayWalk(attrs: QueryEdgeAttributes, source: string, target: string, any: boolean): boolean {
  if (source === target) return false;
  return any || (attrs.relation !== "co_occurs" && !attrs.negated && (attrs.modality ?? "asserted") === "asserted");
}

/** Index the edges of `graph` a path may walk. */
export function pathLinks(graph: QueryGraph, any: boolean): PathLinks {
  const pairs = new Map<string, string[]>();
  const neighbors = new Map<string, Set<string>>();
  const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  graph.forEachEdge((edge, attrs, source, target) => {
    if (!pathMayWalk(attrs, source, target, any)) return;
    const key = pairKey(source, target);
    const list = pairs.get(key) ?? [];
    list.push(edge);
    pairs.set(key, list);
    for (const [a, b] of [[source, target], [target, source]] as const) {
      const set = neighbors.get(a) ?? new Set<string>();
      set.add(b);
      neighbors.set(a, set);
    }
  });
  for (const edges of pairs.values()) edges.sort((x, y) => preference(graph.getEdgeAttributes(x), graph.getEdgeAttributes(y)) || compareStrings(x, y));
  const between = (a: string, b: string): readonly string[] => pairs.get(pairKey(a, b)) ?? [];
  const adjacency = new Map<string, Link[]>();
  for (const [node, set] of neighbors) {
    adjacency.set(
      node,
      [...set].sort(compareStrings).map((other) => ({ node: other, cost: hopCost(graph.getEdgeAttributes(between(node, other)[0]!)) })),
    );
  }
  return { adjacency, between };
}

/** A path found: its entities, and for each hop the edges between its two ends, preferred first. */
export interface FoundPath {
  nodes: string[];
  /** `hops[i]` links `nodes[i]` and `nodes[i + 1]`; its first edge is the one the hop shows. */
  hops: (readonly string[])[];
}

/** The k shortest paths from `from` to `to` over the indexed edges, shortest first (none when not connected). */
export function shortestPaths(links: PathLinks, from: string, to: string, k: number): FoundPath[] {
  return kShortestPaths(from, to, k, (node) => links.adjacency.get(node) ?? []).map((nodes) => ({
    nodes,
    hops: nodes.slice(1).map((node, i) => links.between(nodes[i]!, node)),
  }));
}

/**
 * Cost of a hop: 1, plus a small penalty (well below 1 for any realistic path length) that grows as the
 * link gets weaker, so paths are shortest by hops first and best supported among equals.
 */
function hopCost(edge: QueryEdgeAttributes): number {
  const penalty = edge.relation === "co_occurs" ? 2 : edge.negated ? 1.5 : 1;
  return 1 + (penalty / (1 + edge.weight)) * 1e-4;
}

/** Positive typed edges first, then negated ones, co_occurs last; stronger first. */
function preference(a: QueryEdgeAttributes, b: QueryEdgeAttributes): number {
  const tier = (e: QueryEdgeAttributes): number => (e.relation === "co_occurs" ? 2 : e.negated ? 1 : 0);
  return tier(a) - tier(b) || b.weight - a.weight || relationRank(a.relation) - relationRank(b.relation);
}
