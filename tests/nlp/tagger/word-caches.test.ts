import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelPath } from "../../../src/paths.js";
import { decodeNerModel, decodePosModel, loadClusters, NerTagger, PosTagger, WordTable } from "../../../src/nlp/tagger/index.js";

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
    const small = NerTagger.fromData(nerData, new WordTable(5));
    for (const d of [...others, target]) small.tagDocument(d);
    expect(small.tagDocument(target)).toEqual(expected);
  });

  it("POS: a sentence gets the tags of a fresh tagger after others were tagged, and after the caches were cleared", () => {
    const expected = PosTagger.fromData(posData).tagDocument(target);
    const used = PosTagger.fromData(posData);
    for (const d of others) used.tagDocument(d);
    expect(used.tagDocument(target)).toEqual(expected);
    const small = PosTagger.fromData(posData, new WordTable(5));
    for (const d of [...others, target]) small.tagDocument(d);
    expect(small.tagDocument(target)).toEqual(expected);
  });

  it("NER and POS sharing one word table tag as with tables of their own, whichever tags first, and after the table was cleared", () => {
    const docs = [...others, target];
    const ner = NerTagger.fromData(nerData);
    const pos = PosTagger.fromData(posData);
    const expected = docs.map((d) => [ner.tagDocument(d), pos.tagDocument(d)]);
    for (const capacity of [200_000, 5]) {
      const words = new WordTable(capacity);
      const sharedNer = NerTagger.fromData(nerData, words);
      const sharedPos = PosTagger.fromData(posData, words);
      docs.forEach((d, i) => {
        // The extraction's order (NER first, then POS on the same sentences), then the other order on a copy.
        expect([sharedNer.tagDocument(d), sharedPos.tagDocument(d)]).toEqual(expected[i]);
        const copy = d.map((s) => [...s]);
        const posTags = sharedPos.tagDocument(copy);
        expect([sharedNer.tagDocument(copy), posTags]).toEqual(expected[i]);
        expect(sharedPos.tag(d[0]!)).toEqual(expected[i]![1]![0]);
      });
    }
  });
});

describe("WordTable", () => {
  it("numbers a word once, and answers the same document again without numbering it anew", () => {
    const words = new WordTable();
    const first = words.document(doc("a b a", "c b"));
    expect(first.map((ids) => [...ids])).toEqual([[0, 1, 0], [2, 1]]);
    expect(words.infos.map((w) => w.norm)).toEqual(["a", "b", "c"]);
    expect(words.document(doc("c d"))[0]).toEqual(Int32Array.from([2, 3]));
    const sentences = doc("d e");
    expect(words.document(sentences)).toBe(words.document(sentences));
    expect(words.sentence(["e", "a"])).toEqual(Int32Array.from([4, 0]));
  });

  it("is cleared before a document once it holds its capacity, numbering from 0 again", () => {
    const words = new WordTable(2);
    words.document(doc("a b c"));
    expect(words.generation).toBe(0);
    expect([...words.document(doc("c a"))[0]!]).toEqual([0, 1]);
    expect(words.generation).toBe(1);
    expect(words.infos.map((w) => w.norm)).toEqual(["c", "a"]);
  });
});
