import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatConllReport } from "../../src/cli/commands/eval-conll.js";
import { chunksOf, evalConll, scoreChunks } from "../../src/eval/conll.js";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "conll", "tiny.txt");

describe("chunksOf (conlleval's reading of IOB tags)", () => {
  const rows: [string[], string[]][] = [
    [["B-PER", "I-PER", "O", "B-LOC"], ["PER 0-2", "LOC 3-4"]],
    [["B-PER", "B-PER"], ["PER 0-1", "PER 1-2"]],
    [["I-ORG", "I-ORG", "O"], ["ORG 0-2"]], // IOB1: I- after O starts a chunk
    [["B-ORG", "I-LOC"], ["ORG 0-1", "LOC 1-2"]], // a type change starts a chunk
    [["O", "O"], []],
  ];
  it.each(rows)("%j", (tags, expected) => expect(chunksOf(tags).map((c) => `${c.type} ${c.start}-${c.end}`)).toEqual(expected));
});

describe("scoreChunks (hand-computed)", () => {
  const gold = [
    ["B-PER", "I-PER", "O", "B-LOC"],
    ["B-ORG", "I-ORG"],
  ];
  const predicted = [
    ["B-PER", "O", "O", "B-LOC"], // PER boundary wrong, LOC right
    ["B-LOC", "I-LOC"], // right span, wrong type
  ];
  const r = scoreChunks(gold, predicted);
  it("counts exact matches of type and span only", () => {
    expect(r.overall).toMatchObject({ gold: 3, predicted: 3, correct: 1 });
    expect(r.overall.p).toBeCloseTo(1 / 3);
    expect(r.overall.r).toBeCloseTo(1 / 3);
    expect(r.overall.f1).toBeCloseTo(1 / 3);
  });
  it("scores each type", () => {
    expect(r.types.LOC).toMatchObject({ gold: 1, predicted: 2, correct: 1, p: 0.5, r: 1 });
    expect(r.types.LOC!.f1).toBeCloseTo(2 / 3);
    expect(r.types.PER).toMatchObject({ gold: 1, predicted: 1, correct: 0, f1: 0 });
    expect(r.types.ORG).toMatchObject({ gold: 1, predicted: 0, correct: 0, p: 0, r: 0, f1: 0 });
    expect(Object.keys(r.types)).toEqual(["LOC", "ORG", "PER"]);
    expect(r).toMatchObject({ tokens: 6, sentences: 2 });
  });
  it("is perfect on identical tags", () => {
    expect(scoreChunks(gold, gold).overall).toMatchObject({ p: 1, r: 1, f1: 1 });
  });
});

describe("evalConll", () => {
  it("tags a CoNLL file with the NER tagger and scores it (hand-made fixture: 5 entities)", () => {
    const r = evalConll(FIXTURE);
    expect(r).toMatchObject({ sentences: 3, tokens: 22 });
    expect(r.types.PER).toMatchObject({ gold: 1 });
    expect(r.types.LOC).toMatchObject({ gold: 2 });
    expect(r.types.ORG).toMatchObject({ gold: 2 });
    expect(r.overall).toMatchObject({ gold: 5, predicted: 5, correct: 5, p: 1, r: 1, f1: 1 });
  });
  it("prints a table with one row per type and an overall row", () => {
    const text = formatConllReport(evalConll(FIXTURE));
    expect(text).toMatch(/^3 sentences, 22 tokens/);
    expect(text).toMatch(/\nLOC +1\.0000 +1\.0000 +1\.0000 +2 +2 +2\n/);
    expect(text).toMatch(/\noverall +1\.0000 +1\.0000 +1\.0000 +5 +5 +5$/);
  });
  it("fails with INPUT_MISSING on a missing file", () => {
    expect(() => evalConll(join(FIXTURE, "..", "nope.txt"))).toThrow(/cannot read/);
  });
});
