/**
 * How entities and edges look from one end: a compact entity reference, the direction of an edge seen
 * from one of its ends, and how a claim reads.
 */
import type { EntityType, Modality, RelationType } from "../types.js";
import type { LoadedGraph } from "./load.js";
import type { QueryEdgeAttributes } from "./query-graph.js";

/** An entity as queries report it. */
export interface EntityRef {
  key: string;
  label: string;
  type: EntityType;
}

/**
 * Direction of an edge seen from one end: `out` (this end → the other), `in` (the other → this end),
 * `undirected` for symmetric relations.
 */
export type Direction = "out" | "in" | "undirected";

export function entityRef(kg: LoadedGraph, key: string): EntityRef {
  const { label, type } = kg.graph.getNodeAttributes(key);
  return { key, label, type };
}

/** The direction of `edge` seen from its end `from`. */
export function directionFrom(kg: LoadedGraph, edge: string, from: string): Direction {
  if (kg.graph.isUndirected(edge)) return "undirected";
  return kg.graph.source(edge) === from ? "out" : "in";
}

/** The end of `edge` that is not `from` (itself for a self-loop). */
export function otherEnd(kg: LoadedGraph, edge: string, from: string): string {
  return kg.graph.opposite(from, edge);
}

/** A short arrow for human output: `->`, `<-` or `--`. */
export function arrow(direction: Direction): string {
  return direction === "out" ? "->" : direction === "in" ? "<-" : "--";
}

/** How an edge's claim is stated, as the queries report it. */
export interface ClaimView {
  negated: boolean;
  modality: Modality;
  /** Calibrated confidence, when the relation type is scored on dev data. */
  confidence?: number;
  /** Derived at document level. */
  inferred?: boolean;
  /** The speaker whose reported speech states the claim. */
  attributedTo?: EntityRef;
}

/** The claim qualities of an edge (co_occurs, which is no claim, reads as asserted). */
export function claimView(kg: LoadedGraph, attrs: QueryEdgeAttributes): ClaimView {
  const view: ClaimView = { negated: attrs.negated, modality: attrs.modality ?? "asserted" };
  if (attrs.confidence !== undefined) view.confidence = attrs.confidence;
  if (attrs.inferred) view.inferred = true;
  if (attrs.attributedTo !== undefined && kg.graph.hasNode(attrs.attributedTo)) view.attributedTo = entityRef(kg, attrs.attributedTo);
  return view;
}

/** A short note on a claim for human output: "confidence 0.62, inferred, said by X" (empty when none). */
export function claimNote(c: ClaimView): string {
  const parts: string[] = [];
  if (c.confidence !== undefined) parts.push(`confidence ${c.confidence.toFixed(2)}`);
  if (c.inferred) parts.push("inferred");
  if (c.attributedTo) parts.push(`according to ${c.attributedTo.label}`);
  return parts.join(", ");
}

/**
 * A relation drawn between two entities: `-[meets]-`, `-[leader_of]->`, `<-[NOT member_of]-`, and for
 * claims that are not plain facts `-[possible meets]-`, `-[former leader_of]->`.
 */
export function relationArrow(relation: RelationType, direction: Direction, negated: boolean, modality: Modality = "asserted"): string {
  const label = `${negated ? "NOT " : ""}${modality === "asserted" ? "" : `${modality} `}${relation}`;
  return direction === "out" ? `-[${label}]->` : direction === "in" ? `<-[${label}]-` : `-[${label}]-`;
}
