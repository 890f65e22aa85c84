// Checks extraction with a stage clock attached (the benchmark's per-stage figures): the output is the
// same as without one, and the clock saw every extraction stage, with the document's tokens.
import { describe, expect, it } from "vitest";
import { loadExtractor } from "../../src/extract/extractor.js";
import { extractDocument } from "../../src/extract/index.js";
import { splitSentences } from "../../src/nlp/sentences.js";
import { EXTRACTION_STAGES, StageClock } from "../../src/pipeline/stage-clock.js";
import type { Document } from "../../src/types.js";

const TEXT = `Marlow Dynamics hired Brenna Tolliver as chief executive on Monday, the company said in Vantor.
Tolliver met Osric Pellamy, the finance minister of Dravenia, to discuss the new plant.
She said the plant would open next year and employ 400 people.`;

const doc: Document = { id: "clocked", path: "clocked.txt", sha256: "", text: TEXT };

describe("extraction with a stage clock", () => {
  const shipped = loadExtractor();
  const clock = new StageClock();
  const clocked = extractDocument({ ...shipped, clock }, doc);

  it("gives the same output as without one", () => {
    expect(clocked.relations.length).toBeGreaterThan(0);
    expect(JSON.stringify(clocked)).toBe(JSON.stringify(extractDocument(shipped, doc)));
  });

  it("times every extraction stage, counts the document's tokens once and stops every stage it starts", () => {
    const stages = clock.stages();
    for (const stage of EXTRACTION_STAGES) expect(stages.get(stage)?.runs, stage).toBeGreaterThan(0);
    const tokens = splitSentences(TEXT).reduce((n, s) => n + s.tokens.length, 0);
    expect(stages.get("tokenize")!.tokens).toBe(tokens);
    expect(stages.get("parse")!.tokens).toBeLessThanOrEqual(tokens);
    expect(() => clock.stop()).toThrow(/without a running stage/);
  });
});
