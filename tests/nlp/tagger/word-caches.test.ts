import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelPath } from "../../../src/paths.js";
import { decodeNerModel, decodePosModel, loadClusters, NerTagger, PosTagger } from "../../../src/nlp/tagger/index.js";

const nerData = decodeNerModel(readFileSync(modelPath("ner.bin")), "ner.bin", loadClusters());
const posData = decodePosModel(readFileSync(modelPath("pos.bin")), "pos.bin", loadClusters());

const doc = (...sentences: string[]) => sentences.map((s) => s.split(" "));

/** A document whose words recur (so the taggers' per-word caches are read back) with invented names. */
const target = doc(
  "Oskarine Valdemoor , head of Brindle Harbour Logistics , met officials in Port Quellin on Monday .",
  "Valdemoor said Brindle Harbour Logistics would hire 300 workers in Quellin .",
  "TALKS IN PORT QUELLIN END WITHOUT DEAL",
);
/** Other documents, seen first: they fill the caches with words of their own and of the target. */
const others = [
  doc("The Quellin council said the harbour would reopen .", "Workers at the port went on strike on Monday ."),
  doc("Dravik Ostrell , a spokesman for Valdemoor , declined to comment .", "\u201cWe will hire more ,\u201d he said ."),
];

describe("the taggers' per-word caches", () => {
  it("NER: a document gets the tags of a fresh tagger after others were tagged, and after the caches were cleared", () => {
    const expected = NerTagger.fromData(nerData).tagDocument(target);
    expect(expected.flat().some((t) => t !== "O")).toBe(true);
    const used = NerTagger.fromData(nerData);
    for (const d of others) used.tagDocument(d);
    expect(used.tagDocument(target)).toEqual(expected);
    // A vocabulary of 5 words is cleared before every document.
    const small = NerTagger.fromData(nerData, 5);
    for (const d of [...others, target]) small.tagDocument(d);
    expect(small.tagDocument(target)).toEqual(expected);
  });

  it("POS: a sentence gets the tags of a fresh tagger after others were tagged, and after the caches were cleared", () => {
    const expected = PosTagger.fromData(posData).tagDocument(target);
    const used = PosTagger.fromData(posData);
    for (const d of others) used.tagDocument(d);
    expect(used.tagDocument(target)).toEqual(expected);
    const small = PosTagger.fromData(posData, 5);
    for (const d of [...others, target]) small.tagDocument(d);
    expect(small.tagDocument(target)).toEqual(expected);
  });
});
