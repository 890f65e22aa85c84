import { describe, expect, it } from "vitest";
import { frozenArrays, frozenFromArrays, thawShared, type FrozenLinear } from "../../../src/nlp/tagger/frozen.js";
import { freeTagSet } from "../../../src/nlp/tagger/tagset.js";

const tagset = freeTagSet(["A", "B"]);

function frozen(keys: number[], q: number[], scales: number[]): FrozenLinear {
  return { keys: Int32Array.from(keys), q: Int16Array.from(q), scales: Float32Array.from(scales), nClasses: 2 };
}

describe("frozen models", () => {
  // Ascending keys, negative ones first; the two models share keys -5 and 40.
  const one = frozen([-5, 7, 40], [1, -2, 3, 4, 5, 6], [0.5, 0.25, 2]);
  const two = frozen([-9, -5, 40, 41], [10, 20, 30, 40, 50, 60, 70, 80], [1, 0.5, 0.125, 4]);

  it("thaws models sharing one table: each key's row holds each model's weights, zero where a model lacks the key", () => {
    const [m1, m2] = thawShared([one, two], tagset);
    const weightsOf = (m: typeof m1, key: number) => {
      const row = m!.table.get(key);
      return row < 0 ? null : Array.from(m!.floatWeights().subarray(row * 2, row * 2 + 2));
    };
    expect(m1!.table).toBe(m2!.table);
    expect(weightsOf(m1, -9)).toEqual([0, 0]);
    expect(weightsOf(m2, -9)).toEqual([10, 20]);
    expect(weightsOf(m1, -5)).toEqual([0.5, -1]);
    expect(weightsOf(m2, -5)).toEqual([15, 20]);
    expect(weightsOf(m1, 7)).toEqual([0.75, 1]);
    expect(weightsOf(m2, 7)).toEqual([0, 0]);
    expect(weightsOf(m1, 40)).toEqual([10, 12]);
    expect(weightsOf(m2, 40)).toEqual([6.25, 7.5]);
    expect(weightsOf(m2, 41)).toEqual([280, 320]);
    expect(weightsOf(m1, 8)).toBeNull();
  });

  it("reads back from the model file's arrays only models with ascending keys", () => {
    expect(frozenFromArrays("w", frozenArrays("w", one), 2)).not.toBeNull();
    expect(frozenFromArrays("w", frozenArrays("w", frozen([7, -5, 40], [1, -2, 3, 4, 5, 6], [0.5, 0.25, 2])), 2)).toBeNull();
  });
});
