import { describe, expect, it } from "vitest";
import { CAP, computeWordInfo, normalizeToken, wordShape } from "../../../src/nlp/tagger/word-info.js";

describe("normalizeToken", () => {
  const rows: [string, string][] = [
    ["\u2019s", "'s"],
    ["\u201c", '"'],
    ["\u201d", '"'],
    ["``", '"'],
    ["\u2013", "-"],
    ["\u2014", "--"],
    ["O\u2019Neill", "O'Neill"],
    ["Franco\u2013German", "Franco-German"],
    ["\u2026", "..."],
    ["plain", "plain"],
    ["constructor", "constructor"],
  ];
  it.each(rows)("%s -> %s", (raw, norm) => expect(normalizeToken(raw)).toBe(norm));
});

describe("word facts", () => {
  it("computes shapes with capped runs", () => {
    expect(wordShape("Mandela", 4)).toBe("Xxxxx");
    expect(wordShape("Mandela", 1)).toBe("Xx");
    expect(wordShape("U.S.", 1)).toBe("X.X.");
    expect(wordShape("1996-08-22", 1)).toBe("d-d-d");
  });
  it("classifies capitalisation", () => {
    const cap = (w: string) => computeWordInfo(w).cap;
    expect(cap("river")).toBe(CAP.LOWER);
    expect(cap("River")).toBe(CAP.INITIAL);
    expect(cap("RIVER")).toBe(CAP.ALLCAPS);
    expect(cap("A")).toBe(CAP.LETTER);
    expect(cap("McDonald")).toBe(CAP.MIXED);
    expect(cap("eBay")).toBe(CAP.MIXED);
    expect(cap("1996")).toBe(CAP.NONE);
  });
  it("folds case and digits in the key, and curly apostrophes", () => {
    const a = computeWordInfo("Talks\u2019");
    const b = computeWordInfo("TALKS'");
    expect(a.key).toBe("talks'");
    expect(a.hKey).toBe(b.hKey);
    expect(computeWordInfo("1,250").key).toBe("0,000");
  });
});
