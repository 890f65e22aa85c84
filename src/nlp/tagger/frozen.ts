/**
 * Compact, final form of a trained linear model: features whose weights are all small are pruned, the
 * remaining rows are sorted by key (deterministic bytes) and weights are quantized to 16-bit integers with
 * one scale per row (per-row scales keep rare features' small weights and frequent features' large ones
 * equally precise).
 */
import { FeatureTable } from "./feature-table.js";
import { LinearModel, type QuantizedWeights } from "./linear-model.js";
import type { ModelArray } from "./model-format.js";
import type { TagSet } from "./tagset.js";

/** Largest quantized magnitude. */
const QMAX = 32767;

export interface FrozenLinear {
  /** Sorted feature keys; row r of the weights belongs to keys[r]. */
  keys: Int32Array;
  /** Quantized weights, rows × classes. */
  q: Int16Array;
  /** Per-row scale: weight = q · scale. */
  scales: Float32Array;
  nClasses: number;
}

/** Prune rows whose largest absolute weight is below `threshold`, sort by key and quantize. */
export function freeze(model: LinearModel, threshold: number): FrozenLinear {
  const C = model.nClasses;
  const w = model.floatWeights();
  const rows = w.length / C;
  const keys = model.table.keysByRow();
  const kept: number[] = [];
  for (let r = 0; r < rows; r++) {
    let max = 0;
    for (let c = 0; c < C; c++) max = Math.max(max, Math.abs(w[r * C + c]!));
    if (max > 0 && max >= threshold) kept.push(r);
  }
  kept.sort((a, b) => keys[a]! - keys[b]!);
  const out: FrozenLinear = {
    keys: new Int32Array(kept.length),
    q: new Int16Array(kept.length * C),
    scales: new Float32Array(kept.length),
    nClasses: C,
  };
  kept.forEach((r, i) => {
    out.keys[i] = keys[r]!;
    let max = 0;
    for (let c = 0; c < C; c++) max = Math.max(max, Math.abs(w[r * C + c]!));
    const scale = Math.fround(max / QMAX);
    out.scales[i] = scale;
    for (let c = 0; c < C; c++) out.q[i * C + c] = Math.round(w[r * C + c]! / scale);
  });
  return out;
}

/** The runnable model of frozen weights. */
export function thaw(frozen: FrozenLinear, tagset: TagSet): LinearModel {
  return thawShared([frozen], tagset)[0]!;
}

/**
 * Runnable models of several frozen ones over the same classes, sharing one table of the union of their
 * keys and one array of quantized rows (row = the models' scales, then their weights side by side; see
 * QuantizedWeights), so a feature is looked up once and its weights read from one place.
 */
export function thawShared(frozen: readonly FrozenLinear[], tagset: TagSet): LinearModel[] {
  const C = tagset.names.length;
  const M = frozen.length;
  const keys = frozen.map((f) => f.keys).reduce(mergeSorted);
  const table = FeatureTable.fromKeys(keys);
  // Shorts per row: two per scale, then the weights, rounded up to keep the scales 4-byte aligned.
  const stride = (2 * M + C * M + 1) & ~1;
  const q = new Int16Array(keys.length * stride);
  const weights: QuantizedWeights = { q, scales: new Float32Array(q.buffer) };
  frozen.forEach((f, m) => {
    // Row r of this model is row rowOf[r] of the union (both key lists ascending).
    const rowOf = f.keys === keys ? null : rowsIn(f.keys, keys);
    copyRows(f, rowOf, weights, stride, m, 2 * M + m * C);
  });
  return frozen.map((_, m) => new LinearModel(tagset, table, weights, stride, 2 * M + m * C, m));
}

/** The union of two ascending key lists, ascending. */
function mergeSorted(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? a[i]! : Infinity;
    const y = j < b.length ? b[j]! : Infinity;
    out[n++] = x <= y ? x : y;
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return out.slice(0, n);
}

/** For each key of `keys`, its index in `union` (both ascending, keys ⊆ union). */
function rowsIn(keys: Int32Array, union: Int32Array): Int32Array {
  const out = new Int32Array(keys.length);
  let j = 0;
  for (let r = 0; r < keys.length; r++) {
    while (union[j] !== keys[r]) j++;
    out[r] = j;
  }
  return out;
}

/** Each row of a frozen model (row r → rowOf[r], or r) into the shared rows: its scale at column m, its weights at offset. */
function copyRows(f: FrozenLinear, rowOf: Int32Array | null, into: QuantizedWeights, stride: number, m: number, offset: number): void {
  const C = f.nClasses;
  const { q, scales } = f;
  const out = into.q;
  for (let r = 0; r < scales.length; r++) {
    const row = rowOf ? rowOf[r]! : r;
    into.scales[row * (stride >> 1) + m] = scales[r]!;
    for (let c = 0, from = r * C, to = row * stride + offset; c < C; c++) out[to + c] = q[from + c]!;
  }
}

/** The arrays of a frozen model for the model file, under a name prefix. */
export function frozenArrays(prefix: string, frozen: FrozenLinear): Record<string, ModelArray> {
  return { [`${prefix}.keys`]: frozen.keys, [`${prefix}.q`]: frozen.q, [`${prefix}.scales`]: frozen.scales };
}

/** Read a frozen model back from the model file's arrays. */
export function frozenFromArrays(prefix: string, arrays: Record<string, ModelArray>, nClasses: number): FrozenLinear | null {
  const keys = arrays[`${prefix}.keys`];
  const q = arrays[`${prefix}.q`];
  const scales = arrays[`${prefix}.scales`];
  if (!(keys instanceof Int32Array) || !(q instanceof Int16Array) || !(scales instanceof Float32Array)) return null;
  if (q.length !== keys.length * nClasses || scales.length !== keys.length) return null;
  // Keys are stored ascending (see freeze), which thawShared relies on.
  for (let r = 1; r < keys.length; r++) if (keys[r - 1]! >= keys[r]!) return null;
  return { keys, q, scales, nClasses };
}
