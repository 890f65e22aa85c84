import { describe, expect, it } from "vitest";
import { scoreChunks } from "../../../src/eval/conll.js";
import { parseConll, type ConllDocument } from "../../../src/nlp/tagger/conll-reader.js";
import type { NerLexiconData } from "../../../src/nlp/tagger/ner-lexicons.js";
import { encodeNerModel } from "../../../src/nlp/tagger/ner-tagger.js";
import { trainNer, trainNerFinal } from "../../../src/nlp/tagger/ner-training.js";
import { encodePosModel } from "../../../src/nlp/tagger/pos-tagger.js";
import { trainPos, trainPosFinal } from "../../../src/nlp/tagger/pos-training.js";
import { buildBrownClusters } from "../../../src/nlp/tagger/brown-clusters.js";
import { buildCasingLexicon } from "../../../src/nlp/tagger/word-lexicons.js";

const PEOPLE = ["Anna Berg", "Tomas Varga", "Lena Holt", "Omar Sayed", "Ruth Kane", "Ivan Petrov"];
const PLACES = ["Lisbon", "Nairobi", "Quito", "Hanoi", "Tallinn", "Perth"];
const ORGS = ["Acme Steel", "Nordic Bank", "Delta Mining"];

/** A word and its POS and NER columns for each word of a name. */
function name(words: string, type: string): string[] {
  return words.split(" ").map((w, i) => `${w} NNP ${i === 0 ? "B" : "I"}-${type}`);
}
const plain = (pairs: string) => pairs.split(" ").map((wp) => `${wp.replace("/", " ")} O`);

/** A small synthetic CoNLL corpus: `n` documents of three sentences each, varied by index. */
function corpus(n: number, offset: number): ConllDocument[] {
  const docs: string[] = [];
  for (let d = 0; d < n; d++) {
    const k = d + offset;
    const person = PEOPLE[k % PEOPLE.length]!;
    const place = PLACES[(k * 5) % PLACES.length]!;
    const org = ORGS[k % ORGS.length]!;
    const sentences = [
      [...name(person, "PER"), ...plain("visited/VBD"), ...name(place, "LOC"), ...plain("on/IN Monday/NNP ./.")],
      [...plain("She/PRP met/VBD officials/NNS of/IN"), ...name(org, "ORG"), ...plain("there/RB ./.")],
      [...name(person.split(" ")[1]!, "PER"), ...plain("said/VBD the/DT talks/NNS went/VBD well/RB ./.")],
    ];
    docs.push(["-DOCSTART- -X- O", "", ...sentences.map((s) => `${s.join("\n")}\n`)].join("\n"));
  }
  return parseConll(docs.join("\n"));
}

const train = corpus(12, 0);
const dev = corpus(4, 100);
const devGold = dev.flatMap((d) => d.sentences.map((s) => s.tags));
const score = (pred: string[][]) => scoreChunks(devGold, pred).overall.f1;
const lexicons = (docs: ConllDocument[]): NerLexiconData => {
  const text = docs.flatMap((d) => d.sentences.map((s) => s.words));
  return { gazetteer: null, casing: buildCasingLexicon(text), clusters: buildBrownClusters(text, { minCount: 2, levels: [2, 4] }) };
};
const options = { maxEpochs: 3, folds: 3, pruneThresholds: [0, 0.5] };

describe("final NER model", () => {
  const lex = lexicons(train);
  const selected = trainNer(train, dev, lex, score, options);

  it("is the selected model when given the training documents alone", () => {
    const again = trainNerFinal(train, lex, selected.report, { folds: options.folds });
    expect(again.stage1).toEqual(selected.model.stage1);
    expect(again.stage2).toEqual(selected.model.stage2);
  });

  it("is deterministic on train + dev, learns from dev and keeps the selection report", () => {
    const both = [...train, ...dev];
    const a = trainNerFinal(both, lexicons(both), selected.report, { folds: options.folds });
    const b = trainNerFinal(both, lexicons(both), selected.report, { folds: options.folds });
    expect(encodeNerModel(a)).toEqual(encodeNerModel(b));
    expect(a.stage1).not.toEqual(selected.model.stage1);
    expect(a.info).toMatchObject({ epochs1: selected.report.epochs1, devF1: selected.report.devF1, finalDocuments: both.length });
  });
});

describe("final POS model", () => {
  const selected = trainPos(train, dev, { maxEpochs: 3 });

  it("keeps the selected features when given the training documents alone", () => {
    expect(trainPosFinal(train, selected.report).weights.keys).toEqual(selected.model.weights.keys);
  });

  it("is deterministic on train + dev and records its documents", () => {
    const both = [...train, ...dev];
    const a = trainPosFinal(both, selected.report);
    expect(encodePosModel(a)).toEqual(encodePosModel(trainPosFinal(both, selected.report)));
    expect(a.info).toMatchObject({ epochs: selected.report.epochs, finalDocuments: both.length });
  });
});
