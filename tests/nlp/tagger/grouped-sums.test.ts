import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelPath } from "../../../src/paths.js";
import { decodePosModel, loadClusters } from "../../../src/nlp/tagger/index.js";
import { thaw } from "../../../src/nlp/tagger/frozen.js";
import { LinearModel } from "../../../src/nlp/tagger/linear-model.js";
import { freeTagSet } from "../../../src/nlp/tagger/tagset.js";

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("the decoder's grouped sums", () => {
  it("tag as the same weights summed one row at a time, whatever the number of rows of a token", () => {
    const data = decodePosModel(readFileSync(modelPath("pos.bin")), "pos.bin", loadClusters());
    const tagset = freeTagSet(data.tags);
    // The shipped quantized model adds a token's rows four at a time; the same weights as floats, one at a time.
    const grouped = thaw(data.weights, tagset);
    const single = new LinearModel(tagset, grouped.table, grouped.floatWeights());
    const next = random(7);
    const n = 400;
    const rowsOf = () => {
      const starts = new Int32Array(n + 1);
      const rows: number[] = [];
      for (let i = 0; i < n; i++) {
        starts[i] = rows.length;
        // 0 to 13 rows, some unknown (-1), so that every remainder of four occurs.
        const count = Math.floor(next() * 14);
        for (let k = 0; k < count; k++) rows.push(next() < 0.15 ? -1 : Math.floor(next() * grouped.rows));
      }
      starts[n] = rows.length;
      return { rows: Int32Array.from(rows), starts };
    };
    const a = rowsOf();
    const b = rowsOf();
    const conjA = Int32Array.from({ length: n }, () => Math.floor(next() * 2 ** 31));
    const conjB = Int32Array.from({ length: n }, () => Math.floor(next() * 2 ** 31));
    const out = [new Int32Array(n), new Int32Array(n)];
    grouped.decodeRows(n, a, b, conjA, conjB, out[0]!);
    single.decodeRows(n, a, b, conjA, conjB, out[1]!);
    expect(new Set(out[0]).size).toBeGreaterThan(5);
    expect(out[0]).toEqual(out[1]);
  });
});
