/** Orderings shared by the queries and the viewer (no Node imports). */
import { RELATION_TYPES, type RelationType } from "../types.js";

/** Plain code-point comparison (locale-independent, so output is the same on every machine). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Vocabulary position of a relation (co_occurs last), for stable grouping. */
export function relationRank(relation: RelationType): number {
  return RELATION_TYPES.indexOf(relation);
}
