/**
 * Weights of an averaged perceptron (Collins 2002) with Daumé's trick for the average: rows of class
 * weights under hashed feature keys, kept as w and u = Σ clock·Δw, so the average is w − u/clock without
 * touching every weight at every step. Shared by the taggers' and the parser's trainers.
 */
import { FeatureTable } from "./feature-table.js";
import { LinearModel } from "./linear-model.js";
import type { TagSet } from "./tagset.js";

const INITIAL_ROWS = 1 << 18;

export class AveragedWeights {
  readonly table = new FeatureTable(INITIAL_ROWS);
  /** Current weights, row-major (row · nClasses + class). */
  w: Float32Array;
  private u: Float64Array;
  /** Number of training instances seen (the averaging clock). */
  clock = 1;

  constructor(readonly nClasses: number) {
    this.w = new Float32Array(INITIAL_ROWS * nClasses);
    this.u = new Float64Array(INITIAL_ROWS * nClasses);
  }

  /** Row of a key, created if absent. */
  intern(key: number): number {
    const row = this.table.intern(key);
    if ((row + 1) * this.nClasses > this.w.length) {
      const w = new Float32Array(this.w.length * 2);
      w.set(this.w);
      this.w = w;
      const u = new Float64Array(this.u.length * 2);
      u.set(this.u);
      this.u = u;
    }
    return row;
  }

  /** Add delta to the weight of class c in a row (row < 0: nothing). */
  bump(row: number, c: number, delta: number): void {
    if (row < 0) return;
    const i = row * this.nClasses + c;
    this.w[i] += delta;
    this.u[i] += this.clock * delta;
  }

  /** out[c] = the sum of the current weights of class c over the keys' rows (unknown keys add nothing). */
  score(keys: Int32Array, count: number, out: Float64Array): void {
    const C = this.nClasses;
    out.fill(0);
    for (let k = 0; k < count; k++) {
      const row = this.table.get(keys[k]!);
      if (row < 0) continue;
      const base = row * C;
      for (let c = 0; c < C; c++) out[c] += this.w[base + c]!;
    }
  }

  /** The perceptron update on the given keys: towards gold, away from pred. */
  update(keys: Int32Array, count: number, gold: number, pred: number): void {
    for (let k = 0; k < count; k++) {
      const row = this.intern(keys[k]!);
      this.bump(row, gold, 1);
      this.bump(row, pred, -1);
    }
  }

  /** The averaged weights, as a model sharing this table. */
  averaged(tagset: TagSet): LinearModel {
    const size = this.table.size * this.nClasses;
    const avg = new Float32Array(size);
    for (let i = 0; i < size; i++) avg[i] = this.w[i]! - this.u[i]! / this.clock;
    return new LinearModel(tagset, this.table, avg);
  }
}
