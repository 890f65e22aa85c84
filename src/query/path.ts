/**
 * `path`: how two entities are connected — the k shortest paths over typed relations (co_occurs only when
 * asked), each hop with its relation, direction, polarity and one supporting sentence. Paths are
 * sequences of entities, shortest by hops and, among equals, best supported; where several edges link
 * the same two entities the hop shows the strongest. Only asserted, non-negated typed edges are facts a path
 * may use; with `any` it also walks negated, possible, former and co_occurs edges, and among the edges that link
 * the same two entities the hop shows the strongest (positive typed edges before negated ones, co_occurs
 * last) and lists the others as alternatives.
 */
import { NewsgraphError } from "../errors.js";
import type { EdgeAttributes, Evidence, Modality, RelationType } from "../types.js";
import { checkInteger } from "./check.js";
import type { Direction, EntityRef } from "./edge-view.js";
import { directionFrom, entityRef, relationRank } from "./edge-view.js";
import { compareStrings, edgeEvidence, newestFirst } from "./evidence.js";
import { kShortestPaths } from "./k-shortest-paths.js";
import type { Link } from "./k-shortest-paths.js";
import type { LoadedGraph } from "./load.js";
import { resolveEntity } from "./resolve.js";

export interface PathOptions {
  /** How many paths to return. */
  k?: number;
  /** Also walk co_occurs edges (mentioned in the same sentence) and claims that are not facts (negated, possible, former). */
  any?: boolean;
}

export const PATH_DEFAULTS: Required<PathOptions> = { k: 3, any: false };

/** Another edge between the two entities of a hop. */
export interface HopAlternative {
  edge: string;
  relation: RelationType;
  direction: Direction;
  negated: boolean;
  weight: number;
}

export interface PathHop {
  from: EntityRef;
  to: EntityRef;
  edge: string;
  relation: RelationType;
  /** Direction of the edge seen from `from`. */
  direction: Direction;
  negated: boolean;
  modality: Modality;
  predicate: string;
  weight: number;
  /** The newest supporting sentence. */
  evidence: Evidence | null;
  alternatives: HopAlternative[];
}

export interface GraphPath {
  /** Number of hops. */
  length: number;
  hops: PathHop[];
}

export interface PathResult {
  from: EntityRef;
  to: EntityRef;
  any: boolean;
  /** Shortest first; empty when the two are not connected. */
  paths: GraphPath[];
}

export function runPath(kg: LoadedGraph, fromName: string, toName: string, options: PathOptions = {}): PathResult {
  const opts = { ...PATH_DEFAULTS, ...options };
  checkInteger("k", opts.k, 1);
  const from = resolveEntity(kg, fromName);
  const to = resolveEntity(kg, toName);
  if (from === to) {
    throw new NewsgraphError("BAD_ARGUMENT", `"${fromName}" and "${toName}" are the same entity (${from})`, { from, to });
  }
  const links = linkIndex(kg, opts.any);
  const nodePaths = kShortestPaths(from, to, opts.k, (node) => links.adjacency.get(node) ?? []);
  return {
    from: entityRef(kg, from),
    to: entityRef(kg, to),
    any: opts.any,
    paths: nodePaths.map((nodes) => ({
      length: nodes.length - 1,
      hops: nodes.slice(1).map((node, i) => hop(kg, nodes[i]!, node, links.between(nodes[i]!, node))),
    })),
  };
}

interface LinkIndex {
  /** Neighbors of each entity over the usable edges, sorted, with the cost of the best edge. */
  adjacency: Map<string, Link[]>;
  /** Usable edges between two entities, preferred first. */
  between(a: string, b: string): string[];
}

function linkIndex(kg: LoadedGraph, any: boolean): LinkIndex {
  const { graph } = kg;
  const pairs = new Map<string, string[]>();
  const neighbors = new Map<string, Set<string>>();
  const pairKey = (a: string, b: string): string => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);
  graph.forEachEdge((edge, attrs, source, target) => {
    // Facts only: asserted, non-negated typed claims; --any walks every edge.
    if (source === target || (!any && (attrs.relation === "co_occurs" || attrs.negated || (attrs.modality ?? "asserted") !== "asserted"))) return;
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
  const between = (a: string, b: string): string[] => pairs.get(pairKey(a, b)) ?? [];
  const adjacency = new Map<string, Link[]>();
  for (const [node, set] of neighbors) {
    adjacency.set(
      node,
      [...set].sort(compareStrings).map((other) => ({ node: other, cost: hopCost(graph.getEdgeAttributes(between(node, other)[0]!)) })),
    );
  }
  return { adjacency, between };
}

/**
 * Cost of a hop: 1, plus a small penalty (well below 1 for any realistic path length) that grows as the
 * link gets weaker, so paths are shortest by hops first and best supported among equals.
 */
function hopCost(edge: EdgeAttributes): number {
  const penalty = edge.relation === "co_occurs" ? 2 : edge.negated ? 1.5 : 1;
  return 1 + (penalty / (1 + edge.weight)) * 1e-4;
}

/** Positive typed edges first, then negated ones, co_occurs last; stronger first. */
function preference(a: EdgeAttributes, b: EdgeAttributes): number {
  const tier = (e: EdgeAttributes): number => (e.relation === "co_occurs" ? 2 : e.negated ? 1 : 0);
  return tier(a) - tier(b) || b.weight - a.weight || relationRank(a.relation) - relationRank(b.relation);
}

function hop(kg: LoadedGraph, from: string, to: string, edges: string[]): PathHop {
  const [edge, ...others] = edges as [string, ...string[]];
  const attrs = kg.graph.getEdgeAttributes(edge);
  return {
    from: entityRef(kg, from),
    to: entityRef(kg, to),
    edge,
    relation: attrs.relation,
    direction: directionFrom(kg, edge, from),
    negated: attrs.negated,
    modality: attrs.modality ?? "asserted",
    predicate: attrs.predicate,
    weight: attrs.weight,
    evidence: edgeEvidence(kg, edge).sort(newestFirst)[0] ?? null,
    alternatives: others.map((other) => {
      const o = kg.graph.getEdgeAttributes(other);
      return { edge: other, relation: o.relation, direction: directionFrom(kg, other, from), negated: o.negated, weight: o.weight };
    }),
  };
}
