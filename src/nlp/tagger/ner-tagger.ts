/**
 * The named-entity tagger at run time: two greedy BILOU passes over a document. The first uses local and
 * document-casing features; the second adds the first pass's tags of the token, its neighbours and the
 * other occurrences of the same word in the document (so that "Blackburn" alone is tagged like "Peter
 * Blackburn" two sentences earlier). Output is IOB2. Also the (de)serialization of the NER model file.
 */
import { decodeModel, encodeModel, type ModelArray } from "./model-format.js";
import { frozenArrays, frozenFromArrays, thawShared, type FrozenLinear } from "./frozen.js";
import { FrozenLexicons, type NerLexiconData } from "./ner-lexicons.js";
import { left2, leftCore, leftRest, NerFeaturizer, right2, rightCore, rightRest, wordCore, wordRest, type NerWord } from "./ner-features.js";
import type { LinearModel, SentenceRows } from "./linear-model.js";
import { SentenceFeatures } from "./sentence-features.js";
import { bilouTagSet, bilouToIob2 } from "./tagset.js";
import { NewsgraphError } from "../../errors.js";

/** A sequence tagger over pre-tokenized text. */
export interface Tagger {
  /** Tags of one sentence. */
  tag(words: string[]): string[];
  /** Tags of the sentences of one document (document-level features see all of them). */
  tagDocument(sentences: string[][]): string[][];
}

export interface NerModelData {
  /** Entity types, in class order. */
  types: string[];
  stage1: FrozenLinear;
  stage2: FrozenLinear | null;
  lexicons: NerLexiconData;
  /** Training facts kept in the file (data, epochs, dev scores). */
  info: Record<string, unknown>;
}

export class NerTagger implements Tagger {
  readonly featurizer: NerFeaturizer;
  private readonly sf = new SentenceFeatures();
  private readonly extra = new SentenceFeatures();
  private readonly wordSf = new SentenceFeatures();
  private readonly wordCache = new Map<NerWord, WordEntry>();
  private boundary: WordEntry | null = null;
  private readonly names: readonly string[];

  constructor(
    readonly types: readonly string[],
    lexicons: FrozenLexicons,
    /** The two stages, sharing one feature table (a feature's row is looked up once for both). */
    private readonly stage1: LinearModel,
    private readonly stage2: LinearModel | null,
  ) {
    this.featurizer = new NerFeaturizer(lexicons, types.length);
    this.names = stage1.tagset.names;
  }

  static fromData(data: NerModelData): NerTagger {
    const tagset = bilouTagSet(data.types);
    const [stage1, stage2] = thawShared(data.stage2 ? [data.stage1, data.stage2] : [data.stage1], tagset);
    return new NerTagger(data.types, new FrozenLexicons(data.lexicons), stage1!, stage2 ?? null);
  }

  tag(words: string[]): string[] {
    return this.tagDocument([words])[0]!;
  }

  tagDocument(sentences: string[][]): string[][] {
    const classes = this.classify(sentences);
    return classes.map((cs) => bilouToIob2(Array.from(cs, (c) => this.names[c]!)));
  }

  /**
   * Scores that the word alone contributes, cached per word: the first stage's over all word features,
   * the second stage's over the word's core features (side by side in one vector).
   */
  /** Scores of a group of single-word features: stage one over core and rest, stage two over core only. */
  private scoresOf(w: NerWord | null, core: WordFeatures | null, rest: WordFeatures): Float32Array {
    const C = this.names.length;
    const scores = new Float32Array(2 * C);
    const sf = this.wordSf;
    sf.reset(1);
    sf.begin(0);
    if (core) core(w, sf);
    sf.markCore(0);
    rest(w, sf);
    sf.end();
    this.stage1.accumulate(sf.keys, 0, sf.starts[1]!, scores, 0);
    if (this.stage2) this.stage2.accumulate(sf.keys, 0, sf.cores[0]!, scores, C);
    return scores;
  }

  /** What a word contributes to its own scores and its neighbours', cached per word (null = sentence boundary). */
  private wordEntry(w: NerWord | null): WordEntry {
    if (!w && this.boundary) return this.boundary;
    let e = w ? this.wordCache.get(w) : undefined;
    if (e) return e;
    e = {
      self: w ? this.scoresOf(w, wordCore as WordFeatures, wordRest as WordFeatures) : EMPTY,
      left: this.scoresOf(w, leftCore, leftRest),
      right: this.scoresOf(w, rightCore, rightRest),
      left2: this.scoresOf(w, null, left2),
      right2: this.scoresOf(w, null, right2),
      // Both stages share the feature table, so the conjoined history rows serve both.
      conj: w ? this.stage1.conjoinedRows(w.hKey, w.hShort) : EMPTY_ROWS,
    };
    if (!w) {
      this.boundary = e;
      return e;
    }
    if (this.wordCache.size >= WORD_CACHE_SIZE) this.wordCache.clear();
    this.wordCache.set(w, e);
    return e;
  }

  /** BILOU class ids of each sentence of a document. */
  classify(sentences: readonly (readonly string[])[]): Int32Array[] {
    const doc = this.featurizer.prepare(sentences);
    const C = this.names.length;
    const C2 = 2 * C;
    const boundary = this.wordEntry(null);
    const local: { rows: SentenceRows; conjA: Int32Array; conjB: Int32Array; initial: Float32Array; conj: Int32Array[] }[] = [];
    const first = sentences.map((s, i) => {
      const n = s.length;
      const out = new Int32Array(n);
      this.featurizer.sentence(doc, i, this.sf, false);
      const sf = this.sf;
      const rows = this.stage1.lookup(sf, new Int32Array(sf.starts[n]!));
      const entries = doc.words[i]!.map((w) => this.wordEntry(w));
      const initial = new Float32Array(n * C2);
      for (let t = 0; t < n; t++) {
        const base = t * C2;
        addInto(initial, base, entries[t]!.self, C2);
        addInto(initial, base, (t > 0 ? entries[t - 1]! : boundary).left, C2);
        addInto(initial, base, (t + 1 < n ? entries[t + 1]! : boundary).right, C2);
        addInto(initial, base, (t > 1 ? entries[t - 2]! : boundary).left2, C2);
        addInto(initial, base, (t + 2 < n ? entries[t + 2]! : boundary).right2, C2);
      }
      const saved = {
        rows: { rows: rows.rows, starts: sf.starts.slice(0, n + 1), ends: sf.cores.slice(0, n) },
        conjA: sf.conjA.slice(0, n),
        conjB: sf.conjB.slice(0, n),
        initial,
        conj: entries.map((e) => e.conj),
      };
      local.push(saved);
      this.stage1.decodeRows(n, { rows: saved.rows.rows, starts: saved.rows.starts }, null, saved.conjA, saved.conjB, out, initial, C2, 0, saved.conj);
      return out;
    });
    if (!this.stage2) return first;
    const agg = this.featurizer.stageOne(doc, first);
    return sentences.map((s, i) => {
      const out = new Int32Array(s.length);
      this.featurizer.stageTwo(doc, i, agg, this.extra);
      const l = local[i]!;
      this.stage2!.decodeRows(s.length, l.rows, this.stage2!.lookup(this.extra), l.conjA, l.conjB, out, l.initial, C2, C, l.conj);
      return out;
    });
  }
}

type WordFeatures = (w: NerWord | null, sf: SentenceFeatures) => void;

const EMPTY = new Float32Array(0);
const EMPTY_ROWS = new Int32Array(0);

function addInto(acc: Float32Array, at: number, v: Float32Array, n: number): void {
  if (v.length === 0) return;
  for (let c = 0; c < n; c++) acc[at + c] += v[c]!;
}

/** What a word contributes: to its own scores, to its neighbours' (by position), and its conjoined history rows. */
interface WordEntry {
  self: Float32Array;
  left: Float32Array;
  right: Float32Array;
  left2: Float32Array;
  right2: Float32Array;
  conj: Int32Array;
}

/** Distinct words whose scores are cached. */
const WORD_CACHE_SIZE = 100_000;

const FORMAT = "newsgraph-ner/1";

/** Serialize an NER model. */
export function encodeNerModel(data: NerModelData): Buffer {
  const arrays: Record<string, ModelArray> = { ...frozenArrays("stage1", data.stage1) };
  if (data.stage2) Object.assign(arrays, frozenArrays("stage2", data.stage2));
  const lex = data.lexicons;
  if (lex.gazetteer) Object.assign(arrays, { "gaz.entries": lex.gazetteer.entries, "gaz.lists": lex.gazetteer.lists, "gaz.prefixes": lex.gazetteer.prefixes });
  if (lex.casing) Object.assign(arrays, { "casing.keys": lex.casing.keys, "casing.values": lex.casing.values });
  if (lex.clusters) Object.assign(arrays, { "clusters.keys": lex.clusters.keys, "clusters.values": lex.clusters.values });
  const meta = { format: FORMAT, types: data.types, clusterLevels: lex.clusters?.levels ?? 0, info: data.info };
  return encodeModel(meta, arrays);
}

/** Parse an NER model file. */
export function decodeNerModel(bytes: Uint8Array, source: string): NerModelData {
  const { meta, arrays } = decodeModel(bytes, source);
  const invalid = (why: string) => new NewsgraphError("MODEL_INVALID", `${source}: invalid NER model (${why})`, { file: source });
  if (meta.format !== FORMAT || !Array.isArray(meta.types)) throw invalid(`format ${String(meta.format)}`);
  const types = meta.types as string[];
  const nClasses = 1 + 4 * types.length;
  const stage1 = frozenFromArrays("stage1", arrays, nClasses);
  if (!stage1) throw invalid("stage1 weights");
  const i32 = (name: string) => {
    const a = arrays[name];
    return a instanceof Int32Array ? a : null;
  };
  const gazEntries = i32("gaz.entries");
  const gazLists = i32("gaz.lists");
  const gazPrefixes = i32("gaz.prefixes");
  const casingKeys = i32("casing.keys");
  const casingValues = i32("casing.values");
  const clusterKeys = i32("clusters.keys");
  const clusterValues = i32("clusters.values");
  const levels = Number(meta.clusterLevels ?? 0);
  return {
    types,
    stage1,
    stage2: frozenFromArrays("stage2", arrays, nClasses),
    lexicons: {
      gazetteer: gazEntries && gazLists && gazPrefixes ? { entries: gazEntries, lists: gazLists, prefixes: gazPrefixes } : null,
      casing: casingKeys && casingValues ? { keys: casingKeys, values: casingValues } : null,
      clusters: clusterKeys && clusterValues && levels > 0 ? { keys: clusterKeys, levels, values: clusterValues } : null,
    },
    info: (meta.info as Record<string, unknown>) ?? {},
  };
}
