import { describe, expect, it } from "vitest";
import { freeze, thaw } from "../../../src/nlp/tagger/frozen.js";
import { hashString } from "../../../src/nlp/tagger/hash.js";
import { AveragedPerceptron } from "../../../src/nlp/tagger/perceptron.js";
import { seededRandom } from "../../../src/random.js";
import { SentenceFeatures } from "../../../src/nlp/tagger/sentence-features.js";
import { freeTagSet } from "../../../src/nlp/tagger/tagset.js";

// A toy task: tag a word N after "the" and V after a noun, from the word and the previous word only.
const TAGS = ["D", "N", "V"];
const SENTENCES: [string[], string[]][] = [
  [["the", "dog", "runs"], ["D", "N", "V"]],
  [["the", "cat", "sleeps"], ["D", "N", "V"]],
  [["the", "bird", "sings"], ["D", "N", "V"]],
  [["the", "fox", "runs"], ["D", "N", "V"]],
];

function fill(words: string[], sf: SentenceFeatures): void {
  sf.reset(words.length);
  words.forEach((w, i) => {
    sf.begin(i);
    sf.conjA[i] = hashString(w);
    sf.conjB[i] = 0;
    sf.f(1, hashString(w));
    sf.f(2, i > 0 ? hashString(words[i - 1]!) : 0);
  });
  sf.end();
}

function train(seed: number) {
  const p = new AveragedPerceptron(freeTagSet(TAGS));
  const sf = new SentenceFeatures();
  const stored = SENTENCES.map(([w, t]) => {
    fill(w, sf);
    return p.store(sf, Int32Array.from(t, (x) => TAGS.indexOf(x)));
  });
  const random = seededRandom(seed);
  for (let e = 0; e < 5; e++) p.epoch(stored, random);
  return p.averaged();
}

describe("AveragedPerceptron", () => {
  it("learns the toy task and generalizes from context to an unseen word", () => {
    const model = train(1);
    const sf = new SentenceFeatures();
    fill(["the", "wolf", "runs"], sf);
    const out = new Int32Array(3);
    model.decode(sf, out);
    expect(Array.from(out, (c) => TAGS[c])).toEqual(["D", "N", "V"]);
  });
  it("is reproducible: the same seed gives the same frozen weights", () => {
    const a = freeze(train(7), 0);
    const b = freeze(train(7), 0);
    expect([...a.keys]).toEqual([...b.keys]);
    expect([...a.q]).toEqual([...b.q]);
  });
  it("keeps its decisions through freezing (pruning 0, 16-bit quantization)", () => {
    const model = train(3);
    const frozen = thaw(freeze(model, 0), freeTagSet(TAGS));
    const sf = new SentenceFeatures();
    for (const [words] of SENTENCES) {
      fill(words, sf);
      const a = new Int32Array(words.length);
      const b = new Int32Array(words.length);
      model.decode(sf, a);
      frozen.decode(sf, b);
      expect([...b]).toEqual([...a]);
    }
  });
});
