import { describe, expect, it } from "vitest";
import { FrozenLexicons } from "../../../src/nlp/tagger/ner-lexicons.js";
import { CAP, computeWordInfo } from "../../../src/nlp/tagger/word-info.js";
import { buildBrownClusters } from "../../../src/nlp/tagger/brown-clusters.js";
import { clusterDigest, clustersForModel, decodeClusters, encodeClusters } from "../../../src/nlp/tagger/clusters.js";
import { buildCasingLexicon, clusterKey } from "../../../src/nlp/tagger/word-lexicons.js";
import { hashString } from "../../../src/nlp/tagger/hash.js";

const TEXT = [
  "the talks in Geneva ended on Monday with no deal",
  "officials said the talks in Vienna would go on",
  "the meeting in Geneva was short said officials",
  "the talks in Oslo resumed on Tuesday",
  "officials met in Vienna on Monday",
  "the meeting in Oslo ended on Tuesday",
].map((s) => s.split(" "));

describe("casing lexicon", () => {
  const lex = new FrozenLexicons({ gazetteer: null, clusters: null, casing: buildCasingLexicon(TEXT) });
  it("knows words usually written in lowercase and capitalized ones", () => {
    expect(lex.usualCase(computeWordInfo("TALKS").hKey)).toBe(CAP.LOWER);
    expect(lex.usualCase(computeWordInfo("GENEVA").hKey)).toBe(CAP.INITIAL);
    expect(lex.usualCase(computeWordInfo("Zanzibar").hKey)).toBe(-1);
  });
});

describe("word clusters", () => {
  const options = { minCount: 2, levels: [2, 4] };
  it("are deterministic, and the same bytes once written", () => {
    const a = buildBrownClusters(TEXT, options);
    const b = buildBrownClusters(TEXT, options);
    expect(a.levels).toBe(2);
    expect(encodeClusters(a, {})).toEqual(encodeClusters(b, {}));
  });
  it("give every frequent word a class at each level, the finer nested in the coarser", () => {
    const c = buildBrownClusters(TEXT, options);
    const lex = new FrozenLexicons({ gazetteer: null, casing: null, clusters: c });
    expect(lex.clusterHashes(hashString(clusterKey("Geneva")))).toHaveLength(2);
    expect(lex.clusterHashes(hashString(clusterKey("Zanzibar")))).toHaveLength(0);
    const parent = new Map<number, number>();
    for (let r = 0; r < c.keys.length; r++) {
      const [coarse, fine] = [c.values[r * 2]!, c.values[r * 2 + 1]!];
      expect(coarse).toBeLessThan(2);
      expect(fine).toBeLessThan(4);
      expect(parent.get(fine) ?? coarse).toBe(coarse);
      parent.set(fine, coarse);
    }
  });
  it("put words used alike together", () => {
    const c = buildBrownClusters(TEXT, options);
    const fine = (w: string) => c.values[[...c.keys].indexOf(hashString(clusterKey(w))) * 2 + 1];
    expect(fine("Geneva")).toBe(fine("Vienna"));
    expect(fine("Monday")).toBe(fine("Tuesday"));
  });
});

describe("clusters file", () => {
  const c = buildBrownClusters(TEXT, { minCount: 2, levels: [2, 4] });
  it("reads back what was written", () => {
    const back = decodeClusters(encodeClusters(c, { test: true }), "c.bin");
    expect(back.levels).toBe(2);
    expect([...back.keys]).toEqual([...c.keys]);
    expect([...back.values]).toEqual([...c.values]);
    expect(clusterDigest(back)).toBe(clusterDigest(c));
  });
  it("is checked against the digest a model recorded", () => {
    expect(clustersForModel(clusterDigest(c), c, "m.bin")).toBe(c);
    expect(clustersForModel(null, c, "m.bin")).toBeNull();
    const other = { ...c, values: c.values.map((v) => v ^ 1) };
    expect(() => clustersForModel(clusterDigest(c), other, "m.bin")).toThrow(/other word clusters/);
    expect(() => clustersForModel(clusterDigest(c), null, "m.bin")).toThrow(/other word clusters/);
  });
});
