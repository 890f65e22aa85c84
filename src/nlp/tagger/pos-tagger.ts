/**
 * The part-of-speech tagger: a greedy averaged-perceptron tagger of Penn Treebank tags with the classic
 * feature set of Collins (2002) / Ratnaparkhi (1996) as popularized by Honnibal's "A good POS tagger in
 * about 200 lines": the word, its affixes and shape, the words and suffixes around it, and the previous
 * two tags. Also the (de)serialization of the POS model file.
 */
import { NewsgraphError } from "../../errors.js";
import { ClusterIndex, clusterDigest, clustersForModel, type ClusterLexicon } from "./clusters.js";
import { frozenArrays, frozenFromArrays, thaw, type FrozenLinear } from "./frozen.js";
import { hashString } from "./hash.js";
import type { LinearModel } from "./linear-model.js";
import { decodeModel, encodeModel } from "./model-format.js";
import type { Tagger } from "./ner-tagger.js";
import { SentenceFeatures } from "./sentence-features.js";
import { freeTagSet } from "./tagset.js";
import { computeWordInfo, WordInfoCache, type WordInfo } from "./word-info.js";

const T = {
  BIAS: 1, NORM: 2, KEY: 3, SHAPE: 4, PRE: 5, SUF: 9, CAP: 13,
  KEY_M1: 14, KEY_P1: 15, KEY_M2: 16, KEY_P2: 17, SUF3_M1: 18, SUF3_P1: 19, SHORT_M1: 20, SHORT_P1: 21, FIRST: 22,
  COARSE: 23, FINE: 24, FINE_M1: 25, FINE_P1: 26, BIGRAM_M1: 27, BIGRAM_P1: 28,
} as const;

const PAD_L = hashString("<S>");
const PAD_R = hashString("</S>");

/** Fills the static features of POS tagging. */
export class PosFeaturizer {
  private readonly cache = new WordInfoCache<WordInfo>(computeWordInfo);
  private readonly clusters: ClusterIndex;

  constructor(clusters: ClusterLexicon | null = null) {
    this.clusters = new ClusterIndex(clusters);
  }

  words(sentence: readonly string[]): WordInfo[] {
    return sentence.map((w) => this.cache.get(w));
  }

  sentence(ws: readonly WordInfo[], sf: SentenceFeatures): void {
    const n = ws.length;
    const clusters = ws.map((w) => this.clusters.codes(w.norm));
    sf.reset(n);
    for (let i = 0; i < n; i++) {
      const w = ws[i]!;
      const m1 = i > 0 ? ws[i - 1]! : null;
      const p1 = i + 1 < n ? ws[i + 1]! : null;
      sf.begin(i);
      sf.conjA[i] = w.hKey;
      sf.conjB[i] = w.hSuf[2]!;
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
      sf.f(T.COARSE, clusters[i]![0]!);
      sf.f(T.FINE, clusters[i]![1]!);
      // Everything so far depends on the word alone (the tagger caches its scores per word).
      sf.markCore(i);
      sf.f(T.KEY_M1, m1 ? m1.hKey : PAD_L);
      sf.f(T.KEY_P1, p1 ? p1.hKey : PAD_R);
      sf.f(T.KEY_M2, i > 1 ? ws[i - 2]!.hKey : PAD_L);
      sf.f(T.KEY_P2, i + 2 < n ? ws[i + 2]!.hKey : PAD_R);
      sf.f(T.SUF3_M1, m1 ? m1.hSuf[2]! : PAD_L);
      sf.f(T.SUF3_P1, p1 ? p1.hSuf[2]! : PAD_R);
      sf.f(T.SHORT_M1, m1 ? m1.hShort : PAD_L);
      sf.f(T.SHORT_P1, p1 ? p1.hShort : PAD_R);
      if (i === 0) sf.f2(T.FIRST, w.cap, w.hKey);
      sf.f(T.FINE_M1, m1 ? clusters[i - 1]![1]! : PAD_L);
      sf.f(T.FINE_P1, p1 ? clusters[i + 1]![1]! : PAD_R);
      sf.f2(T.BIGRAM_M1, m1 ? m1.hKey : PAD_L, w.hKey);
      sf.f2(T.BIGRAM_P1, w.hKey, p1 ? p1.hKey : PAD_R);
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
   * Per-word cache of the partial scores of a word's own features (each token's core features, summed
   * first by the decoder): word slot k's scores are prefixPool[k · C ...].
   */
  private readonly slotOf = new Map<WordInfo, number>();
  private prefixPool: Float64Array;
  private rows = new Int32Array(4096);
  private initial: Float64Array;

  constructor(
    private readonly model: LinearModel,
    clusters: ClusterLexicon | null = null,
  ) {
    this.featurizer = new PosFeaturizer(clusters);
    this.prefixPool = new Float64Array(INITIAL_SLOTS * model.nClasses);
    this.initial = new Float64Array(128 * model.nClasses);
  }

  static fromData(data: PosModelData): PosTagger {
    return new PosTagger(thaw(data.weights, freeTagSet(data.tags)), data.clusters);
  }

  /** Offset in prefixPool of the scores of token t's core features (those of its word alone). */
  private prefixOf(w: WordInfo, t: number): number {
    const C = this.model.nClasses;
    const known = this.slotOf.get(w);
    if (known !== undefined) return known * C;
    if (this.slotOf.size >= WORD_CACHE_SIZE) this.slotOf.clear();
    const slot = this.slotOf.size;
    if ((slot + 1) * C > this.prefixPool.length) {
      const bigger = new Float64Array(2 * this.prefixPool.length);
      bigger.set(this.prefixPool);
      this.prefixPool = bigger;
    }
    const sf = this.sf;
    const table = this.model.table;
    for (let k = sf.starts[t]!; k < sf.cores[t]!; k++) this.rows[k] = table.get(sf.keys[k]!);
    const scores = this.prefixPool.subarray(slot * C, (slot + 1) * C);
    scores.fill(0);
    this.model.addRows(this.rows, sf.starts[t]!, sf.cores[t]!, scores);
    this.slotOf.set(w, slot);
    return slot * C;
  }

  tag(words: string[]): string[] {
    const ws = this.featurizer.words(words);
    const sf = this.sf;
    this.featurizer.sentence(ws, sf);
    const n = words.length;
    const C = this.model.nClasses;
    if (this.rows.length < sf.starts[n]!) this.rows = new Int32Array(2 * sf.starts[n]!);
    if (this.initial.length < n * C) this.initial = new Float64Array(2 * n * C);
    const table = this.model.table;
    const keys = sf.keys;
    for (let t = 0; t < n; t++) {
      const at = this.prefixOf(ws[t]!, t);
      this.initial.set(this.prefixPool.subarray(at, at + C), t * C);
      for (let k = sf.cores[t]!; k < sf.starts[t + 1]!; k++) this.rows[k] = table.get(keys[k]!);
    }
    const out = new Int32Array(n);
    // The decoder starts from the cached scores and adds the rest of each token's features, in the same order.
    this.model.decodeRows(n, { rows: this.rows, starts: sf.cores, ends: sf.starts.subarray(1) }, null, sf.conjA, sf.conjB, out, this.initial, C, 0);
    return Array.from(out, (c) => this.model.tagset.names[c]!);
  }

  tagDocument(sentences: string[][]): string[][] {
    return sentences.map((s) => this.tag(s));
  }
}

/** Distinct words whose scores are cached. */
const WORD_CACHE_SIZE = 100_000;

/** Word slots allocated at first (the pool doubles as needed). */
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
