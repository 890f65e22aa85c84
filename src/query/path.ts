/**
 * `path`: how two entities are connected — the k shortest paths over typed relations (co_occurs only when
 * asked), each hop with its relation, direction, polarity and one supporting sentence. Paths are
 * sequences of entities, shortest by hops and, among equals, best supported; where several edges link
 * the same two entities the hop shows the strongest. Only asserted, non-negated typed edges are facts a path
 * may use; with `any` it also walks negated, possible, former and co_occurs edges, and among the edges that link
 * the same two entities the hop shows the strongest (positive typed edges before negated ones, co_occurs
 * last) and lists the others as alternatives. The search itself lives in path-search.ts, which the viewer
 * shares.
 */
import { NewsgraphError } from "../errors.js";
import type { Evidence, Modality, RelationType } from "../types.js";
import { checkInteger } from "./check.js";
import type { Direction, EntityRef } from "./edge-view.js";
import { directionFrom, entityRef } from "./edge-view.js";
import { edgeEvidence, newestFirst } from "./evidence.js";
import type { LoadedGraph } from "./load.js";
import { DEFAULT_PATH_COUNT, pathLinks, shortestPaths } from "./path-search.js";
import { resolveEntity } from "./resolve.js";

export interface PathOptions {
  /** How many paths to return. */
  k?: number;
  /** Also walk co_occurs edges (mentioned in the same sentence) and claims that are not facts (negated, possible, former). */
  any?: boolean;
}

export const PATH_DEFAULTS: Required<PathOptions> = { k: DEFAULT_PATH_COUNT, any: false };

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
  const found = shortestPaths(pathLinks(kg.graph, opts.any), from, to, opts.k);
  return {
    from: entityRef(kg, from),
    to: entityRef(kg, to),
    any: opts.any,
    paths: found.map(({ nodes, hops }) => ({
      length: hops.length,
      hops: hops.map((edges, i) => hop(kg, nodes[i]!, nodes[i + 1]!, edges)),
    })),
  };
}

function hop(kg: LoadedGraph, from: string, to: string, edges: readonly string[]): PathHop {
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
