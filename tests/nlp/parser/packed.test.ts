import { describe, expect, it } from "vitest";
import { PackedLinear, SparseLinear, type Scorer } from "../../../src/nlp/parser/packed.js";
import type { FrozenLinear } from "../../../src/nlp/tagger/frozen.js";

// A frozen model as a model file holds one: keys sorted (signed), quantized rows, per-row scales. The keys
// crowd a few home slots (equal top bits) and take both signs, so probe runs are long and ordered.
function frozenModel(nClasses: number): FrozenLinear {
  const keys = Int32Array.from([-0x7ffffff0, -0x7fffffe0, -0x7fffffd0, -5, -3, 7, 9, 11, 0x10000001, 0x10000002, 0x7ffffff0]).sort();
  const q = new Int16Array(keys.length * nClasses);
  for (let i = 0; i < q.length; i++) q[i] = i % 3 === 0 ? 0 : ((i * 7919) % 60001) - 30000;
  const scales = Float32Array.from(keys, (_, r) => 0.001 * (r + 1));
  return { keys, q, scales, nClasses };
}

/** The scores a model stands for: the float32 weights q · scale, summed in order. */
function expected(frozen: FrozenLinear, keys: number[]): number[] {
  const out = new Array<number>(frozen.nClasses).fill(0);
  for (const key of keys) {
    const r = frozen.keys.indexOf(key);
    if (r < 0) continue;
    for (let c = 0; c < frozen.nClasses; c++) out[c]! += Math.fround(frozen.q[r * frozen.nClasses + c]! * frozen.scales[r]!);
  }
  return out;
}

function scores(scorer: Scorer, keys: number[]): number[] {
  const out = new Float64Array(scorer.nClasses);
  scorer.score(Int32Array.from(keys), keys.length, out);
  return Array.from(out);
}

// Known keys, repeated ones, and unknown keys before, between and after known ones in the same probe runs.
const QUERIES = [
  [7, 9, 11],
  [-0x7fffffe0, 0x7ffffff0, -5, 0x10000002],
  [9, 9, -3],
  [8, 10, 12, -4, -0x7fffffe8, 0x10000000, 0x10000003, 0x7fffffff, -1, 1],
  [11, 8, -0x7ffffff0, 6, 0x7ffffff0],
];

describe("parser scorers of frozen models", () => {
  it("give a packed model's scores for known, repeated and unknown keys", () => {
    const frozen = frozenModel(4);
    const packed = new PackedLinear(frozen);
    for (const keys of QUERIES) expect(scores(packed, keys)).toEqual(expected(frozen, keys));
  });

  it("give a sparse model's scores, its zero weights included as zeros", () => {
    const frozen = frozenModel(7);
    const sparse = new SparseLinear(frozen);
    for (const keys of QUERIES) expect(scores(sparse, keys)).toEqual(expected(frozen, keys));
  });

  it("take a packed model of the four moves only", () => {
    expect(() => new PackedLinear(frozenModel(5))).toThrow(/4 classes/);
  });

  it("score nothing for no keys or unknown keys only", () => {
    const frozen = frozenModel(4);
    expect(scores(new PackedLinear(frozen), [])).toEqual([0, 0, 0, 0]);
    expect(scores(new SparseLinear(frozen), [2, 4, -2])).toEqual([0, 0, 0, 0]);
  });
});
