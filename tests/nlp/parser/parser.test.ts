import { describe, expect, it } from "vitest";
import { readConllu } from "../../../src/nlp/parser/conllu.js";
import { learnExpansion } from "../../../src/nlp/parser/expansion.js";
import { decodeParserModel, encodeParserModel, freezeParser, trainedParser, DependencyParser } from "../../../src/nlp/parser/parser.js";
import { alignTreebank, relationInventory, trainingTrees } from "../../../src/nlp/parser/treebank.js";
import { ParserTrainer } from "../../../src/nlp/parser/training.js";
import { ArcEagerState, LEFT, N_MOVES, REDUCE, RIGHT } from "../../../src/nlp/parser/arc-eager.js";
import { MAX_TRANSITION_KEYS, ParserFeatures } from "../../../src/nlp/parser/features.js";
import { PackedLinear } from "../../../src/nlp/parser/packed.js";
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

  it("chooses each move by the scores of all the state's keys (the parser scores them in parts)", () => {
    const data = freezeParser(trainTiny().trained, { moves: 0, rels: 0 }, {});
    const parser = DependencyParser.fromData(data);
    const features = new ParserFeatures(data.relations.length);
    const moves = new PackedLinear(data.moves);
    const keys = new Int32Array(MAX_TRANSITION_KEYS);
    const scores = new Float64Array(N_MOVES);
    // Moves chosen on the sum over every key at once (relations as the parser chooses them).
    const reference = (words: string[], tags: string[]) => {
      const st = new ArcEagerState();
      features.prepare(words, tags);
      st.reset(words.length);
      const heads: number[] = [];
      while (!st.done) {
        moves.score(keys, features.transitionKeys(st, keys), scores);
        let best = -1;
        for (let m = 0; m < N_MOVES; m++) if (st.valid(m) && (best < 0 || scores[m]! > scores[best]!)) best = m;
        const rel = best === LEFT ? parser.bestRelation(st, st.b, st.s0) : best === RIGHT ? parser.bestRelation(st, st.s0, st.b) : -1;
        st.apply(best, rel);
      }
      const root = st.finish(0);
      for (let i = 1; i <= words.length; i++) heads.push(i === root ? -1 : st.head[i]! - 1);
      return heads;
    };
    const sentences: [string[], string[]][] = [
      [["The", "mayor", "visited", "Lyon", "."], ["DT", "NN", "VBD", "NNP", "."]],
      [["A", "hearing", "on", "the", "long", "deal", "is", "scheduled", "today", "."], ["DT", "NN", "IN", "DT", "JJ", "NN", "VBZ", "VBN", "NN", "."]],
      [["The", "issue", "the", "mayor", "signed", "was", "n't", "the", "deal", "."], ["DT", "NN", "DT", "NN", "VBD", "VBD", "RB", "DT", "NN", "."]],
      [["Lyon", "visited", "a", "mayor", "today", "on", "the", "issue", "."], ["NNP", "VBD", "DT", "NN", "NN", "IN", "DT", "NN", "."]],
    ];
    for (const [words, tags] of sentences) {
      expect(Array.from(parser.parse(words, tags).heads)).toEqual(reference(words, tags));
    }
  });

  it("scores a state's keys in parts that together are its keys (buffer: first words, front's left dependents; pair: stack with buffer, stack top's right side)", () => {
    const features = new ParserFeatures(4);
    const words = ["Ana", "gave", "the", "old", "clerk", "two", "blue", "boxes", "."];
    features.prepare(words, ["NNP", "VBD", "DT", "JJ", "NN", "CD", "JJ", "NNS", "."]);
    const st = new ArcEagerState();
    st.reset(words.length);
    const whole = new Int32Array(MAX_TRANSITION_KEYS);
    const parts = new Int32Array(MAX_TRANSITION_KEYS);
    const same = (n: number, m: number) => expect(Array.from(parts.subarray(0, m)).sort()).toEqual(Array.from(whole.subarray(0, n)).sort());
    // Shifts, left and right arcs and reductions, so that fronts take left dependents and stack tops right ones.
    const moves = [0, 0, 0, 0, LEFT, LEFT, LEFT, RIGHT, 0, 0, LEFT, LEFT, RIGHT, REDUCE, RIGHT, REDUCE, REDUCE];
    let withLeft = 0;
    let withRight = 0;
    for (const move of moves) {
      same(features.bufferKeys(st, whole, 0), features.frontLeftKeys(st, parts, features.frontKeys(st, parts, 0)));
      same(features.pairKeys(st, whole, 0), features.stackRightKeys(st, parts, features.stackBufferKeys(st, parts, 0)));
      if (st.vl[st.b]! > 0) withLeft++;
      if (st.sp > 0 && st.vr[st.s0]! > 0) withRight++;
      expect(st.valid(move)).toBe(true);
      st.apply(move, 1);
    }
    expect(withLeft).toBeGreaterThan(2);
    expect(withRight).toBeGreaterThan(1);
  });
});
