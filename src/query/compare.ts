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

/** The first `k` of `items` in the order of `compare`: those a stable sort would put first, without sorting them all. */
export function firstInOrder<T>(items: Iterable<T>, k: number, compare: (a: T, b: T) => number): T[] {
  const first: T[] = [];
  if (k <= 0) return first;
  for (const item of items) {
    if (first.length === k && compare(item, first[k - 1]!) >= 0) continue;
    // After every item that does not come after it, as a stable sort places it.
    let lo = 0;
    let hi = first.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(item, first[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    first.splice(lo, 0, item);
    if (first.length > k) first.pop();
  }
  return first;
}
