// Slicing a large document: contiguous slices that cover the text, cut at the best boundary, never
// between the halves of a surrogate pair.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { documentSlices } from "../../src/extract/slices.js";

describe("documentSlices", () => {
  it("keeps a text up to the limit whole", () => {
    expect(documentSlices("Short text.", 100)).toEqual([[0, 11]]);
  });

  it("cuts at a blank line before a line break, a sentence end or a space", () => {
    const text = "Aaaa bbbb. Cccc\ndddd\n\neeee ffff. Gggg hhhh iiii";
    const [first] = documentSlices(text, 30);
    expect(text.slice(0, first![1])).toBe("Aaaa bbbb. Cccc\ndddd\n\n");
  });

  it("cuts at a sentence end when there is no line break", () => {
    const text = "Aaaa bbbb cccc. Dddd eeee ffff gggg hhhh";
    expect(text.slice(0, documentSlices(text, 24)[0]![1])).toBe("Aaaa bbbb cccc. ");
  });

  it("covers any text with contiguous slices of at most the limit, never splitting a surrogate pair", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), fc.integer({ min: 2, max: 60 }), (text, max) => {
        const slices = documentSlices(text, max);
        expect(slices[0]![0]).toBe(0);
        expect(slices[slices.length - 1]![1]).toBe(text.length);
        slices.forEach(([start, end], i) => {
          if (i > 0) expect(start).toBe(slices[i - 1]![1]);
          expect(end - start).toBeLessThanOrEqual(max);
          if (text.length > 0) expect(end).toBeGreaterThan(start);
          const code = text.charCodeAt(end);
          if (end < text.length) expect(code >= 0xdc00 && code <= 0xdfff && /[\ud800-\udbff]/.test(text[end - 1]!)).toBe(false);
        });
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});
