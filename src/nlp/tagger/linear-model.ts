/**
 * A linear multi-class scorer over hashed features and the greedy left-to-right decoder that uses it.
 * Each token's class scores are the sums of the weight rows of its static features plus four features
 * conjoining the previous tag(s) (the tag history of a greedy tagger); the best class allowed after the
 * previous one is chosen. Weights are dense rows: floats (a trained model), or, for a model file's frozen
 * weights, 16-bit integers times a per-row scale, each weight computed as it is read (half the memory
 * traffic of floats; the float32 product is the very float the dequantized weight was). Several models can
 * share one feature table and one weight array (row stride and column offset), so a feature is looked up
 * once for all of them.
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

/** s[c] += w[base + c] for c < n, unrolled by four (each class's sum is still built in the same order). */
function addWeights(s: Float64Array, w: Float32Array, base: number, n: number): void {
  let c = 0;
  for (; c + 4 <= n; c += 4) {
    s[c] += w[base + c]!;
    s[c + 1] += w[base + c + 1]!;
    s[c + 2] += w[base + c + 2]!;
    s[c + 3] += w[base + c + 3]!;
  }
  for (; c < n; c++) s[c] += w[base + c]!;
}

/** s[c] += fround(q[base + c] · scale) for c < n: the float32 weights q · scale, added as addWeights adds them. */
function addQuantized(s: Float64Array, q: Int16Array, base: number, scale: number, n: number): void {
  let c = 0;
  for (; c + 4 <= n; c += 4) {
    s[c] += Math.fround(q[base + c]! * scale);
    s[c + 1] += Math.fround(q[base + c + 1]! * scale);
    s[c + 2] += Math.fround(q[base + c + 2]! * scale);
    s[c + 3] += Math.fround(q[base + c + 3]! * scale);
  }
  for (; c < n; c++) s[c] += Math.fround(q[base + c]! * scale);
}

/** s[c] += fround(q[b1 + c] · s1) + fround(q[b2 + c] · s2) for c < n: two quantized rows at once (exact sums only, see exactSums). */
function addQuantizedPair(s: Float64Array, q: Int16Array, b1: number, s1: number, b2: number, s2: number, n: number): void {
  for (let c = 0; c < n; c++) s[c] += Math.fround(q[b1 + c]! * s1) + Math.fround(q[b2 + c]! * s2);
}

/** As addQuantizedPair, four rows at once: one pass over the scores for four rows (exact sums only). */
function addQuantizedQuad(s: Float64Array, q: Int16Array, b1: number, s1: number, b2: number, s2: number, b3: number, s3: number, b4: number, s4: number, n: number): void {
  for (let c = 0; c < n; c++) {
    s[c] += Math.fround(q[b1 + c]! * s1) + Math.fround(q[b2 + c]! * s2) + (Math.fround(q[b3 + c]! * s3) + Math.fround(q[b4 + c]! * s4));
  }
}

/** Terms of a token's score that exactSums vouches for (a token sums well under a hundred rows). */
const EXACT_TERMS = 256;

/**
 * Whether every sum of up to EXACT_TERMS of a quantized model's weights (the float32 values q · scale, and
 * float32 sums of them) is exact in double precision, so that its order does not matter: true when all
 * weights are multiples of 2^L and EXACT_TERMS · max |w| < 2^(53 + L). The shipped models pass with room to
 * spare (L = -37 and max 33 for POS, L = -39 and max 60 for NER).
 */
export function exactSums(q: Int16Array, scales: Float32Array, stride: number, offset: number, scaleAt: number, nClasses: number): boolean {
  const f = new Float32Array(1);
  const bits = new Int32Array(f.buffer);
  let low = Infinity;
  let max = 0;
  const rows = Math.floor(q.length / stride);
  for (let r = 0; r < rows; r++) {
    const scale = scales[r * (stride >> 1) + scaleAt]!;
    for (let c = 0, at = r * stride + offset; c < nClasses; c++) {
      const v = q[at + c]!;
      if (v === 0) continue;
      f[0] = v * scale;
      max = Math.max(max, Math.abs(f[0]!));
      // Exponent of the lowest set bit of the float32 (subnormal when the exponent field is 0).
      const exponent = (bits[0]! >>> 23) & 0xff;
      const mantissa = exponent === 0 ? bits[0]! & 0x7fffff : (bits[0]! & 0x7fffff) | 0x800000;
      low = Math.min(low, (exponent === 0 ? -149 : exponent - 150) + 31 - Math.clz32(mantissa & -mantissa));
    }
  }
  return max === 0 || EXACT_TERMS * max < 2 ** (53 + low);
}

/**
 * Quantized rows shared by several models: row r starts with each model's scale (float32, model m's at
 * scales[r · stride / 2 + m]), then the models' 16-bit weights side by side (shorts of q; stride is even).
 */
export interface QuantizedWeights {
  q: Int16Array;
  /** A float32 view of q's buffer. */
  scales: Float32Array;
}

/** A conjoined history row not looked up yet (see ConjoinedRows). */
export const UNSET_ROW = -2;

/**
 * Cached rows of the history features conjoining each previous class with a token's two hashes (conjA,
 * conjB): token i's start at pool[at[i]], [A by prev1 (C + 1) | B by prev1 (C + 1)]. Entries still UNSET_ROW
 * are looked up when first needed and kept, so tokens of one word share them.
 */
export interface ConjoinedRows {
  pool: Int32Array;
  at: Int32Array;
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
  /** The sum touchRows read last (kept, so that its loads are not optimized away). */
  touched = 0;
  private readonly scores: Float64Array;
  private rowBuffer = new Int32Array(4096);
  /** A token's rows gathered for addRowsExact. */
  private gathered = new Int32Array(256);

  /** Float weights, or null when quantized. */
  private readonly floats: Float32Array | null;
  /** Quantized weights, or null when float. */
  private readonly q: Int16Array | null;
  private readonly scales: Float32Array | null;
  /** The weights' sums are exact in any order (see exactSums): the decoder adds a token's rows four at a time. */
  private readonly pairwise: boolean;

  constructor(
    readonly tagset: TagSet,
    readonly table: FeatureTable,
    readonly weights: Float32Array | QuantizedWeights,
    /** Weights (floats or shorts) per row (≥ nClasses when models share the array). */
    readonly stride = tagset.names.length,
    /** Column of this model's first class within a row. */
    readonly offset = 0,
    /** Quantized weights: this model's scale within a row's scales. */
    readonly scaleAt = 0,
  ) {
    this.nClasses = tagset.names.length;
    this.scores = new Float64Array(this.nClasses);
    const quantized = weights instanceof Float32Array ? null : weights;
    this.floats = quantized ? null : (weights as Float32Array);
    this.q = quantized ? quantized.q : null;
    this.scales = quantized ? quantized.scales : null;
    this.pairwise = quantized ? exactSums(quantized.q, quantized.scales, stride, offset, scaleAt, this.nClasses) : false;
  }

  /** Rows the weights hold (a trainer's table may have grown since they were averaged). */
  get rows(): number {
    return Math.floor((this.floats ?? this.q!).length / this.stride);
  }

  /** s[c] += the weight of class c in a row, c < nClasses. */
  addRow(s: Float64Array, row: number): void {
    const q = this.q;
    if (q) addQuantized(s, q, row * this.stride + this.offset, this.scales![row * (this.stride >> 1) + this.scaleAt]!, this.nClasses);
    else addWeights(s, this.floats!, row * this.stride + this.offset, this.nClasses);
  }

  /** pool[at + c] += the weight of class c in a row, c < nClasses (float32 sums). */
  addRowTo(pool: Float32Array, at: number, row: number): void {
    const C = this.nClasses;
    const base = row * this.stride + this.offset;
    const q = this.q;
    if (q) {
      const scale = this.scales![row * (this.stride >> 1) + this.scaleAt]!;
      for (let c = 0; c < C; c++) pool[at + c] += Math.fround(q[base + c]! * scale);
    } else {
      const w = this.floats!;
      for (let c = 0; c < C; c++) pool[at + c] += w[base + c]!;
    }
  }

  /**
   * Read the first and the last cell of each of rows[0 .. n) (-1 = none) in a loop of independent loads,
   * so that the rows' cache misses overlap before the rows are summed one by one (a software prefetch; a
   * shared row spans two cache lines more often than not).
   */
  touchRows(rows: Int32Array, n: number): void {
    const w = this.q ?? this.floats!;
    const stride = this.stride;
    let sum = 0;
    for (let k = 0; k < n; k++) {
      const row = rows[k]!;
      if (row >= 0) sum += w[row * stride]! + w[row * stride + stride - 1]!;
    }
    this.touched = sum;
  }

  /** This model's weights as dense float rows (rows × nClasses), for freezing and inspection. */
  floatWeights(): Float32Array {
    const C = this.nClasses;
    if (this.floats && this.stride === C && this.offset === 0) return this.floats;
    const rows = this.rows;
    const out = new Float32Array(rows * C);
    const s = new Float64Array(C);
    for (let r = 0; r < rows; r++) {
      s.fill(0);
      this.addRow(s, r);
      out.set(s, r * C);
    }
    return out;
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

  /** Greedy decoding of one sentence from its static features; class ids are written to out[0..n). */
  decode(sf: SentenceFeatures, out: Int32Array): void {
    this.decodeRows(sf.n, this.lookup(sf), null, sf.conjA, sf.conjB, out);
  }

  /** Add the weights of the given rows (in order; -1 = none) to the double-precision scores s[0 .. nClasses). */
  addRows(rows: Int32Array, from: number, to: number, s: Float64Array): void {
    for (let k = from; k < to; k++) {
      const row = rows[k]!;
      if (row >= 0) this.addRow(s, row);
    }
  }

  /**
   * Add the weights of rows[0 .. m) (all ≥ 0) to s, four rows at a time, then two, then one (quantized
   * weights whose sums are exact in any order, see exactSums).
   */
  private addRowsExact(s: Float64Array, rows: Int32Array, m: number): void {
    const q = this.q!;
    const scales = this.scales!;
    const { stride, offset, scaleAt, nClasses } = this;
    const half = stride >> 1;
    let k = 0;
    for (; k + 4 <= m; k += 4) {
      const r1 = rows[k]!;
      const r2 = rows[k + 1]!;
      const r3 = rows[k + 2]!;
      const r4 = rows[k + 3]!;
      addQuantizedQuad(
        s, q,
        r1 * stride + offset, scales[r1 * half + scaleAt]!,
        r2 * stride + offset, scales[r2 * half + scaleAt]!,
        r3 * stride + offset, scales[r3 * half + scaleAt]!,
        r4 * stride + offset, scales[r4 * half + scaleAt]!,
        nClasses,
      );
    }
    if (k + 2 <= m) {
      const r1 = rows[k]!;
      const r2 = rows[k + 1]!;
      addQuantizedPair(s, q, r1 * stride + offset, scales[r1 * half + scaleAt]!, r2 * stride + offset, scales[r2 * half + scaleAt]!, nClasses);
      k += 2;
    }
    if (k < m) this.addRow(s, rows[k]!);
  }

  /** Room for `m` rows of one token in the gathered rows. */
  private gatherRoom(m: number): Int32Array {
    if (this.gathered.length < m) this.gathered = new Int32Array(2 * m);
    return this.gathered;
  }

  /**
   * Greedy decoding from looked-up rows (and optionally a second set of rows per token, starting scores of
   * token i at initial[i · initialStride + initialAt ...], and the rows of each token's conjoined history
   * features (see ConjoinedRows)). Scores are summed in double precision in a fixed order (initial,
   * a's rows, b's rows, the four history rows), so every caller gets the same sums for the same features;
   * when the sums are exact in any order (see exactSums), which gives the same sums, a token's rows (a's,
   * b's and the history rows) are gathered and added four at a time.
   */
  decodeRows(
    n: number,
    a: SentenceRows,
    b: SentenceRows | null,
    conjA: Int32Array,
    conjB: Int32Array,
    out: Int32Array,
    initial: Float32Array | Float64Array | null = null,
    initialStride = 0,
    initialAt = 0,
    conj: ConjoinedRows | null = null,
  ): void {
    const C = this.nClasses;
    const s = this.scores;
    const table = this.table;
    const allowed = this.tagset.allowed;
    const finalAllowed = this.tagset.finalAllowed;
    const prevRows = this.prevRows ?? this.buildPrevRows();
    const aRows = a.rows;
    const aStarts = a.starts;
    const aEnds = a.ends ?? null;
    let prev1 = C;
    let prev2 = C;
    for (let i = 0; i < n; i++) {
      if (initial) {
        const base = i * initialStride + initialAt;
        for (let c = 0; c < C; c++) s[c] = initial[base + c]!;
      } else for (let c = 0; c < C; c++) s[c] = 0;
      const aStart = aStarts[i]!;
      const aEnd = aEnds ? aEnds[i]! : aStarts[i + 1]!;
      const bStart = b ? b.starts[i]! : 0;
      const bEnd = b ? b.starts[i + 1]! : 0;
      let r3: number;
      let r4: number;
      if (conj) {
        const pool = conj.pool;
        const at = conj.at[i]!;
        r3 = pool[at + prev1]!;
        if (r3 === UNSET_ROW) r3 = pool[at + prev1] = table.get(featureKey2(HISTORY.PREV1_A, prev1, conjA[i]!));
        r4 = pool[at + C + 1 + prev1]!;
        if (r4 === UNSET_ROW) r4 = pool[at + C + 1 + prev1] = table.get(featureKey2(HISTORY.PREV1_B, prev1, conjB[i]!));
      } else {
        r3 = table.get(featureKey2(HISTORY.PREV1_A, prev1, conjA[i]!));
        r4 = table.get(featureKey2(HISTORY.PREV1_B, prev1, conjB[i]!));
      }
      const r1 = prevRows[prev1]!;
      const r2 = prevRows[(C + 1) * (1 + prev2) + prev1]!;
      if (this.pairwise) {
        const rows = this.gatherRoom(aEnd - aStart + bEnd - bStart + 4);
        let m = 0;
        for (let k = aStart; k < aEnd; k++) {
          const row = aRows[k]!;
          if (row >= 0) rows[m++] = row;
        }
        for (let k = bStart; k < bEnd; k++) {
          const row = b!.rows[k]!;
          if (row >= 0) rows[m++] = row;
        }
        if (r1 >= 0) rows[m++] = r1;
        if (r2 >= 0) rows[m++] = r2;
        if (r3 >= 0) rows[m++] = r3;
        if (r4 >= 0) rows[m++] = r4;
        this.addRowsExact(s, rows, m);
      } else {
        this.addRows(aRows, aStart, aEnd, s);
        if (b) this.addRows(b.rows, bStart, bEnd, s);
        if (r1 >= 0) this.addRow(s, r1);
        if (r2 >= 0) this.addRow(s, r2);
        if (r3 >= 0) this.addRow(s, r3);
        if (r4 >= 0) this.addRow(s, r4);
      }
      // The best class allowed after prev1 (ties go to the lower id), as bestAllowed.
      const last = i === n - 1;
      const allowedAt = prev1 * C;
      let best = -1;
      let bestScore = -Infinity;
      for (let c = 0; c < C; c++) {
        if (allowed[allowedAt + c] === 0 || (last && finalAllowed[c] === 0)) continue;
        const v = s[c]!;
        if (v > bestScore) {
          bestScore = v;
          best = c;
        }
      }
      out[i] = best;
      prev2 = prev1;
      prev1 = best;
    }
  }
}
