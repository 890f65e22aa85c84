/**
 * `neighbors`: the entities linked to one entity, up to a depth, filtered by relation, entity type,
 * weight and date: stated relations first, then co-occurrences, strongest link first within each.
 */
import type { EntityType, RelationType } from "../types.js";
import { checkInteger, checkNonNegative, checkRelations, checkTypes } from "./check.js";
import type { DateRange } from "./date-range.js";
import { checkDateRange, edgeInRange } from "./date-range.js";
import type { Direction, EntityRef } from "./edge-view.js";
import { directionFrom, entityRef, claimView, type ClaimView } from "./edge-view.js";
import { compareStrings } from "./compare.js";
import type { LoadedGraph } from "./load.js";
import { resolveEntity } from "./resolve.js";

export interface NeighborsOptions extends DateRange {
  /** Hops to follow (1 = direct neighbors). */
  depth?: number;
  /** Only edges of these relations (all when empty). */
  relations?: RelationType[];
  /** Only list neighbors of these types (all when empty); traversal still passes through any type. */
  types?: EntityType[];
  /** Only edges with at least this weight (supporting sentences). */
  minWeight?: number;
  /** Most rows returned; 0 for all. */
  limit?: number;
}

export const NEIGHBORS_DEFAULTS: Required<Omit<NeighborsOptions, keyof DateRange>> = {
  depth: 1,
  relations: [],
  types: [],
  minWeight: 0,
  limit: 0,
};

/** One edge from an entity reached at `depth - 1` (`via`) to a neighbor. */
export interface NeighborRow extends EntityRef, ClaimView {
  relation: RelationType;
  /** Direction of the edge seen from `via`. */
  direction: Direction;
  weight: number;
  predicate: string;
  /** Number of documents supporting the edge. */
  docs: number;
  depth: number;
  via: EntityRef;
  edge: string;
}

export interface NeighborsResult {
  entity: EntityRef;
  /** Rows before `limit` was applied. */
  total: number;
  rows: NeighborRow[];
}

export function runNeighbors(kg: LoadedGraph, name: string, options: NeighborsOptions = {}): NeighborsResult {
  const opts = { ...NEIGHBORS_DEFAULTS, ...options };
  checkInteger("depth", opts.depth, 1);
  checkInteger("limit", opts.limit, 0);
  checkNonNegative("min-weight", opts.minWeight);
  checkRelations(opts.relations);
  checkTypes(opts.types);
  const range: DateRange = { since: opts.since, until: opts.until };
  checkDateRange(range);

  const start = resolveEntity(kg, name);
  const { graph } = kg;
  const relations = new Set(opts.relations);
  const types = new Set(opts.types);
  const rows: NeighborRow[] = [];
  const visited = new Set([start]);
  let frontier = [start];
  for (let depth = 1; depth <= opts.depth && frontier.length > 0; depth++) {
    const reached = new Set<string>();
    for (const node of frontier) {
      graph.forEachEdge(node, (edge, attrs) => {
        const other = graph.opposite(node, edge);
        if (visited.has(other)) return;
        if (relations.size > 0 && !relations.has(attrs.relation)) return;
        if (attrs.weight < opts.minWeight || !edgeInRange(kg, edge, range)) return;
        reached.add(other);
        const neighbor = entityRef(kg, other);
        if (types.size > 0 && !types.has(neighbor.type)) return;
        rows.push({
          ...neighbor,
          relation: attrs.relation,
          direction: directionFrom(kg, edge, node),
          ...claimView(kg, attrs),
          weight: attrs.weight,
          predicate: attrs.predicate,
          docs: attrs.docs.length,
          depth,
          via: entityRef(kg, node),
          edge,
        });
      });
    }
    for (const node of reached) visited.add(node);
    frontier = [...reached].sort(compareStrings);
  }
  const cooccurs = (r: NeighborRow) => (r.relation === "co_occurs" ? 1 : 0);
  rows.sort(
    (a, b) =>
      a.depth - b.depth ||
      cooccurs(a) - cooccurs(b) ||
      b.weight - a.weight ||
      compareStrings(a.label, b.label) ||
      compareStrings(a.relation, b.relation) ||
      compareStrings(a.edge, b.edge),
  );
  return { entity: entityRef(kg, start), total: rows.length, rows: opts.limit > 0 ? rows.slice(0, opts.limit) : rows };
}
