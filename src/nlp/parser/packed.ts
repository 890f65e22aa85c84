/**
 * A linear model laid out for fast scoring of a few dozen hashed features: an open-addressing table whose
 * slots hold the feature key and its class weights side by side, so looking a feature up and reading its
 * weights touch one place in memory (the parser's features are computed per state, and with weights in a
 * separate array every feature cost two cache misses). Built from a trained LinearModel; scores are summed
 * in double precision in feature order, like LinearModel's.
 */
import type { FrozenLinear } from "../tagger/frozen.js";
import type { LinearModel } from "../tagger/linear-model.js";

export class PackedLinear {
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

  /** The slot of a new key (keys are distinct and never 0). */
  private slot(key: number): number {
    let i = key & this.mask;
    while (this.ints[i * this.stride] !== 0) i = (i + 1) & this.mask;
    this.ints[i * this.stride] = key;
    return i * this.stride + 1;
  }

  /** From a trained model's table and weights. */
  static fromModel(model: LinearModel): PackedLinear {
    const keys = model.table.keysByRow();
    const rows = Math.min(keys.length, model.weights.length / model.stride);
    const packed = new PackedLinear(model.nClasses, rows);
    for (let r = 0; r < rows; r++) {
      const at = packed.slot(keys[r]!);
      const from = r * model.stride + model.offset;
      for (let c = 0; c < model.nClasses; c++) packed.floats[at + c] = model.weights[from + c]!;
    }
    return packed;
  }

  /** From a frozen model of a model file (quantized weights times their row's scale). */
  static fromFrozen(frozen: FrozenLinear): PackedLinear {
    const C = frozen.nClasses;
    const packed = new PackedLinear(C, frozen.keys.length);
    for (let r = 0; r < frozen.keys.length; r++) {
      const at = packed.slot(frozen.keys[r]!);
      const scale = frozen.scales[r]!;
      for (let c = 0; c < C; c++) packed.floats[at + c] = frozen.q[r * C + c]! * scale;
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
