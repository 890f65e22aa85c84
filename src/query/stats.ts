/**
 * `stats`: what a graph holds — counts by entity type and relation, the most connected entities, and the
 * communities (as assigned by the build) with their best-connected members, and the junk check of
 * suspects.ts over the most-mentioned entities.
 */
import type { EntityType, RelationType } from "../types.js";
import { ENTITY_TYPES, RELATION_TYPES } from "../types.js";
import { checkInteger } from "./check.js";
import type { EntityRef } from "./edge-view.js";
import { entityRef } from "./edge-view.js";
import { compareStrings } from "./compare.js";
import type { LoadedGraph } from "./load.js";
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
  graph.forEachNode((key, attrs) => {
    typeCounts.set(attrs.type, (typeCounts.get(attrs.type) ?? 0) + 1);
    const all = new Set<string>();
    const typed = new Set<string>();
    graph.forEachEdge(key, (edge, e) => {
      const other = graph.opposite(key, edge);
      if (other === key) return;
      all.add(other);
      if (e.relation !== "co_occurs") typed.add(other);
    });
    const entity = { ...entityRef(kg, key), degree: all.size, typedDegree: typed.size, mentions: attrs.mentions };
    ranked.push(entity);
    if (typeof attrs.community === "number") {
      const members = communities.get(attrs.community) ?? [];
      members.push(entity);
      communities.set(attrs.community, members);
    }
  });
  ranked.sort(byConnection);

  const relationCounts = new Map<RelationType, RelationCount>();
  let negatedEdges = 0;
  graph.forEachEdge((_edge, e) => {
    const count = relationCounts.get(e.relation) ?? { relation: e.relation, edges: 0, negated: 0, weight: 0 };
    count.edges += 1;
    count.weight += e.weight;
    if (e.negated) {
      count.negated += 1;
      negatedEdges += 1;
    }
    relationCounts.set(e.relation, count);
  });

  const summaries = [...communities.entries()]
    .map(([id, members]) => ({ id, size: members.length, members: members.sort(byConnection).slice(0, 3).map(({ key, label, type }) => ({ key, label, type })) }))
    .sort((a, b) => b.size - a.size || a.id - b.id);
  return {
    name: graph.getAttribute("name") ?? "",
    documents: kg.documents.size || (graph.getAttribute("documents") ?? 0),
    nodes: graph.order,
    edges: graph.size,
    typedEdges: graph.size - (relationCounts.get("co_occurs")?.edges ?? 0),
    negatedEdges,
    entityTypes: ENTITY_TYPES.filter((t) => typeCounts.has(t)).map((type) => ({ type, count: typeCounts.get(type)! })),
    relations: RELATION_TYPES.flatMap((r) => relationCounts.get(r) ?? []),
    topEntities: ranked.slice(0, opts.top),
    communityCount: summaries.length,
    communities: summaries.slice(0, opts.communities),
    suspects: findSuspects(kg, opts.suspects),
  };
}

function byConnection(a: RankedEntity, b: RankedEntity): number {
  return b.typedDegree - a.typedDegree || b.degree - a.degree || b.mentions - a.mentions || compareStrings(a.label, b.label);
}
