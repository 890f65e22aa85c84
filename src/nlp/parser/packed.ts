/**
 * Linear models laid out for fast scoring of a few dozen hashed features per decision, and for fast
 * loading. A model file's (frozen) weights are kept quantized, 16-bit integers times a per-row scale,
 * and each weight is computed as it is read, giving the very float the model stands for (the product of
 * a 16-bit integer and a float32 is exact in double precision; rounding it to float32 is what storing it
 * in a Float32Array did): half the memory of float weights, so more of a model stays in cache.
 * - PackedLinear, for few classes (the parser's moves): an open-addressing table whose slots hold the
 *   feature key, its row's scale and its weights side by side (16 bytes for 4 classes, aligned), so looking
 *   a feature up and reading its weights touch one cache line.
 * - DenseLinear, for many classes (the relations), where a row spans several cache lines anyway: a key
 *   table and the model file's rows, read in place.
 * - FloatLinear, for a trained model's float weights (training's dev scores, tests).
 * Scores are sums in double precision of the weights of the keys found, in the order of the keys.
 *
 * The key tables are ordered: a key's home slot is its top bits, and keys are placed in ascending unsigned
 * order, each in the first free slot from its home. A model file's keys are sorted, so a table is written
 * front to back in one pass (no scattered writes), and a lookup of an unknown key stops at the first
 * larger key, which keeps probes short in a table filled to four fifths.
 */
import type { FeatureTable } from "../tagger/feature-table.js";
import type { FrozenLinear } from "../tagger/frozen.js";
import type { LinearModel } from "../tagger/linear-model.js";

/** Class scores of hashed features. */
export interface Scorer {
  readonly nClasses: number;
  /** out[c] = the sum of the weights of class c over the given keys (unknown keys add nothing). */
  score(keys: Int32Array, count: number, out: Float64Array): void;
}

/** Slots of an ordered table of sorted keys (signed ascending, distinct, never 0), filled to at most `load`. */
interface OrderedSlots {
  /** Home slot of a key: key >>> shift. */
  shift: number;
  /** Slot of each key. */
  slotOf: Int32Array;
  /** Number of slots, the last always empty (probe runs end before it). */
  size: number;
}

function orderedSlots(keys: Int32Array, load: number): OrderedSlots {
  const n = keys.length;
  let bits = 4;
  while (2 ** bits * load < n) bits++;
  const shift = 32 - bits;
  const slotOf = new Int32Array(n);
  // Ascending unsigned order: the non-negative keys, then the negative ones.
  let firstUnsigned = 0;
  while (firstUnsigned < n && keys[firstUnsigned]! < 0) firstUnsigned++;
  let next = 0;
  for (let i = 0; i < n; i++) {
    const r = i + firstUnsigned < n ? i + firstUnsigned : i + firstUnsigned - n;
    const home = keys[r]! >>> shift;
    const slot = home > next ? home : next;
    slotOf[r] = slot;
    next = slot + 1;
  }
  return { shift, slotOf, size: Math.max(2 ** bits, next) + 1 };
}

/** Share of slots a table may fill. */
const LOAD = 0.8;

export class PackedLinear implements Scorer {
  /** Slot: key, scale (float32), then the weights as 16-bit integers; `stride` 32-bit words. */
  private readonly ints: Int32Array;
  private readonly floats: Float32Array;
  private readonly shorts: Int16Array;
  private readonly shift: number;
  private readonly stride: number;
  /** Sink of the prefetching loads (keeps them from being optimized away). */
  touched = 0;

  /** From a frozen model of a model file. */
  constructor(frozen: FrozenLinear) {
    const C = frozen.nClasses;
    const { keys, q, scales } = frozen;
    const { shift, slotOf, size } = orderedSlots(keys, LOAD);
    this.nClasses = C;
    this.shift = shift;
    this.stride = 2 + Math.ceil(C / 2);
    const buffer = new ArrayBuffer(size * this.stride * 4);
    this.ints = new Int32Array(buffer);
    this.floats = new Float32Array(buffer);
    this.shorts = new Int16Array(buffer);
    const { ints, floats, shorts, stride } = this;
    for (let r = 0; r < keys.length; r++) {
      const base = slotOf[r]! * stride;
      ints[base] = keys[r]!;
      floats[base + 1] = scales[r]!;
      for (let c = 0, at = 2 * base + 4, from = r * C; c < C; c++) shorts[at + c] = q[from + c]!;
    }
  }

  readonly nClasses: number;

  score(keys: Int32Array, count: number, out: Float64Array): void {
    const C = this.nClasses;
    const { ints, floats, shorts, shift, stride } = this;
    out.fill(0);
    // Touch every key's home slot first: independent loads the processor overlaps, so the probing
    // below mostly finds its slots in cache.
    let touched = 0;
    for (let k = 0; k < count; k++) touched ^= ints[(keys[k]! >>> shift) * stride]!;
    this.touched = touched;
    for (let k = 0; k < count; k++) {
      const key = keys[k]!;
      const unsigned = key >>> 0;
      for (let base = (key >>> shift) * stride; ; base += stride) {
        const found = ints[base]!;
        if (found === key) {
          const scale = floats[base + 1]!;
          for (let c = 0, at = 2 * base + 4; c < C; c++) out[c] += Math.fround(shorts[at + c]! * scale);
          break;
        }
        if (found === 0 || found >>> 0 > unsigned) break;
      }
    }
  }
}

export class DenseLinear implements Scorer {
  /** Slot: key, row. */
  private readonly slots: Int32Array;
  private readonly shift: number;
  private readonly q: Int16Array;
  private readonly scales: Float32Array;
  readonly nClasses: number;

  /** From a frozen model of a model file (its rows are read in place). */
  constructor(frozen: FrozenLinear) {
    const { shift, slotOf, size } = orderedSlots(frozen.keys, LOAD);
    this.slots = new Int32Array(2 * size);
    for (let r = 0; r < slotOf.length; r++) {
      this.slots[2 * slotOf[r]!] = frozen.keys[r]!;
      this.slots[2 * slotOf[r]! + 1] = r;
    }
    this.shift = shift;
    this.q = frozen.q;
    this.scales = frozen.scales;
    this.nClasses = frozen.nClasses;
  }

  score(keys: Int32Array, count: number, out: Float64Array): void {
    const C = this.nClasses;
    const { slots, shift, q, scales } = this;
    out.fill(0);
    for (let k = 0; k < count; k++) {
      const key = keys[k]!;
      const unsigned = key >>> 0;
      for (let i = 2 * (key >>> shift); ; i += 2) {
        const found = slots[i]!;
        if (found === key) {
          const row = slots[i + 1]!;
          const scale = scales[row]!;
          for (let c = 0, at = row * C; c < C; c++) out[c] += Math.fround(q[at + c]! * scale);
          break;
        }
        if (found === 0 || found >>> 0 > unsigned) break;
      }
    }
  }
}

export class FloatLinear implements Scorer {
  private readonly table: FeatureTable;
  private readonly weights: Float32Array;
  private readonly stride: number;
  private readonly offset: number;
  /** Rows the weights hold (a trainer's table may have grown since they were averaged). */
  private readonly rows: number;
  readonly nClasses: number;

  /** From a trained model's table and weights (shared, not copied). */
  constructor(model: LinearModel) {
    this.table = model.table;
    this.weights = model.weights;
    this.stride = model.stride;
    this.offset = model.offset;
    this.rows = Math.floor(model.weights.length / model.stride);
    this.nClasses = model.nClasses;
  }

  score(keys: Int32Array, count: number, out: Float64Array): void {
    const C = this.nClasses;
    const { table, weights, stride, offset, rows } = this;
    out.fill(0);
    for (let k = 0; k < count; k++) {
      const row = table.get(keys[k]!);
      if (row < 0 || row >= rows) continue;
      for (let c = 0, base = row * stride + offset; c < C; c++) out[c] += weights[base + c]!;
    }
  }
}
