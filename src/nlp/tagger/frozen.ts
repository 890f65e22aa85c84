/**
 * Compact, final form of a trained linear model: features whose weights are all small are pruned, the
 * remaining rows are sorted by key (deterministic bytes) and weights are quantized to 16-bit integers with
 * one scale per row (per-row scales keep rare features' small weights and frequent features' large ones
 * equally precise).
 */
import { FeatureTable } from "./feature-table.js";
import { LinearModel } from "./linear-model.js";
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
  const w = model.weights;
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
 * keys and one weight array (row = the models' weights side by side), so a feature is looked up once.
 */
export function thawShared(frozen: readonly FrozenLinear[], tagset: TagSet): LinearModel[] {
  const C = tagset.names.length;
  const union = new Set<number>();
  for (const f of frozen) for (const k of f.keys) union.add(k);
  const keys = Int32Array.from(union).sort();
  const table = FeatureTable.fromKeys(keys);
  const stride = C * frozen.length;
  const weights = new Float32Array(keys.length * stride);
  frozen.forEach((f, m) => {
    for (let r = 0; r < f.keys.length; r++) {
      const base = table.get(f.keys[r]!) * stride + m * C;
      const s = f.scales[r]!;
      for (let c = 0; c < C; c++) weights[base + c] = f.q[r * C + c]! * s;
    }
  });
  return frozen.map((_, m) => new LinearModel(tagset, table, weights, stride, m * C));
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
  return { keys, q, scales, nClasses };
}
