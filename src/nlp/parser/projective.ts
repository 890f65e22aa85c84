/**
 * Projectivity. The arc-eager parser builds projective trees only; a treebank tree with crossing arcs is
 * made projective for training by lifting (Kahane et al. 1998; Nivre & Nilsson 2005 without the label
 * encoding): the shortest crossing arc's dependent is reattached to its head's head until no arc crosses.
 * Scoring is always against the original tree.
 */

/** Heads are 1-based with 0 = root; an arc h→d is projective when h dominates every word between them. */
function dominates(heads: readonly number[], h: number, k: number): boolean {
  let j = k;
  while (j !== 0 && j !== h) j = heads[j - 1]!;
  return j === h;
}

/** The shortest non-projective arc's dependent (1-based), or 0 when the tree is projective. */
function shortestCrossing(heads: readonly number[]): number {
  let best = 0;
  let bestLength = Infinity;
  for (let d = 1; d <= heads.length; d++) {
    const h = heads[d - 1]!;
    const lo = Math.min(h, d);
    const hi = Math.max(h, d);
    if (hi - lo >= bestLength) continue;
    for (let k = lo + 1; k < hi; k++) {
      if (!dominates(heads, h, k)) {
        best = d;
        bestLength = hi - lo;
        break;
      }
    }
  }
  return best;
}

/** True when no arc crosses another. */
export function isProjective(heads: readonly number[]): boolean {
  return shortestCrossing(heads) === 0;
}

/** A projective copy of the heads, lifting crossing arcs (labels stay with their words). */
export function projectivize(heads: readonly number[]): number[] {
  const out = [...heads];
  for (let d = shortestCrossing(out); d !== 0; d = shortestCrossing(out)) out[d - 1] = out[out[d - 1]! - 1]!;
  return out;
}
