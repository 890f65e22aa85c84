import { describe, expect, it } from "vitest";
import { FrozenLexicons } from "../../../src/nlp/tagger/ner-lexicons.js";
import { CAP, computeWordInfo } from "../../../src/nlp/tagger/word-info.js";
import { buildCasingLexicon, buildClusters, clusterKey } from "../../../src/nlp/tagger/word-lexicons.js";
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
  const options = { minCount: 2, contexts: 20, dimensions: 32, branching: [2, 2], iterations: 5 };
  it("are deterministic", () => {
    const a = buildClusters(TEXT, options);
    const b = buildClusters(TEXT, options);
    expect([...a.keys]).toEqual([...b.keys]);
    expect([...a.values]).toEqual([...b.values]);
    expect(a.levels).toBe(2);
  });
  it("give every frequent word a path whose finer level refines the coarser one", () => {
    const c = buildClusters(TEXT, options);
    const lex = new FrozenLexicons({ gazetteer: null, casing: null, clusters: c });
    expect(lex.clusterHashes(hashString(clusterKey("Geneva")))).toHaveLength(2);
    expect(lex.clusterHashes(hashString(clusterKey("Zanzibar")))).toHaveLength(0);
    for (let r = 0; r < c.keys.length; r++) expect(Math.floor(c.values[r * 2 + 1]! / 2)).toBe(c.values[r * 2]!);
  });
});
