/**
 * The part-of-speech tagger: a greedy averaged-perceptron tagger of Penn Treebank tags with the classic
 * feature set of Collins (2002) / Ratnaparkhi (1996) as popularized by Honnibal's "A good POS tagger in
 * about 200 lines": the word, its affixes and shape, the words and suffixes around it, and the previous
 * two tags. Also the (de)serialization of the POS model file.
 */
import { NewsgraphError } from "../../errors.js";
import { ClusterIndex, clusterDigest, clustersForModel, type ClusterLexicon } from "./clusters.js";
import { frozenArrays, frozenFromArrays, thaw, type FrozenLinear } from "./frozen.js";
import { featureKey, featureKey2, hashString } from "./hash.js";
import type { LinearModel } from "./linear-model.js";
import { decodeModel, encodeModel } from "./model-format.js";
import type { Tagger } from "./ner-tagger.js";
import { SentenceFeatures } from "./sentence-features.js";
import { freeTagSet, tagNames } from "./tagset.js";
import { withWordInfo, type WordInfo } from "./word-info.js";
import { WordSlots } from "./word-slots.js";
import { WordTable } from "./word-table.js";

const T = {
  BIAS: 1, NORM: 2, KEY: 3, SHAPE: 4, PRE: 5, SUF: 9, CAP: 13,
  KEY_M1: 14, KEY_P1: 15, KEY_M2: 16, KEY_P2: 17, SUF3_M1: 18, SUF3_P1: 19, SHORT_M1: 20, SHORT_P1: 21, FIRST: 22,
  COARSE: 23, FINE: 24, FINE_M1: 25, FINE_P1: 26, BIGRAM_M1: 27, BIGRAM_P1: 28,
} as const;

const PAD_L = hashString("<S>");
const PAD_R = hashString("</S>");

/** A word's lexical facts with its coarse and fine cluster hashes, and its number in the featurizer's table. */
export interface PosWord extends WordInfo {
  readonly coarse: number;
  readonly fine: number;
  readonly id: number;
  /** hSuf[2], the hash of the 3-character suffix, in the word itself (read for every token, see tagWords). */
  readonly suf3: number;
}

/**
 * Features a token takes from a neighbour (offset -2 .. 2; value of the neighbour word, or the padding
 * beyond the sentence), in the order a token's features list them after its own; FIRST (the sentence's
 * first word) comes between the SHORT and FINE ones.
 */
const NEIGHBOURS: readonly { template: number; offset: -2 | -1 | 1 | 2; value: (w: PosWord) => number }[] = [
  { template: T.KEY_M1, offset: -1, value: (w) => w.hKey },
  { template: T.KEY_P1, offset: 1, value: (w) => w.hKey },
  { template: T.KEY_M2, offset: -2, value: (w) => w.hKey },
  { template: T.KEY_P2, offset: 2, value: (w) => w.hKey },
  { template: T.SUF3_M1, offset: -1, value: (w) => w.suf3 },
  { template: T.SUF3_P1, offset: 1, value: (w) => w.suf3 },
  { template: T.SHORT_M1, offset: -1, value: (w) => w.hShort },
  { template: T.SHORT_P1, offset: 1, value: (w) => w.hShort },
  { template: T.FINE_M1, offset: -1, value: (w) => w.fine },
  { template: T.FINE_P1, offset: 1, value: (w) => w.fine },
];
/** NEIGHBOURS[FIRST_AT] is the first neighbour feature after FIRST. */
const FIRST_AT = 8;
/** Keys a word gives its neighbours (NEIGHBOURS order), then its FIRST key (see neighbourKeys). */
const NEIGHBOUR_KEYS = NEIGHBOURS.length + 1;

/** Fills the static features of POS tagging. */
export class PosFeaturizer {
  /** The featurizer's facts of the words of its table, by number (made as the table grows). */
  readonly vocabulary: PosWord[] = [];
  /** The table's generation the vocabulary belongs to (it is made again after the table was cleared). */
  generation = 0;
  private readonly clusters: ClusterIndex;
  /** A word's cluster codes, reused. */
  private readonly codes = new Int32Array(2);

  constructor(
    clusters: ClusterLexicon | null = null,
    /** The numbered words (shared with the NER tagger in the extraction). */
    readonly table: WordTable = new WordTable(),
  ) {
    this.clusters = new ClusterIndex(clusters);
  }

  /** The words of one sentence. */
  words(sentence: readonly string[]): PosWord[] {
    return this.wordsOf(this.table.sentence(sentence));
  }

  /** The words of numbers the table gave. */
  wordsOf(ids: Int32Array): PosWord[] {
    const table = this.table;
    const vocabulary = this.vocabulary;
    if (this.generation !== table.generation) {
      vocabulary.length = 0;
      this.generation = table.generation;
    }
    for (let id = vocabulary.length; id < table.infos.length; id++) {
      const info = table.infos[id]!;
      const codes = this.codes;
      this.clusters.codesInto(info.norm, codes);
      vocabulary.push(withWordInfo(info, { coarse: codes[0]!, fine: codes[1]!, id, suf3: info.hSuf[2]! }));
    }
    const words: PosWord[] = new Array(ids.length);
    for (let i = 0; i < ids.length; i++) words[i] = vocabulary[ids[i]!]!;
    return words;
  }

  /** The features of the word alone (a token's core features). */
  word(w: PosWord, sf: SentenceFeatures): void {
    sf.f(T.BIAS, 0);
    sf.f(T.NORM, w.hNorm);
    sf.f(T.KEY, w.hKey);
    sf.f(T.SHAPE, w.hShape);
    sf.f(T.CAP, w.cap);
    for (let k = 0; k < 4; k++) {
      if (w.hPre[k] === 0) break;
      sf.f(T.PRE + k, w.hPre[k]!);
      sf.f(T.SUF + k, w.hSuf[k]!);
    }
    sf.f(T.COARSE, w.coarse);
    sf.f(T.FINE, w.fine);
  }

  /** Keys of what a word (null: the padding) gives its neighbours, NEIGHBOURS order, then its FIRST key (0 for the padding), to out[at ...]. */
  neighbourKeys(w: PosWord | null, out: Int32Array, at: number): void {
    for (let k = 0; k < NEIGHBOURS.length; k++) {
      const { template, offset, value } = NEIGHBOURS[k]!;
      out[at + k] = featureKey(template, w ? value(w) : offset < 0 ? PAD_L : PAD_R);
    }
    out[at + NEIGHBOURS.length] = w ? featureKey2(T.FIRST, w.cap, w.hKey) : 0;
  }

  /** Key of the word-pair feature `template` (BIGRAM_M1 or BIGRAM_P1) of two neighbouring words (null: padding). */
  bigram(template: number, left: PosWord | null, right: PosWord | null): number {
    return featureKey2(template, left ? left.hKey : PAD_L, right ? right.hKey : PAD_R);
  }

  sentence(ws: readonly PosWord[], sf: SentenceFeatures): void {
    const n = ws.length;
    sf.reset(n);
    for (let i = 0; i < n; i++) {
      const w = ws[i]!;
      sf.begin(i);
      sf.conjA[i] = w.hKey;
      sf.conjB[i] = w.suf3;
      this.word(w, sf);
      // Everything so far depends on the word alone (the tagger caches its scores per word).
      sf.markCore(i);
      for (let k = 0; k < NEIGHBOURS.length; k++) {
        if (k === FIRST_AT && i === 0) sf.f2(T.FIRST, w.cap, w.hKey);
        const { template, offset, value } = NEIGHBOURS[k]!;
        const j = i + offset;
        sf.f(template, j >= 0 && j < n ? value(ws[j]!) : offset < 0 ? PAD_L : PAD_R);
      }
      sf.add(this.bigram(T.BIGRAM_M1, i > 0 ? ws[i - 1]! : null, w));
      sf.add(this.bigram(T.BIGRAM_P1, w, i + 1 < n ? ws[i + 1]! : null));
    }
    sf.end();
  }
}

export interface PosModelData {
  tags: string[];
  weights: FrozenLinear;
  /** The shared word clusters (clusters.bin; features of unseen words), or null when trained without. */
  clusters: ClusterLexicon | null;
  info: Record<string, unknown>;
}

export class PosTagger implements Tagger {
  readonly featurizer: PosFeaturizer;
  private readonly sf = new SentenceFeatures();
  /**
   * Per-word caches: slot 0 is the padding beyond the sentence, slot id + 1 the featurizer's word `id` (see
   * word-slots.ts). Slot k's core scores (its own features' weights summed from zero, as the decoder would) are
   * prefixPool[k · C ...], the rows of what it gives its neighbours neighbourPool[k · NEIGHBOUR_KEYS ...].
   */
  private readonly slots: WordSlots<PosWord>;
  private prefixPool: Float64Array;
  private neighbourPool: Int32Array;
  private readonly keys = new Int32Array(NEIGHBOUR_KEYS);
  /** Sentence buffers, reused. */
  private rows = new Int32Array(4096);
  private starts = new Int32Array(256);
  private conjA = new Int32Array(256);
  private conjB = new Int32Array(256);
  private initial: Float64Array;
  /** Word slots of the sentence's tokens, two padding slots (0) on each side. */
  private around = new Int32Array(260);

  constructor(
    private readonly model: LinearModel,
    clusters: ClusterLexicon | null = null,
    /** The numbered words (the caches are cleared with the table). */
    words: WordTable = new WordTable(),
  ) {
    this.featurizer = new PosFeaturizer(clusters, words);
    this.prefixPool = new Float64Array(INITIAL_SLOTS * model.nClasses);
    this.neighbourPool = new Int32Array(INITIAL_SLOTS * NEIGHBOUR_KEYS);
    this.initial = new Float64Array(256 * model.nClasses);
    this.slots = new WordSlots((w, slot) => this.fillSlot(w, slot));
  }

  static fromData(data: PosModelData, words?: WordTable): PosTagger {
    return new PosTagger(thaw(data.weights, freeTagSet(data.tags)), data.clusters, words);
  }

  /** Fill the next slot with a word's core scores and neighbour rows (null: the padding). */
  private fillSlot(w: PosWord | null, slot: number): void {
    const C = this.model.nClasses;
    if ((slot + 1) * C > this.prefixPool.length) {
      const scores = new Float64Array(2 * this.prefixPool.length);
      scores.set(this.prefixPool);
      this.prefixPool = scores;
      const rows = new Int32Array(2 * this.neighbourPool.length);
      rows.set(this.neighbourPool);
      this.neighbourPool = rows;
    }
    const table = this.model.table;
    const scores = this.prefixPool.subarray(slot * C, (slot + 1) * C);
    scores.fill(0);
    if (w) {
      const sf = this.sf;
      sf.reset(1);
      sf.begin(0);
      this.featurizer.word(w, sf);
      sf.end();
      const end = sf.starts[1]!;
      for (let k = 0; k < end; k++) this.rows[k] = table.get(sf.keys[k]!);
      this.model.addRows(this.rows, 0, end, scores);
    }
    this.featurizer.neighbourKeys(w, this.keys, 0);
    for (let k = 0; k < NEIGHBOUR_KEYS; k++) this.neighbourPool[slot * NEIGHBOUR_KEYS + k] = w || k < NEIGHBOURS.length ? table.get(this.keys[k]!) : -1;
  }


  tag(words: string[]): string[] {
    return this.tagWords(this.featurizer.words(words));
  }

  tagDocument(sentences: string[][]): string[][] {
    return this.featurizer.table.document(sentences).map((ids) => this.tagWords(this.featurizer.wordsOf(ids)));
  }

  private tagWords(ws: readonly PosWord[]): string[] {
    this.slots.catchUp(this.featurizer.vocabulary, this.featurizer.generation);
    const n = ws.length;
    const C = this.model.nClasses;
    const N = NEIGHBOUR_KEYS;
    if (this.starts.length <= n) {
      this.starts = new Int32Array(2 * n + 1);
      this.conjA = new Int32Array(2 * n);
      this.conjB = new Int32Array(2 * n);
      this.around = new Int32Array(2 * n + 4);
    }
    if (this.rows.length < n * (N + 2)) this.rows = new Int32Array(2 * n * (N + 2));
    if (this.initial.length < n * C) this.initial = new Float64Array(2 * n * C);
    const { rows, starts, initial, around, conjA, conjB } = this;
    const table = this.model.table;
    const pool = this.neighbourPool;
    const prefix = this.prefixPool;
    // Token t's slot is around[t + 2]; the two slots before and after the sentence are the padding's (0).
    around[0] = around[1] = around[n + 2] = around[n + 3] = 0;
    for (let t = 0; t < n; t++) around[t + 2] = ws[t]!.id + 1;
    let fill = 0;
    // Each token's rows in the featurizer's order: its neighbours' (and FIRST's), then the two word pairs';
    // the decoder starts from the token's cached core scores.
    for (let t = 0; t < n; t++) {
      const w = ws[t]!;
      const self = around[t + 2]!;
      starts[t] = fill;
      conjA[t] = w.hKey;
      conjB[t] = w.suf3;
      for (let k = 0; k < NEIGHBOURS.length; k++) {
        if (k === FIRST_AT && t === 0) rows[fill++] = pool[self * N + NEIGHBOURS.length]!;
        rows[fill++] = pool[around[t + 2 + NEIGHBOURS[k]!.offset]! * N + k]!;
      }
      rows[fill++] = table.get(this.featurizer.bigram(T.BIGRAM_M1, t > 0 ? ws[t - 1]! : null, w));
      rows[fill++] = table.get(this.featurizer.bigram(T.BIGRAM_P1, w, t + 1 < n ? ws[t + 1]! : null));
      for (let c = 0, from = self * C, to = t * C; c < C; c++) initial[to + c] = prefix[from + c]!;
    }
    starts[n] = fill;
    const out = new Int32Array(n);
    this.model.decodeRows(n, { rows, starts }, null, conjA, conjB, out, initial, C, 0);
    return tagNames(out, this.model.tagset.names);
  }

}

/** Word slots allocated at first (the pools double as needed). */
const INITIAL_SLOTS = 4096;

/** Version 3: the word clusters are no longer embedded but named by digest (clusters.bin). */
const FORMAT = "newsgraph-pos/3";

/** Serialize a POS model. */
export function encodePosModel(data: PosModelData): Buffer {
  return encodeModel(
    { format: FORMAT, tags: data.tags, clusters: clusterDigest(data.clusters), info: data.info },
    frozenArrays("weights", data.weights),
  );
}

/** Parse a POS model file; `clusters` are the word clusters it was trained with (clusters.bin). */
export function decodePosModel(bytes: Uint8Array, source: string, clusters: ClusterLexicon | null): PosModelData {
  const { meta, arrays } = decodeModel(bytes, source);
  if (meta.format !== FORMAT || !Array.isArray(meta.tags)) {
    throw new NewsgraphError("MODEL_INVALID", `${source}: invalid POS model (format ${String(meta.format)})`, { file: source });
  }
  const tags = meta.tags as string[];
  const weights = frozenFromArrays("weights", arrays, tags.length);
  if (!weights) throw new NewsgraphError("MODEL_INVALID", `${source}: invalid POS model (weights)`, { file: source });
  return { tags, weights, clusters: clustersForModel(meta.clusters, clusters, source), info: (meta.info as Record<string, unknown>) ?? {} };
}
