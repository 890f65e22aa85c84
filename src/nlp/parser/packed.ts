/**
 * Linear models laid out for fast scoring of a few dozen hashed features per decision, and for fast
 * loading. A model file's (frozen) weights are kept quantized, 16-bit integers times a per-row scale,
 * and each weight is computed as it is read, giving the very float the model stands for (the product of
 * a 16-bit integer and a float32 is exact in double precision; rounding it to float32 is what storing it
 * in a Float32Array did): half the memory of float weights, so more of a model stays in cache.
 * - PackedLinear, for the parser's four moves: an open-addressing table whose slots hold the feature key,
 *   its row's scale and its four weights side by side (16 bytes, aligned), so looking a feature up and
 *   reading its weights touch one cache line.
 * - SparseLinear, for many classes of which few have a weight in a row (the relations: nine weights in
 *   ten are 0): a key table whose slots say where a row's nonzero weights are, as (class, weight) pairs.
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

/**
 * Read every key's home slot before probing: independent loads the processor overlaps, so the probes
 * that follow mostly find their slots in cache. Returns a value to keep (so the loads are not optimized away).
 */
function touchHomes(slots: Int32Array, stride: number, shift: number, keys: Int32Array, count: number): number {
  let touched = 0;
  for (let k = 0; k < count; k++) touched ^= slots[(keys[k]! >>> shift) * stride]!;
  return touched;
}

/** Classes of a PackedLinear: the parser's four moves. */
const PACKED_CLASSES = 4;
/** 32-bit words of a PackedLinear slot: key, scale, four 16-bit weights. */
const STRIDE = 4;

export class PackedLinear implements Scorer {
  readonly nClasses = PACKED_CLASSES;
  /** Sink of the prefetching loads (keeps them from being optimized away). */
  touched = 0;
  /**
   * The four sums are kept in locals (the same additions, in the same order, as into `out`). A closure
   * over the table's arrays, not a method reading them from fields: measured 5-10% faster parsing.
   */
  readonly score: (keys: Int32Array, count: number, out: Float64Array) => void;

  /** From a frozen model of a model file, of four classes. */
  constructor(frozen: FrozenLinear) {
    if (frozen.nClasses !== PACKED_CLASSES) throw new Error(`PackedLinear takes ${PACKED_CLASSES} classes, not ${frozen.nClasses}`);
    const { keys, q, scales } = frozen;
    const { shift, slotOf, size } = orderedSlots(keys, LOAD);
    // Slot: key, scale (float32), then the four weights as 16-bit integers.
    const buffer = new ArrayBuffer(size * STRIDE * 4);
    const ints = new Int32Array(buffer);
    const floats = new Float32Array(buffer);
    const shorts = new Int16Array(buffer);
    for (let r = 0; r < keys.length; r++) {
      const base = slotOf[r]! * STRIDE;
      ints[base] = keys[r]!;
      floats[base + 1] = scales[r]!;
      for (let c = 0, at = 2 * base + 4, from = r * PACKED_CLASSES; c < PACKED_CLASSES; c++) shorts[at + c] = q[from + c]!;
    }
    this.score = (keys: Int32Array, count: number, out: Float64Array): void => {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      this.touched = touchHomes(ints, STRIDE, shift, keys, count);
      for (let k = 0; k < count; k++) {
        const key = keys[k]!;
        const unsigned = key >>> 0;
        for (let base = (key >>> shift) * STRIDE; ; base += STRIDE) {
          const found = ints[base]!;
          if (found === key) {
            const scale = floats[base + 1]!;
            const at = 2 * base + 4;
            s0 += Math.fround(shorts[at]! * scale);
            s1 += Math.fround(shorts[at + 1]! * scale);
            s2 += Math.fround(shorts[at + 2]! * scale);
            s3 += Math.fround(shorts[at + 3]! * scale);
            break;
          }
          if (found === 0 || found >>> 0 > unsigned) break;
        }
      }
      out[0] = s0;
      out[1] = s1;
      out[2] = s2;
      out[3] = s3;
    };
  }
}

export class SparseLinear implements Scorer {
  readonly nClasses: number;
  /** Sink of the prefetching loads. */
  touched = 0;
  /** A closure over the table's arrays, as PackedLinear's. */
  readonly score: (keys: Int32Array, count: number, out: Float64Array) => void;

  /** From a frozen model of a model file. */
  constructor(frozen: FrozenLinear) {
    const C = frozen.nClasses;
    const { keys, q, scales } = frozen;
    let nonzero = 0;
    for (let i = 0; i < q.length; i++) if (q[i] !== 0) nonzero++;
    const { shift, slotOf, size } = orderedSlots(keys, LOAD);
    // Slot: key, row scale (float32), then where the row's weights start and end in `entries`.
    const slots = new Int32Array(4 * size);
    const slotScales = new Float32Array(slots.buffer);
    // A row's nonzero weights: class << 16 | the 16-bit quantized weight.
    const entries = new Int32Array(nonzero);
    let e = 0;
    for (let r = 0; r < keys.length; r++) {
      const base = 4 * slotOf[r]!;
      slots[base] = keys[r]!;
      slotScales[base + 1] = scales[r]!;
      slots[base + 2] = e;
      for (let c = 0, from = r * C; c < C; c++) if (q[from + c] !== 0) entries[e++] = (c << 16) | (q[from + c]! & 0xffff);
      slots[base + 3] = e;
    }
    this.nClasses = C;
    // The slots of the keys found, in the order of the keys: the first pass finds them and touches their
    // weights (independent loads the processor overlaps), the second adds the weights.
    let found = new Int32Array(64);
    this.score = (keys: Int32Array, count: number, out: Float64Array): void => {
      if (found.length < count) found = new Int32Array(2 * count);
      this.touched = touchHomes(slots, 4, shift, keys, count);
      let hits = 0;
      let touched = 0;
      for (let k = 0; k < count; k++) {
        const key = keys[k]!;
        const unsigned = key >>> 0;
        for (let i = 4 * (key >>> shift); ; i += 4) {
          const at = slots[i]!;
          if (at === key) {
            found[hits++] = i;
            touched ^= entries[slots[i + 2]!]!;
            break;
          }
          if (at === 0 || at >>> 0 > unsigned) break;
        }
      }
      this.touched ^= touched;
      out.fill(0);
      for (let h = 0; h < hits; h++) {
        // A zero weight adds nothing: the sums are those over every class.
        const i = found[h]!;
        const scale = slotScales[i + 1]!;
        for (let e = slots[i + 2]!, end = slots[i + 3]!; e < end; e++) {
          const entry = entries[e]!;
          out[entry >>> 16] += Math.fround(((entry << 16) >> 16) * scale);
        }
      }
    };
  }
}

export class FloatLinear implements Scorer {
  private readonly table: FeatureTable;
  /** Rows × nClasses. */
  private readonly weights: Float32Array;
  /** Rows the weights hold (a trainer's table may have grown since they were averaged). */
  private readonly rows: number;
  readonly nClasses: number;

  /** From a trained model's table and weights (a trained model's floats are shared, not copied). */
  constructor(model: LinearModel) {
    this.table = model.table;
    this.weights = model.floatWeights();
    this.rows = model.rows;
    this.nClasses = model.nClasses;
  }

  score(keys: Int32Array, count: number, out: Float64Array): void {
    const C = this.nClasses;
    const { table, weights, rows } = this;
    out.fill(0);
    for (let k = 0; k < count; k++) {
      const row = table.get(keys[k]!);
      if (row < 0 || row >= rows) continue;
      for (let c = 0, base = row * C; c < C; c++) out[c] += weights[base + c]!;
    }
  }
}
