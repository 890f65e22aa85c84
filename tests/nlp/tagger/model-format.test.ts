import { describe, expect, it } from "vitest";
import { NewsgraphError } from "../../../src/errors.js";
import { decodeModel, encodeModel } from "../../../src/nlp/tagger/model-format.js";

describe("model container", () => {
  const arrays = { a: Int32Array.from([1, -2, 3]), b: Int16Array.from([7, -7]), c: Float32Array.from([0.5]), d: Uint8Array.from([9]) };
  it("round-trips metadata and typed arrays", () => {
    const bytes = encodeModel({ format: "x/1", n: 3 }, arrays);
    const { meta, arrays: back } = decodeModel(bytes, "mem");
    expect(meta).toEqual({ format: "x/1", n: 3 });
    expect([...(back.a as Int32Array)]).toEqual([1, -2, 3]);
    expect(back.b).toBeInstanceOf(Int16Array);
    expect([...(back.b as Int16Array)]).toEqual([7, -7]);
    expect([...(back.c as Float32Array)]).toEqual([0.5]);
    expect([...(back.d as Uint8Array)]).toEqual([9]);
  });
  it("writes the same bytes for the same content", () => {
    expect(Buffer.compare(encodeModel({ k: 1 }, arrays), encodeModel({ k: 1 }, arrays))).toBe(0);
  });
  it("rejects a file that is not a model", () => {
    try {
      decodeModel(Buffer.from("hello world, not a model"), "bad.bin");
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(NewsgraphError);
      expect((err as NewsgraphError).code).toBe("MODEL_INVALID");
    }
  });
});
