import { describe, expect, it } from "vitest";
import { readConllu } from "../../../src/nlp/parser/conllu.js";
import { learnExpansion } from "../../../src/nlp/parser/expansion.js";
import { decodeParserModel, encodeParserModel, freezeParser, trainedParser, DependencyParser } from "../../../src/nlp/parser/parser.js";
import { alignTreebank, relationInventory, trainingTrees } from "../../../src/nlp/parser/treebank.js";
import { ParserTrainer } from "../../../src/nlp/parser/training.js";
import { scoreUd } from "../../../src/eval/ud.js";
import { seededRandom } from "../../../src/random.js";

// A small parser trained on the fixture treebank (gold tags): tests hand the pipeline models of their own.
function trainTiny(seed = 7) {
  const bank = alignTreebank(readConllu("tests/fixtures/ud/tiny.conllu"), null);
  const relations = relationInventory(bank);
  const trainer = new ParserTrainer(relations);
  const random = seededRandom(seed);
  const trees = trainingTrees(bank, relations);
  for (let e = 0; e < 10; e++) trainer.epoch(trees, random, e > 0 ? 0.9 : 0);
  const trained = trainer.trained(learnExpansion(bank.pairs, 1));
  return { bank, trained, parser: trainedParser(trained) };
}

describe("dependency parser", () => {
  it("learns the trees it is trained on (projective ones exactly)", () => {
    const { bank, parser } = trainTiny();
    const tree = parser.parse(["The", "mayor", "visited", "Lyon", "."], ["DT", "NN", "VBD", "NNP", "."]);
    expect(Array.from(tree.heads)).toEqual([1, 2, -1, 2, 2]);
    expect(tree.labels).toEqual(["det", "nsubj", "root", "obj", "punct"]);
    const report = scoreUd(bank, parser);
    // Every word of the two projective sentences, and all but the lifted arc of the third.
    expect(report.words).toBe(23);
    expect(report.uas).toBeCloseTo(22 / 23, 4);
  });

  it("gives every token one head and one root, whatever the input", () => {
    const { parser } = trainTiny();
    for (const words of [["Hello"], ["x", "y", "z", "w", "v", "u"], [".", ".", "."]]) {
      const tree = parser.parse(words, words.map(() => "NN"));
      expect(tree.heads).toHaveLength(words.length);
      expect(Array.from(tree.heads).filter((h) => h === -1)).toHaveLength(1);
      expect(Array.from(tree.heads).every((h, i) => h !== i && h < words.length)).toBe(true);
    }
  });

  it("parses the same after the model is frozen, written and read back", () => {
    const { parser, trained } = trainTiny();
    const bytes = encodeParserModel(freezeParser(trained, { moves: 0, rels: 0 }, { test: true }));
    const again = DependencyParser.fromData(decodeParserModel(bytes, "tiny.bin", null));
    const words = ["A", "long-term", "deal", "was", "n't", "signed", "."];
    const tags = ["DT", "JJ", "NN", "VBD", "RB", "VBN", "."];
    expect(again.parse(words, tags)).toEqual(parser.parse(words, tags));
    expect(encodeParserModel(freezeParser(trainTiny().trained, { moves: 0, rels: 0 }, { test: true }))).toEqual(bytes);
  });
});
