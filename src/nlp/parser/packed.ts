/**
 * Linear models laid out for fast scoring of a few dozen hashed features per decision. PackedLinear, for
 * few classes (the parser's moves): an open-addressing table whose slots hold the feature key and its class
 * weights side by side, so looking a feature up and reading its weights touch one place in memory (with
 * weights in a separate array every feature cost two cache misses). DenseLinear, for many classes (the
 * relations), where a row spans several cache lines anyway: a key table and dense rows, which take a third
 * of the memory and load faster. Both are built from a trained LinearModel or a model file's frozen model;
 * scores are summed in double precision in feature order, like LinearModel's.
 */
import { FeatureTable } from "../tagger/feature-table.js";
import type { FrozenLinear } from "../tagger/frozen.js";
import type { LinearModel } from "../tagger/linear-model.js";

/** Class scores of hashed features. */
export interface Scorer {
  readonly nClasses: number;
  /** out[c] = the sum of the weights of class c over the given keys (unknown keys add nothing). */
  score(keys: Int32Array, count: number, out: Float64Array): void;
}

export class PackedLinear implements Scorer {
  readonly nClasses: number;
  private readonly ints: Int32Array;
  private readonly floats: Float32Array;
  private readonly mask: number;
  /** 32-bit words per slot: the key, then the weights. */
  private readonly stride: number;
  /** Sink of the prefetching loads (keeps them from being optimized away). */
  touched = 0;

  private constructor(nClasses: number, rows: number) {
    this.nClasses = nClasses;
    this.stride = nClasses + 1;
    // At most two thirds full: short probe runs, and a smaller table stays in cache more often.
    let cap = 16;
    while (cap * 2 < rows * 3) cap *= 2;
    this.mask = cap - 1;
    const buffer = new ArrayBuffer(cap * this.stride * 4);
    this.ints = new Int32Array(buffer);
    this.floats = new Float32Array(buffer);
  }

  /** The first weight's index in the slot of a new key (keys are distinct and never 0). */
  private slot(key: number): number {
    const { ints, mask, stride } = this;
    let i = key & mask;
    while (ints[i * stride] !== 0) i = (i + 1) & mask;
    ints[i * stride] = key;
    return i * stride + 1;
  }

  /** From a trained model's table and weights. */
  static fromModel(model: LinearModel): PackedLinear {
    const keys = model.table.keysByRow();
    const rows = Math.min(keys.length, model.weights.length / model.stride);
    const C = model.nClasses;
    const packed = new PackedLinear(C, rows);
    const { floats } = packed;
    const weights = model.weights;
    for (let r = 0; r < rows; r++) {
      const at = packed.slot(keys[r]!);
      const from = r * model.stride + model.offset;
      for (let c = 0; c < C; c++) floats[at + c] = weights[from + c]!;
    }
    return packed;
  }

  /** From a frozen model of a model file (quantized weights times their row's scale). */
  static fromFrozen(frozen: FrozenLinear): PackedLinear {
    const C = frozen.nClasses;
    const { keys, q, scales } = frozen;
    const packed = new PackedLinear(C, keys.length);
    const { floats } = packed;
    for (let r = 0; r < keys.length; r++) {
      const at = packed.slot(keys[r]!);
      const scale = scales[r]!;
      for (let c = 0, from = r * C; c < C; c++) floats[at + c] = q[from + c]! * scale;
    }
    return packed;
  }

  /** out[c] = the sum of the weights of class c over the given keys (unknown keys add nothing). */
  score(keys: Int32Array, count: number, out: Float64Array): void {
    const C = this.nClasses;
    const ints = this.ints;
    const floats = this.floats;
    const mask = this.mask;
    const stride = this.stride;
    out.fill(0);
    // Touch every key's first slot first: independent loads the processor overlaps, so the probing
    // below mostly finds its slots in cache.
    let touched = 0;
    for (let k = 0; k < count; k++) touched ^= ints[(keys[k]! & mask) * stride]!;
    this.touched = touched;
    for (let k = 0; k < count; k++) {
      const key = keys[k]!;
      let i = key & mask;
      for (;;) {
        const base = i * stride;
        const found = ints[base]!;
        if (found === key) {
          for (let c = 0; c < C; c++) out[c] += floats[base + 1 + c]!;
          break;
        }
        if (found === 0) break;
        i = (i + 1) & mask;
      }
    }
  }
}

export class DenseLinear implements Scorer {
  private constructor(
    readonly nClasses: number,
    private readonly table: FeatureTable,
    /** Row r's weights at r · nClasses. */
    private readonly weights: Float32Array,
  ) {}

  /** From a trained model's table and weights. */
  static fromModel(model: LinearModel): DenseLinear {
    const C = model.nClasses;
    const rows = model.weights.length / model.stride;
    const weights = new Float32Array(rows * C);
    for (let r = 0; r < rows; r++) weights.set(model.weights.subarray(r * model.stride + model.offset, r * model.stride + model.offset + C), r * C);
    return new DenseLinear(C, model.table, weights);
  }

  /** From a frozen model of a model file (quantized weights times their row's scale). */
  static fromFrozen(frozen: FrozenLinear): DenseLinear {
    const C = frozen.nClasses;
    const { keys, q, scales } = frozen;
    const weights = new Float32Array(keys.length * C);
    for (let r = 0; r < keys.length; r++) {
      const scale = scales[r]!;
      for (let c = r * C, end = c + C; c < end; c++) weights[c] = q[c]! * scale;
    }
    return new DenseLinear(C, FeatureTable.fromKeys(keys), weights);
  }

  score(keys: Int32Array, count: number, out: Float64Array): void {
    const C = this.nClasses;
    const weights = this.weights;
    out.fill(0);
    for (let k = 0; k < count; k++) {
      const row = this.table.get(keys[k]!);
      if (row < 0) continue;
      for (let c = 0, base = row * C; c < C; c++) out[c] += weights[base + c]!;
    }
  }
}
