/**
 * `stats`: what a graph holds — counts by entity type and relation, the most connected entities, and the
 * communities (as assigned by the build) with their best-connected members, and the junk check of
 * suspects.ts over the most-mentioned entities.
 */
import type { EntityType, RelationType } from "../types.js";
import { ENTITY_TYPES, RELATION_TYPES } from "../types.js";
import { checkInteger } from "./check.js";
import type { EntityRef } from "./edge-view.js";
import { compareStrings, firstInOrder } from "./compare.js";
import { IndexedGraph } from "./indexed-graph.js";
import type { LoadedGraph } from "./load.js";
import type { QueryGraph } from "./query-graph.js";
import type { SuspectReport } from "./suspects.js";
import { findSuspects } from "./suspects.js";

export interface StatsOptions {
  /** How many top entities to list. */
  top?: number;
  /** How many communities to list. */
  communities?: number;
  /** How many of the most-mentioned entities the junk check looks at (0: none); see suspects.ts. */
  suspects?: number;
}

export const STATS_DEFAULTS: Required<StatsOptions> = { top: 10, communities: 10, suspects: 500 };

export interface RelationCount {
  relation: RelationType;
  edges: number;
  negated: number;
  /** Sum of edge weights (supporting sentences). */
  weight: number;
}

export interface RankedEntity extends EntityRef {
  /** Distinct entities linked by any relation. */
  degree: number;
  /** Distinct entities linked by a typed relation (not co_occurs). */
  typedDegree: number;
  mentions: number;
}

export interface CommunitySummary {
  id: number;
  size: number;
  /** Its three best-connected members. */
  members: EntityRef[];
}

export interface GraphStats {
  name: string;
  documents: number;
  nodes: number;
  edges: number;
  /** Edges other than co_occurs. */
  typedEdges: number;
  negatedEdges: number;
  entityTypes: { type: EntityType; count: number }[];
  relations: RelationCount[];
  topEntities: RankedEntity[];
  communityCount: number;
  communities: CommunitySummary[];
  /** Labels among the most-mentioned entities that look like extraction debris, with the reasons. */
  suspects: SuspectReport;
}

export function runStats(kg: LoadedGraph, options: StatsOptions = {}): GraphStats {
  const opts = { ...STATS_DEFAULTS, ...options };
  checkInteger("top", opts.top, 0);
  checkInteger("communities", opts.communities, 0);
  checkInteger("suspects", opts.suspects, 0);
  const { graph } = kg;

  const typeCounts = new Map<EntityType, number>();
  const ranked: RankedEntity[] = [];
  const communities = new Map<number, RankedEntity[]>();
  const degrees = graph instanceof IndexedGraph ? graph.distinctNeighborCounts((relation) => relation !== "co_occurs") : undefined;
  let i = 0;
  graph.forEachNode((key, attrs) => {
    typeCounts.set(attrs.type, (typeCounts.get(attrs.type) ?? 0) + 1);
    const [degree, typedDegree] = degrees ? [degrees.all[i]!, degrees.counted[i]!] : distinctNeighbors(graph, key);
    i++;
    const entity = { key, label: attrs.label, type: attrs.type, degree, typedDegree, mentions: attrs.mentions };
    ranked.push(entity);
    if (typeof attrs.community === "number") {
      const members = communities.get(attrs.community) ?? [];
      members.push(entity);
      communities.set(attrs.community, members);
    }
  });

  const relationCounts = graph instanceof IndexedGraph ? graph.relationCounts() : countRelations(graph);
  let negatedEdges = 0;
  for (const count of relationCounts.values()) negatedEdges += count.negated;

  const summaries = [...communities.entries()].sort(([a, x], [b, y]) => y.length - x.length || a - b);
  return {
    name: graph.getAttribute("name") ?? "",
    documents: kg.documents.size || (graph.getAttribute("documents") ?? 0),
    nodes: graph.order,
    edges: graph.size,
    typedEdges: graph.size - (relationCounts.get("co_occurs")?.edges ?? 0),
    negatedEdges,
    entityTypes: ENTITY_TYPES.filter((t) => typeCounts.has(t)).map((type) => ({ type, count: typeCounts.get(type)! })),
    relations: RELATION_TYPES.flatMap((r) => relationCounts.get(r) ?? []),
    topEntities: firstInOrder(ranked, opts.top, byConnection),
    communityCount: summaries.length,
    communities: summaries.slice(0, opts.communities).map(([id, members]) => ({
      id,
      size: members.length,
      members: firstInOrder(members, 3, byConnection).map(({ key, label, type }) => ({ key, label, type })),
    })),
    suspects: findSuspects(kg, opts.suspects),
  };
}

/** The edges, negated edges and summed weight of each relation, in edge order. */
function countRelations(graph: QueryGraph): Map<RelationType, RelationCount> {
  const relationCounts = new Map<RelationType, RelationCount>();
  graph.forEachEdge((_edge, e) => {
    const count = relationCounts.get(e.relation) ?? { relation: e.relation, edges: 0, negated: 0, weight: 0 };
    count.edges += 1;
    count.weight += e.weight;
    if (e.negated) count.negated += 1;
    relationCounts.set(e.relation, count);
  });
  return relationCounts;
}

/** How many distinct other entities `node` is linked to: by any edge, and by typed (not co_occurs) edges. */
function distinctNeighbors(graph: QueryGraph, node: string): [number, number] {
  const all = new Set<string>();
  const typed = new Set<string>();
  graph.forEachEdge(node, (edge, e) => {
    const other = graph.opposite(node, edge);
    if (other === node) return;
    all.add(other);
    if (e.relation !== "co_occurs") typed.add(other);
  });
  return [all.size, typed.size];
}

function byConnection(a: RankedEntity, b: RankedEntity): number {
  return b.typedDegree - a.typedDegree || b.degree - a.degree || b.mentions - a.mentions || compareStrings(a.label, b.label);
}
