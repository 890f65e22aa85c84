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
  /** Neighbors of an entity over the usable edges, sorted, with the cost of the best edge. */
  links(node: string): readonly Link[];
  /** Usable edges between two entities, preferred first (empty when none). */
  between(a: string, b: string): readonly string[];
}

/** Whether a path may walk an edge: a fact (asserted, non-negated typed claim), or anything but a self-loop with `any`. */
export function pathMayWalk(attrs: QueryEdgeAttributes, source: string, target: string, any: boolean): boolean {
  if (source === target) return false;
  return any || (attrs.relation !== "co_occurs" && !attrs.negated && (attrs.modality ?? "asserted") === "asserted");
}

/** Index the edges of `graph` a path may walk: each entity's when the search first reaches it (a search sees a small part of a large graph). */
export function pathLinks(graph: QueryGraph, any: boolean): PathLinks {
  const indexed = new Map<string, { links: Link[]; between: Map<string, string[]> }>();
  const linksOf = (node: string): { links: Link[]; between: Map<string, string[]> } => {
    let entry = indexed.get(node);
    if (entry) return entry;
    const usable = new Map<string, { edge: string; attrs: QueryEdgeAttributes }[]>();
    if (graph.hasNode(node)) {
      graph.forEachEdge(node, (edge, attrs) => {
        const other = graph.opposite(node, edge);
        if (!pathMayWalk(attrs, node, other, any)) return;
        const list = usable.get(other) ?? [];
        list.push({ edge, attrs });
        usable.set(other, list);
      });
    }
    const between = new Map<string, string[]>();
    const links = [...usable.keys()].sort(compareStrings).map((other) => {
      const edges = usable.get(other)!.sort((x, y) => preference(x.attrs, y.attrs) || compareStrings(x.edge, y.edge));
      between.set(other, edges.map((e) => e.edge));
      return { node: other, cost: hopCost(edges[0]!.attrs) };
    });
    indexed.set(node, (entry = { links, between }));
    return entry;
  };
  return { links: (node) => linksOf(node).links, between: (a, b) => linksOf(a).between.get(b) ?? [] };
}

/** A path found: its entities, and for each hop the edges between its two ends, preferred first. */
export interface FoundPath {
  nodes: string[];
  /** `hops[i]` links `nodes[i]` and `nodes[i + 1]`; its first edge is the one the hop shows. */
  hops: (readonly string[])[];
}

/** The k shortest paths from `from` to `to` over the indexed edges, shortest first (none when not connected). */
export function shortestPaths(links: PathLinks, from: string, to: string, k: number): FoundPath[] {
  return kShortestPaths(from, to, k, links.links).map((nodes) => ({
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
