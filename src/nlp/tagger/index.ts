/**
 * The sequence taggers of newsgraph: named entities (PER, ORG, LOC, MISC in IOB2, trained on CoNLL-2003 by
 * `npm run train:ner`) and Penn part-of-speech tags (trained on Universal Dependencies English by
 * `npm run train:parser`), both with the shared word clusters (clusters.bin, `npm run train:clusters`),
 * read from src/nlp/models by plain loading functions (no cache: the Extractor of src/extract/extractor.ts
 * holds the loaded taggers).
 */
import { readFileSync } from "node:fs";
import { NewsgraphError } from "../../errors.js";
import { modelPath } from "../../paths.js";
import { loadClusters } from "./clusters.js";
import { decodeNerModel, NerTagger, type Tagger } from "./ner-tagger.js";
import { decodePosModel, PosTagger } from "./pos-tagger.js";
import type { WordTable } from "./word-table.js";

export type { Tagger } from "./ner-tagger.js";
export { NerTagger, encodeNerModel, decodeNerModel, type NerModelData } from "./ner-tagger.js";
export { PosTagger, encodePosModel, decodePosModel, type PosModelData } from "./pos-tagger.js";
export { loadClusters, type ClusterLexicon } from "./clusters.js";
export { normalizeToken } from "./word-info.js";
export { WordTable } from "./word-table.js";

function readModel(file: string, script: string): Uint8Array {
  const path = modelPath(file);
  try {
    return readFileSync(path);
  } catch (err) {
    throw new NewsgraphError("MODEL_MISSING", `model ${path} not found (${(err as NodeJS.ErrnoException).code ?? "unreadable"}); run npm run ${script}`, {
      file: path,
    });
  }
}

/**
 * Load the named-entity tagger (IOB2 tags of types PER, ORG, LOC, MISC) from models/ner.bin; `words`: a
 * word table shared with the POS tagger (both tag the same documents: each word is looked up once).
 */
export function loadNerTagger(words?: WordTable): Tagger {
  return NerTagger.fromData(decodeNerModel(readModel("ner.bin", "train:ner"), modelPath("ner.bin"), loadClusters()), words);
}

/** Load the part-of-speech tagger (Penn Treebank tags) from models/pos.bin; `words` as for loadNerTagger. */
export function loadPosTagger(words?: WordTable): Tagger {
  return PosTagger.fromData(decodePosModel(readModel("pos.bin", "train:parser"), modelPath("pos.bin"), loadClusters()), words);
}
