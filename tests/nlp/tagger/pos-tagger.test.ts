import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelPath } from "../../../src/paths.js";
import { loadPosTagger } from "../../../src/nlp/tagger/index.js";

const tagger = loadPosTagger();

describe("POS tagger on sentences of our own", () => {
  const rows: [string, string][] = [
    // English Web Treebank convention: the preposition "to" is IN, the infinitive marker TO.
    ["The dog runs to the old house .", "DT NN VBZ IN DT JJ NN ."],
    ["They want to leave .", "PRP VBP TO VB ."],
    ["She said the ministers had agreed .", "PRP VBD DT NNS VBD VBN ."],
    ["Exports rose 5 percent in May .", "NNS VBD CD NN IN NNP ."],
  ];
  it.each(rows)("%s", (sentence, expected) => expect(tagger.tag(sentence.split(" ")).join(" ")).toBe(expected));

  it("handles curly quotes like ASCII ones", () => {
    expect(tagger.tag(["\u201c", "Yes", "\u201d"])[0]).toBe(tagger.tag(['"', "Yes", '"'])[0]);
  });

  it("has a model of at most 10 MB", () => {
    expect(statSync(modelPath("pos.bin")).size).toBeLessThanOrEqual(10 * 1024 * 1024);
  });
});
