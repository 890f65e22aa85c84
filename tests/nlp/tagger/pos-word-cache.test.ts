import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelPath } from "../../../src/paths.js";
import { thaw } from "../../../src/nlp/tagger/frozen.js";
import { decodePosModel, loadClusters, PosTagger } from "../../../src/nlp/tagger/index.js";
import { PosFeaturizer } from "../../../src/nlp/tagger/pos-tagger.js";
import { SentenceFeatures } from "../../../src/nlp/tagger/sentence-features.js";
import { freeTagSet } from "../../../src/nlp/tagger/tagset.js";

const data = decodePosModel(readFileSync(modelPath("pos.bin")), "pos.bin", loadClusters());

/** Tags from the plain decoder: every feature's weights summed from zero, no per-word cache. */
function uncached(words: string[]): string[] {
  const model = thaw(data.weights, freeTagSet(data.tags));
  const featurizer = new PosFeaturizer(data.clusters);
  const sf = new SentenceFeatures();
  featurizer.sentence(featurizer.words(words), sf);
  const out = new Int32Array(words.length);
  model.decode(sf, out);
  return Array.from(out, (c) => data.tags[c]!);
}

describe("POS tagger's per-word score cache", () => {
  const sentences = [
    "The committee said on Tuesday that the plan would cost 3.5 billion dollars .",
    "Shares in the company fell sharply after the report , the committee said .",
    "\u201cWe will not back down ,\u201d she told reporters in the capital .",
    "The the the said said .",
  ].map((s) => s.split(" "));

  it("gives the tags of the uncached decoder, for new and for cached words", () => {
    const tagger = PosTagger.fromData(data);
    for (let pass = 0; pass < 2; pass++) for (const words of sentences) expect(tagger.tag(words)).toEqual(uncached(words));
  });
});
