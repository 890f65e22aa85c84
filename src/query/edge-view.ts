/**
 * How entities and edges look from one end: a compact entity reference, the direction of an edge seen
 * from one of its ends, and the display order of relations.
 */
import type { EntityType, RelationType } from "../types.js";
import { RELATION_TYPES } from "../types.js";
import type { LoadedGraph } from "./load.js";

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

/** Vocabulary position of a relation (co_occurs last), for stable grouping. */
export function relationRank(relation: RelationType): number {
  return RELATION_TYPES.indexOf(relation);
}

/** A short arrow for human output: `->`, `<-` or `--`. */
export function arrow(direction: Direction): string {
  return direction === "out" ? "->" : direction === "in" ? "<-" : "--";
}

/** A relation drawn between two entities: `-[meets]-`, `-[leader_of]->`, `<-[NOT member_of]-`. */
export function relationArrow(relation: RelationType, direction: Direction, negated: boolean): string {
  const label = `${negated ? "NOT " : ""}${relation}`;
  return direction === "out" ? `-[${label}]->` : direction === "in" ? `<-[${label}]-` : `-[${label}]-`;
}
