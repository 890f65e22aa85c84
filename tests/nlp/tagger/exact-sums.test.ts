import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelPath } from "../../../src/paths.js";
import { decodeNerModel, decodePosModel, loadClusters } from "../../../src/nlp/tagger/index.js";
import { exactSums } from "../../../src/nlp/tagger/linear-model.js";

/** Quantized rows of two classes, one scale each (stride 4: the scale's two shorts, then the weights). */
function rows(...rs: { scale: number; q: [number, number] }[]): [Int16Array, Float32Array] {
  const q = new Int16Array(4 * rs.length);
  const scales = new Float32Array(q.buffer);
  rs.forEach((r, i) => {
    scales[2 * i] = r.scale;
    q.set(r.q, 4 * i + 2);
  });
  return [q, scales];
}

describe("exactSums (the decoder groups rows only when it holds)", () => {
  it("holds for the shipped models", () => {
    const clusters = loadClusters();
    const pos = decodePosModel(readFileSync(modelPath("pos.bin")), "pos.bin", clusters).weights;
    const ner = decodeNerModel(readFileSync(modelPath("ner.bin")), "ner.bin", clusters);
    for (const f of [pos, ner.stage1, ner.stage2!]) {
      const stride = f.nClasses + 2 + (f.nClasses % 2);
      const q = new Int16Array(f.scales.length * stride);
      const scales = new Float32Array(q.buffer);
      for (let r = 0; r < f.scales.length; r++) {
        scales[r * (stride >> 1)] = f.scales[r]!;
        q.set(f.q.subarray(r * f.nClasses, (r + 1) * f.nClasses), r * stride + 2);
      }
      expect(exactSums(q, scales, stride, 2, 0, f.nClasses)).toBe(true);
    }
  });

  it("holds for weights on a coarse grid, fails when large and tiny weights mix", () => {
    expect(exactSums(...rows({ scale: 2 ** -10, q: [3, -32767] }, { scale: 2 ** -20, q: [1, 5] }), 4, 2, 0, 2)).toBe(true);
    // 2^-60 next to 32767: their sum needs 75 bits.
    expect(exactSums(...rows({ scale: 1, q: [3, 32767] }, { scale: 2 ** -60, q: [1, 0] }), 4, 2, 0, 2)).toBe(false);
    // 256 weights of 2^20 · 32767 on a grid of 2^-13: 53 bits are not enough for their sum.
    expect(exactSums(...rows({ scale: 2 ** 20, q: [32767, 0] }, { scale: 2 ** -13, q: [1, 0] }), 4, 2, 0, 2)).toBe(false);
  });
});
