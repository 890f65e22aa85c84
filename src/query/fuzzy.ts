/**
 * Name normalization and edit distance for name resolution and search. Normalization folds case and
 * accents and drops punctuation so "Zoë O'Hara", "zoe o’hara" and "ZOE OHARA" compare equal; the
 * distance is the optimal-string-alignment variant of Damerau-Levenshtein (a swap of two neighbouring
 * letters costs 1), bounded so that far-off names are rejected early.
 */

import { foldAccents } from "../nlp/normalize.js";

/** Lower-case, strip accents, drop dots and apostrophes, turn other punctuation into single spaces. */
export function normalizeName(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[.'’‘`´]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The words of a normalized name. */
export function nameTokens(normalized: string): string[] {
  return normalized ? normalized.split(" ") : [];
}

/** Work done by name matching: the cells of edit-distance tables filled (lets tests check it is bounded). */
export interface MatchWork {
  cells: number;
}

/** The three rows of the distance table (two back, one back, current), reused by every call. */
let rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)] as const;

/**
 * Optimal-string-alignment distance between two strings, or `max + 1` as soon as it is known to exceed
 * `max`. `work`, when given, counts the table cells filled.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY, work?: MatchWork): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  if (rows[0].length <= b.length) rows = [new Int32Array(2 * b.length + 1), new Int32Array(2 * b.length + 1), new Int32Array(2 * b.length + 1)];
  let [prevPrev, prev, row] = rows;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const ai = a.charCodeAt(i - 1);
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = ai === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) d = Math.min(d, prevPrev[j - 2]! + 1);
      row[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (work) work.cells += b.length;
    if (rowMin > max) return max + 1;
    const done = prevPrev;
    prevPrev = prev;
    prev = row;
    row = done;
  }
  return Math.min(prev[b.length]!, max + 1);
}

/** Edits tolerated when a typed name is taken to mean another: 1 up to 7 letters, 2 beyond. */
export function typoBudget(length: number): number {
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}
