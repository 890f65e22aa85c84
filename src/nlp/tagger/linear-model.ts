/**
 * A linear multi-class scorer over hashed features and the greedy left-to-right decoder that uses it.
 * Each token's class scores are the sums of the weight rows of its static features plus four features
 * conjoining the previous tag(s) (the tag history of a greedy tagger); the best class allowed after the
 * previous one is chosen. Weights are dense rows of floats; several models can share one feature table
 * and one weight array (row stride and column offset), so a feature is looked up once for all of them.
 */
import type { FeatureTable } from "./feature-table.js";
import { featureKey, featureKey2 } from "./hash.js";
import type { SentenceFeatures } from "./sentence-features.js";
import type { TagSet } from "./tagset.js";

/** Template numbers of the tag-history features (static templates use smaller numbers). */
export const HISTORY = { PREV1: 1001, PREV2: 1002, PREV1_A: 1003, PREV1_B: 1004 } as const;

/** Keys of the tag-history features of a token, written to out[0..3]. */
export function historyKeys(prev1: number, prev2: number, conjA: number, conjB: number, out: Int32Array): void {
  out[0] = featureKey(HISTORY.PREV1, prev1);
  out[1] = featureKey2(HISTORY.PREV2, prev2, prev1);
  out[2] = featureKey2(HISTORY.PREV1_A, prev1, conjA);
  out[3] = featureKey2(HISTORY.PREV1_B, prev1, conjB);
}

/** Best class allowed after `prev` (the start symbol is tagset.names.length); ties go to the lower id. */
export function bestAllowed(scores: Float64Array, tagset: TagSet, prev: number, last: boolean): number {
  const n = tagset.names.length;
  const allowed = tagset.allowed;
  const base = prev * n;
  let best = -1;
  let bestScore = -Infinity;
  for (let c = 0; c < n; c++) {
    if (allowed[base + c] === 0 || (last && tagset.finalAllowed[c] === 0)) continue;
    const s = scores[c]!;
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return best;
}

/** Feature rows of a sentence's tokens: rows[starts[i] .. ends[i] or starts[i+1]) belong to token i (-1 = unknown). */
export interface SentenceRows {
  rows: Int32Array;
  starts: Int32Array;
  /** Per-token end, when only a prefix of each token's rows is used. */
  ends?: Int32Array;
}

export class LinearModel {
  readonly nClasses: number;
  private readonly history = new Int32Array(4);
  private readonly scores: Float64Array;
  private rowBuffer = new Int32Array(4096);

  constructor(
    readonly tagset: TagSet,
    readonly table: FeatureTable,
    readonly weights: Float32Array,
    /** Floats per row of `weights` (≥ nClasses when models share the array). */
    readonly stride = tagset.names.length,
    /** Column of this model's first class within a row. */
    readonly offset = 0,
  ) {
    this.nClasses = tagset.names.length;
    this.scores = new Float64Array(this.nClasses);
  }

  /** Rows of all static keys of a sentence (into a reused buffer unless `out` is given). */
  lookup(sf: SentenceFeatures, out?: Int32Array): SentenceRows {
    const total = sf.starts[sf.n]!;
    let rows = out;
    if (!rows) {
      if (this.rowBuffer.length < total) this.rowBuffer = new Int32Array(2 * total);
      rows = this.rowBuffer;
    }
    for (let k = 0; k < total; k++) rows[k] = this.table.get(sf.keys[k]!);
    return { rows, starts: sf.starts };
  }

  /** Rows of the PREV1 features (index prev1) and PREV2 features (index (C+1)·(1+prev2) + prev1), built once. */
  private prevRows: Int32Array | null = null;

  private buildPrevRows(): Int32Array {
    const C = this.nClasses;
    const rows = new Int32Array((C + 1) * (C + 2));
    for (let p1 = 0; p1 <= C; p1++) {
      historyKeys(p1, 0, 0, 0, this.history);
      rows[p1] = this.table.get(this.history[0]!);
      for (let p2 = 0; p2 <= C; p2++) {
        historyKeys(p1, p2, 0, 0, this.history);
        rows[(C + 1) * (1 + p2) + p1] = this.table.get(this.history[1]!);
      }
    }
    this.prevRows = rows;
    return rows;
  }

  /** Rows of the history features conjoining each previous class with a token's two hashes: [A by prev1 | B by prev1]. */
  conjoinedRows(conjA: number, conjB: number): Int32Array {
    const C = this.nClasses;
    const rows = new Int32Array(2 * (C + 1));
    for (let p1 = 0; p1 <= C; p1++) {
      historyKeys(p1, 0, conjA, conjB, this.history);
      rows[p1] = this.table.get(this.history[2]!);
      rows[C + 1 + p1] = this.table.get(this.history[3]!);
    }
    return rows;
  }

  private addRow(row: number): void {
    if (row < 0) return;
    const C = this.nClasses;
    const w = this.weights;
    const s = this.scores;
    const base = row * this.stride + this.offset;
    for (let c = 0; c < C; c++) s[c] += w[base + c]!;
  }

  /** Greedy decoding of one sentence from its static features; class ids are written to out[0..n). */
  decode(sf: SentenceFeatures, out: Int32Array): void {
    this.decodeRows(sf.n, this.lookup(sf), null, sf.conjA, sf.conjB, out);
  }

  /** Add this model's weights of the given keys to acc[at .. at + nClasses). */
  accumulate(keys: Int32Array, from: number, to: number, acc: Float32Array, at: number): void {
    const C = this.nClasses;
    for (let k = from; k < to; k++) {
      const row = this.table.get(keys[k]!);
      if (row < 0) continue;
      const base = row * this.stride + this.offset;
      for (let c = 0; c < C; c++) acc[at + c] += this.weights[base + c]!;
    }
  }

  /**
   * Greedy decoding from looked-up rows (and optionally a second set of rows per token, precomputed
   * starting scores of token i at initial[i · initialStride + initialAt ...], and per token the rows of its
   * conjoined history features as given by conjoinedRows).
   */
  decodeRows(
    n: number,
    a: SentenceRows,
    b: SentenceRows | null,
    conjA: Int32Array,
    conjB: Int32Array,
    out: Int32Array,
    initial: Float32Array | null = null,
    initialStride = 0,
    initialAt = 0,
    conjRows: readonly Int32Array[] | null = null,
  ): void {
    const start = this.nClasses;
    const C = this.nClasses;
    let prev1 = start;
    let prev2 = start;
    for (let i = 0; i < n; i++) {
      if (initial) {
        const base = i * initialStride + initialAt;
        for (let c = 0; c < C; c++) this.scores[c] = initial[base + c]!;
      } else this.scores.fill(0);
      for (let k = a.starts[i]!, end = a.ends ? a.ends[i]! : a.starts[i + 1]!; k < end; k++) this.addRow(a.rows[k]!);
      if (b) for (let k = b.starts[i]!, end = b.starts[i + 1]!; k < end; k++) this.addRow(b.rows[k]!);
      const prevRows = this.prevRows ?? this.buildPrevRows();
      this.addRow(prevRows[prev1]!);
      this.addRow(prevRows[(C + 1) * (1 + prev2) + prev1]!);
      if (conjRows) {
        const r = conjRows[i]!;
        this.addRow(r[prev1]!);
        this.addRow(r[C + 1 + prev1]!);
      } else {
        historyKeys(prev1, prev2, conjA[i]!, conjB[i]!, this.history);
        this.addRow(this.table.get(this.history[2]!));
        this.addRow(this.table.get(this.history[3]!));
      }
      const c = bestAllowed(this.scores, this.tagset, prev1, i === n - 1);
      out[i] = c;
      prev2 = prev1;
      prev1 = c;
    }
  }
}
