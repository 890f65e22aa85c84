/**
 * `why`: every edge between two entities with all its evidence, grouped by relation, newest document
 * first — the answer to "who says these two are connected, and how?".
 */
import type { RelationType } from "../types.js";
import type { Direction, EntityRef } from "./edge-view.js";
import { directionFrom, entityRef, claimView, type ClaimView } from "./edge-view.js";
import type { CitedEvidence } from "./evidence.js";
import { compareStrings, relationRank } from "./compare.js";
import { cite, edgeEvidence, newestFirst } from "./evidence.js";
import type { LoadedGraph } from "./load.js";
import { resolveEntity } from "./resolve.js";

export interface WhyEdge extends ClaimView {
  edge: string;
  /** Direction seen from the first entity. */
  direction: Direction;
  predicate: string;
  weight: number;
  docs: string[];
  rules: string[];
  /** All supporting sentences, newest document first. */
  evidence: CitedEvidence[];
}

export interface WhyGroup {
  relation: RelationType;
  edges: WhyEdge[];
}

export interface WhyResult {
  a: EntityRef;
  b: EntityRef;
  /** Groups in vocabulary order (co_occurs last); empty when no edge links the two. */
  groups: WhyGroup[];
}

export function runWhy(kg: LoadedGraph, aName: string, bName: string): WhyResult {
  const a = resolveEntity(kg, aName);
  const b = resolveEntity(kg, bName);
  const groups = new Map<RelationType, WhyEdge[]>();
  kg.graph.forEachEdge(a, (edge, attrs) => {
    if (kg.graph.opposite(a, edge) !== b) return;
    const list = groups.get(attrs.relation) ?? [];
    list.push({
      edge,
      direction: directionFrom(kg, edge, a),
      ...claimView(kg, attrs),
      predicate: attrs.predicate,
      weight: attrs.weight,
      docs: attrs.docs,
      rules: attrs.rules,
      evidence: edgeEvidence(kg, edge).sort(newestFirst).map((ev) => cite(kg, ev)),
    });
    groups.set(attrs.relation, list);
  });
  return {
    a: entityRef(kg, a),
    b: entityRef(kg, b),
    groups: [...groups.entries()]
      .sort(([x], [y]) => relationRank(x) - relationRank(y))
      .map(([relation, edges]) => ({ relation, edges: edges.sort(newestEdgeFirst) })),
  };
}

function newestEdgeFirst(x: WhyEdge, y: WhyEdge): number {
  const newest = (e: WhyEdge): string => e.evidence[0]?.date ?? "";
  return compareStrings(newest(y), newest(x)) || y.weight - x.weight || compareStrings(x.edge, y.edge);
}
