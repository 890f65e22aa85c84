import { describe, expect, it } from "vitest";
import { NewsgraphError } from "../../../src/errors.js";
import { parseConll, readConll } from "../../../src/nlp/tagger/conll-reader.js";

describe("parseConll", () => {
  it("splits documents and sentences and reads words, POS and the last column", () => {
    const text = "-DOCSTART- -X- -X- O\n\nAlice NNP B-NP B-PER\nsmiled VBD B-VP O\n\nYes UH O O\n\n-DOCSTART- -X- -X- O\n\nOslo NNP B-NP B-LOC\n";
    const docs = parseConll(text);
    expect(docs).toHaveLength(2);
    expect(docs[0]!.sentences).toHaveLength(2);
    expect(docs[0]!.sentences[0]).toEqual({ words: ["Alice", "smiled"], pos: ["NNP", "VBD"], tags: ["B-PER", "O"] });
    expect(docs[1]!.sentences[0]!.tags).toEqual(["B-LOC"]);
  });
  it("reads two-column files as one document", () => {
    const docs = parseConll("Alice B-PER\nsmiled O\n");
    expect(docs).toHaveLength(1);
    expect(docs[0]!.sentences[0]!.pos).toEqual(["", ""]);
  });
  it("rejects a one-column line with its line number", () => {
    expect(() => parseConll("Alice B-PER\nbroken\n", "f.txt")).toThrow(/f\.txt:2/);
  });
  it("reports a missing file", () => {
    try {
      readConll("/nonexistent/conll.txt");
      expect.unreachable();
    } catch (err) {
      expect((err as NewsgraphError).code).toBe("INPUT_MISSING");
    }
  });
});
