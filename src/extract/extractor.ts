/**
 * The Extractor: every loaded component a document's extraction reads (the taggers, the parser, the
 * gazetteer, the relation lexicon) in one value. The build, each worker thread, the scorers and the tests create one
 * and pass it on; nothing is held in module state. A component is one field here and one line in
 * `loadExtractor`.
 */
import { loadParser, type SentenceParser } from "../nlp/parser/parser.js";
import type { StageClock } from "../pipeline/stage-clock.js";
import { loadNerTagger, loadPosTagger, WordTable, type Tagger } from "../nlp/tagger/index.js";
import { loadGazetteer, type Gazetteer } from "./gazetteer.js";
import { loadLexicon, type Lexicon } from "./lexicon.js";
import { loadRelationModel, type RelationModel } from "./relations/relation-model.js";

export interface Extractor {
  /** Named-entity tagger: IOB2 tags of types PER, ORG, LOC, MISC. */
  ner: Tagger;
  /** Part-of-speech tagger: Penn Treebank tags. */
  pos: Tagger;
  /** Dependency parser: Universal Dependencies trees over the tagged tokens. */
  parser: SentenceParser;
  /** Known names, demonyms, titles and head nouns of the knowledge base. */
  gazetteer: Gazetteer;
  /** Relation triggers, negation cues and relation signatures. */
  lexicon: Lexicon;
  /** The relation classifier; null extracts with the rules alone (as its trainer does). */
  relations: RelationModel | null;
  /** Times the stages of each extraction when present (the benchmark's per-stage figures). */
  clock?: StageClock;
}

/**
 * An Extractor of the shipped models (src/nlp/models) and knowledge base (src/kb), each read once. The
 * parts given are used instead of loading theirs (tests hand in small models).
 */
export function loadExtractor(parts: Partial<Extractor> = {}): Extractor {
  // The taggers tag the same documents: they number each word once, in one table.
  const words = new WordTable();
  return {
    ner: parts.ner ?? loadNerTagger(words),
    pos: parts.pos ?? loadPosTagger(words),
    parser: parts.parser ?? loadParser(),
    gazetteer: parts.gazetteer ?? loadGazetteer(),
    lexicon: parts.lexicon ?? loadLexicon(),
    relations: parts.relations === undefined ? loadRelationModel() : parts.relations,
    clock: parts.clock,
  };
}
