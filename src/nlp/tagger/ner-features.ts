/**
 * Feature templates of the named-entity tagger, after Ratinov & Roth (2009): the word, its lowercase form,
 * shapes, affixes and a ±2 window; capitalisation in context (ALL CAPS headlines and datelines, Title Case
 * headlines, sentence-initial words); document-level casing evidence (is the word written in lowercase, or
 * capitalized mid-sentence, elsewhere in the same document); and, for the second stage, the first stage's
 * tags of the token, of its neighbours and of the other occurrences of the same word in the document
 * (context aggregation). Gazetteer and word-cluster features come from the lexicons passed in: the classes
 * of the word and of the words at ±1 and ±2, one feature per level of the cluster hierarchy.
 */
import { hashString } from "./hash.js";
import type { GazetteerStart } from "./gazetteer.js";
import type { NerLexicons } from "./ner-lexicons.js";
import type { SentenceFeatures } from "./sentence-features.js";
import { CAP, foldDigits, withWordInfo, type WordInfo } from "./word-info.js";
import { WordTable } from "./word-table.js";

/** Static template numbers (tag-history templates are in linear-model.ts). */
const T = {
  BIAS: 1, NORM: 2, KEY: 3, SHAPE: 4, SHORT: 5, PRE: 6, SUF: 10,
  KEY_M1: 14, KEY_P1: 15, KEY_M2: 16, KEY_P2: 17, NORM_M1: 18, NORM_P1: 19,
  SHORT_M1: 20, SHORT_P1: 21, SHORT_M1_0: 22, SHORT_0_P1: 23, KEY_M1_0: 24, KEY_0_P1: 25,
  CAPCTX: 26, KEY_CASE: 27, CAP3: 28, DOC_LOWSEEN: 29, DOC_CASE: 30, LEXCASE: 31,
  GAZ: 32, GAZ_M1: 33, GAZ_P1: 34, CLUSTER: 35, CLUSTER_M1: 36, CLUSTER_P1: 37, CLUSTER_M2: 38, CLUSTER_P2: 39,
  S1_OWN: 40, S1_CTX: 41, S1_AGG_MAJ: 42, S1_AGG_HAS: 43, S1_AGG_FIRST: 44,
} as const;

/** How a whole sentence is capitalized. */
export const SENT_CASE = { NORMAL: 0, ALLCAPS: 1, TITLE: 2 } as const;

const PAD_L = hashString("<S>");
const PAD_R = hashString("</S>");

/** A word's facts: the lexical ones plus the lexicons' (gazetteer facts as a match's first word, clusters, usual casing). */
export interface NerWord extends WordInfo, GazetteerStart {
  /** Usual casing of the word in running text (from the casing lexicon), or -1 when unknown. */
  readonly usualCase: number;
  /** Hashes of the word's cluster ids at the lexicon's granularities (empty without clusters). */
  readonly clusters: readonly number[];
  /** Number of the word in its featurizer's table (see NerFeaturizer.vocabulary). */
  readonly id: number;
  /** Dense number of the word's key (hKey) in its featurizer, which counts document statistics by key. */
  readonly keyId: number;
  /** The word opens a quote, a parenthesis or an aside (the word after it is not counted as mid-sentence). */
  readonly opener: boolean;
}

/** A document prepared for feature extraction. */
export interface NerDocument {
  words: NerWord[][];
  /** Per sentence, each token's key index in the document (0 .. keyCount), by which the statistics below go. */
  keys: Int32Array[];
  /** Distinct word keys of the document. */
  keyCount: number;
  sentCase: number[];
  /** Gazetteer match bits per sentence, two 32-bit words per token (see gazetteer.ts). */
  gaz: Int32Array[];
  /** By key index: 1 when the key is written in lowercase in a normally cased sentence. */
  lowerSeen: Uint8Array;
  /** By key index: dominant capitalisation class at non-initial positions of normally cased sentences, 7 = never there. */
  midCase: Uint8Array;
}

/** First-stage tags of a document, and per key index the counts of its types (index 0 = O). */
export interface StageOneTags {
  classes: Int32Array[];
  /** Key index k's counts are typeCounts[k · (types + 1) ...]. */
  typeCounts: Int32Array;
  /** By key index: the type given to the key's first counted occurrence, or -1 when none was counted. */
  firstType: Int32Array;
}

/** Type index (0 = O, 1.. = entity types in tag-set order) of a BILOU class id. */
export function classType(c: number): number {
  return c === 0 ? 0 : ((c - 1) >> 2) + 1;
}

function sentenceCase(words: readonly WordInfo[]): number {
  let alpha = 0;
  let withLower = 0;
  let allCaps = 0;
  let longLower = 0;
  let longWords = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.alpha) continue;
    alpha++;
    const cap = w.cap;
    if (cap === CAP.LOWER || cap === CAP.INITIAL || cap === CAP.MIXED) withLower++;
    else if (cap === CAP.ALLCAPS) allCaps++;
    if (w.length >= 4) {
      longWords++;
      if (cap === CAP.LOWER) longLower++;
    }
  }
  if (alpha > 0 && allCaps > 0 && withLower * 5 < alpha) return SENT_CASE.ALLCAPS;
  if (longWords >= 3 && longLower === 0) return SENT_CASE.TITLE;
  return SENT_CASE.NORMAL;
}

export class NerFeaturizer {
  /** The featurizer's facts of the words of its table, by number (made as the table grows). */
  readonly vocabulary: NerWord[] = [];
  /** The table's generation the vocabulary belongs to (it is made again after the table was cleared). */
  generation = 0;
  private readonly keyIds = new Map<number, number>();
  /** By key id k: keySeen[2k] is the document (stamp) that last used the key, keySeen[2k + 1] the key's index in it (side by side: one cache line). */
  private keySeen = new Int32Array(2048);
  private stamp = 0;

  constructor(
    private readonly lexicons: NerLexicons,
    /** Number of entity types (for the aggregation features). */
    private readonly nTypes: number,
    /** The numbered words (shared with the POS tagger in the extraction). */
    readonly table: WordTable = new WordTable(),
  ) {}

  /** Make the facts of the table's words new since the last call (all of them after the table was cleared). */
  private catchUp(): void {
    const table = this.table;
    if (this.generation !== table.generation) {
      this.vocabulary.length = 0;
      this.keyIds.clear();
      this.generation = table.generation;
    }
    for (let id = this.vocabulary.length; id < table.infos.length; id++) this.vocabulary.push(this.word(table.infos[id]!, id));
  }

  /** The facts of word number `id`. */
  private word(info: WordInfo, id: number): NerWord {
    let keyId = this.keyIds.get(info.hKey);
    if (keyId === undefined) {
      keyId = this.keyIds.size;
      this.keyIds.set(info.hKey, keyId);
      if (2 * keyId === this.keySeen.length) this.keySeen = grow(this.keySeen);
    }
    const lex = this.lexicons;
    const { gazLists, gazPrefix } = lex.gazetteerStart(info);
    return withWordInfo(info, { usualCase: lex.usualCase(info.hKey), clusters: wordClusters(lex, info), id, keyId, gazLists, gazPrefix, opener: isOpener(info) });
  }

  /** Word facts, sentence casing and document-level casing statistics of a document. */
  prepare(sentences: readonly (readonly string[])[]): NerDocument {
    const ids = this.table.document(sentences);
    this.catchUp();
    const vocabulary = this.vocabulary;
    const stamp = ++this.stamp;
    const seen = this.keySeen;
    let keyCount = 0;
    const words: NerWord[][] = [];
    const keys: Int32Array[] = [];
    for (const is of ids) {
      const ws: NerWord[] = new Array(is.length);
      const ks = new Int32Array(is.length);
      for (let i = 0; i < is.length; i++) {
        const w = (ws[i] = vocabulary[is[i]!]!);
        const at = 2 * w.keyId;
        if (seen[at] !== stamp) {
          seen[at] = stamp;
          seen[at + 1] = keyCount++;
        }
        ks[i] = seen[at + 1]!;
      }
      words.push(ws);
      keys.push(ks);
    }
    const sentCase = words.map(sentenceCase);
    const lowerSeen = new Uint8Array(keyCount);
    const caseCounts = new Int32Array(6 * keyCount);
    for (let s = 0; s < words.length; s++) {
      if (sentCase[s] !== SENT_CASE.NORMAL) continue;
      const ws = words[s]!;
      const ks = keys[s]!;
      for (let i = 0; i < ws.length; i++) {
        const w = ws[i]!;
        if (!w.alpha) continue;
        if (w.cap === CAP.LOWER) lowerSeen[ks[i]!] = 1;
        if (i === 0 || ws[i - 1]!.opener) continue;
        caseCounts[6 * ks[i]! + w.cap]!++;
      }
    }
    const midCase = new Uint8Array(keyCount);
    for (let k = 0; k < keyCount; k++) midCase[k] = argmax(caseCounts, 6 * k, 6);
    const gaz = words.map((ws) => this.lexicons.matchGazetteers(ws));
    return { words, keys, keyCount, sentCase, gaz, lowerSeen, midCase };
  }

  /** Aggregate first-stage tags over a document. */
  stageOne(doc: NerDocument, classes: Int32Array[]): StageOneTags {
    const T1 = this.nTypes + 1;
    const typeCounts = new Int32Array(T1 * doc.keyCount);
    const firstType = new Int32Array(doc.keyCount).fill(-1);
    for (let s = 0; s < doc.words.length; s++) {
      const ws = doc.words[s]!;
      const ks = doc.keys[s]!;
      const cs = classes[s]!;
      for (let i = 0; i < ws.length; i++) {
        const w = ws[i]!;
        if (!w.alpha || w.cap === CAP.LOWER) continue;
        const k = ks[i]!;
        const t = classType(cs[i]!);
        typeCounts[k * T1 + t]!++;
        if (firstType[k] === -1) firstType[k] = t;
      }
    }
    return { classes, typeCounts, firstType };
  }

  /**
   * Fill the static (local and document-casing) features of sentence s. Each token's core features come
   * first and are marked (sf.cores): the second stage reuses them instead of the whole set. Without
   * `withWord`, the features of single words (the token's own, wordCore and wordRest, and its neighbours',
   * leftCore ... right2) are left out: the tagger adds their weights from a per-word cache instead.
   */
  sentence(doc: NerDocument, s: number, sf: SentenceFeatures, withWord = true): void {
    const ws = doc.words[s]!;
    const n = ws.length;
    const sc = doc.sentCase[s]!;
    const gaz = doc.gaz[s]!;
    const keys = doc.keys[s]!;
    sf.reset(n);
    for (let i = 0; i < n; i++) {
      const w = ws[i]!;
      const m1 = i > 0 ? ws[i - 1]! : null;
      const p1 = i + 1 < n ? ws[i + 1]! : null;
      const m2 = withWord && i > 1 ? ws[i - 2]! : null;
      const p2 = withWord && i + 2 < n ? ws[i + 2]! : null;
      const capCtx = sc * 2 + (i === 0 ? 1 : 0);
      const km1 = m1 ? m1.hKey : PAD_L;
      const kp1 = p1 ? p1.hKey : PAD_R;
      const sm1 = m1 ? m1.hShort : PAD_L;
      const sp1 = p1 ? p1.hShort : PAD_R;
      sf.begin(i);
      sf.conjA[i] = w.hKey;
      sf.conjB[i] = w.hShort;
      // Core features (shared with the second stage).
      if (withWord) wordCore(w, sf);
      sf.f(T.BIAS, 0);
      if (withWord) {
        leftCore(m1, sf);
        rightCore(p1, sf);
      }
      sf.f2(T.SHORT_M1_0, sm1, w.hShort);
      sf.f2(T.SHORT_0_P1, w.hShort, sp1);
      sf.f(T.CAPCTX, capCtx * 8 + w.cap);
      sf.f(T.CAP3, ((m1 ? m1.cap : 7) * 8 + w.cap) * 8 + (p1 ? p1.cap : 7));
      if (w.alpha && w.cap !== CAP.LOWER) sf.f(T.DOC_CASE, (capCtx * 8 + w.cap) * 8 + doc.midCase[keys[i]!]!);
      addGazetteer(sf, T.GAZ, gaz, i);
      sf.markCore(i);
      // The rest.
      if (withWord) {
        wordRest(w, sf);
        leftRest(m1, sf);
        rightRest(p1, sf);
        left2(m2, sf);
        right2(p2, sf);
      }
      sf.f2(T.KEY_M1_0, km1, w.hKey);
      sf.f2(T.KEY_0_P1, w.hKey, kp1);
      if (sc !== SENT_CASE.NORMAL) sf.f2(T.KEY_CASE, sc, w.hKey);
      if (w.alpha && w.cap !== CAP.LOWER) sf.f(T.DOC_LOWSEEN, capCtx * 2 + doc.lowerSeen[keys[i]!]!);
      if (w.usualCase >= 0 || w.alpha) sf.f(T.LEXCASE, (capCtx * 8 + w.cap) * 8 + (w.usualCase < 0 ? 7 : w.usualCase));
      if (i > 0) addGazetteer(sf, T.GAZ_M1, gaz, i - 1);
      if (i + 1 < n) addGazetteer(sf, T.GAZ_P1, gaz, i + 1);
    }
    sf.end();
  }

  /** Fill the second stage's additional features of sentence s, from the first stage's tags. */
  stageTwo(doc: NerDocument, s: number, stage1: StageOneTags, sf: SentenceFeatures): void {
    const ws = doc.words[s]!;
    sf.reset(ws.length);
    for (let i = 0; i < ws.length; i++) {
      sf.begin(i);
      this.stageTwoToken(doc, s, i, ws[i]!, stage1, sf);
    }
    sf.end();
  }

  private stageTwoToken(doc: NerDocument, s: number, i: number, w: NerWord, stage1: StageOneTags, sf: SentenceFeatures): void {
    const cs = stage1.classes[s]!;
    const n = cs.length;
    const own = cs[i]!;
    sf.f(T.S1_OWN, own);
    sf.f(T.S1_CTX, ((i > 0 ? cs[i - 1]! : 63) * 64 + own) * 64 + (i + 1 < n ? cs[i + 1]! : 63));
    if (!w.alpha || w.cap === CAP.LOWER) return;
    const key = doc.keys[s]![i]!;
    const firstType = stage1.firstType[key]!;
    if (firstType < 0) return;
    const T1 = this.nTypes + 1;
    const counts = stage1.typeCounts;
    const ownType = classType(own);
    let total = 0;
    let best = -1;
    let bestCount = 0;
    for (let t = 0; t < T1; t++) {
      const c = counts[key * T1 + t]! - (t === ownType ? 1 : 0);
      total += c;
      if (c > bestCount) {
        bestCount = c;
        best = t;
      }
      if (c > 0) sf.f(T.S1_AGG_HAS, t);
    }
    if (total === 0) return;
    const share = Math.min(3, Math.floor((bestCount * 4) / total));
    sf.f(T.S1_AGG_MAJ, best * 4 + share);
    sf.f(T.S1_AGG_FIRST, firstType * 8 + doc.sentCase[s]!);
  }
}

/** Core features of the word alone (used by both stages). */
export function wordCore(w: NerWord, sf: SentenceFeatures): void {
  sf.f(T.NORM, w.hNorm);
  sf.f(T.KEY, w.hKey);
  sf.f(T.SHORT, w.hShort);
}

/** The other features of the word alone (first stage only). */
export function wordRest(w: NerWord, sf: SentenceFeatures): void {
  sf.f(T.SHAPE, w.hShape);
  for (let k = 0; k < 4; k++) {
    if (w.hPre[k] === 0) break;
    sf.f(T.PRE + k, w.hPre[k]!);
    sf.f(T.SUF + k, w.hSuf[k]!);
  }
  for (let k = 0; k < w.clusters.length; k++) sf.f(T.CLUSTER, w.clusters[k]!);
}

/** Core features of the previous word (null = sentence start). */
export function leftCore(w: NerWord | null, sf: SentenceFeatures): void {
  sf.f(T.KEY_M1, w ? w.hKey : PAD_L);
}

/** Core features of the next word (null = sentence end). */
export function rightCore(w: NerWord | null, sf: SentenceFeatures): void {
  sf.f(T.KEY_P1, w ? w.hKey : PAD_R);
}

/** Other features of the previous word. */
export function leftRest(w: NerWord | null, sf: SentenceFeatures): void {
  sf.f(T.NORM_M1, w ? w.hNorm : PAD_L);
  sf.f(T.SHORT_M1, w ? w.hShort : PAD_L);
  if (w) for (let k = 0; k < w.clusters.length; k++) sf.f(T.CLUSTER_M1, w.clusters[k]!);
}

/** Other features of the next word. */
export function rightRest(w: NerWord | null, sf: SentenceFeatures): void {
  sf.f(T.NORM_P1, w ? w.hNorm : PAD_R);
  sf.f(T.SHORT_P1, w ? w.hShort : PAD_R);
  if (w) for (let k = 0; k < w.clusters.length; k++) sf.f(T.CLUSTER_P1, w.clusters[k]!);
}

/** Features of the word two before (its clusters included). */
export function left2(w: NerWord | null, sf: SentenceFeatures): void {
  sf.f(T.KEY_M2, w ? w.hKey : PAD_L);
  if (w) for (let k = 0; k < w.clusters.length; k++) sf.f(T.CLUSTER_M2, w.clusters[k]!);
}

/** Features of the word two after (its clusters included). */
export function right2(w: NerWord | null, sf: SentenceFeatures): void {
  sf.f(T.KEY_P2, w ? w.hKey : PAD_R);
  if (w) for (let k = 0; k < w.clusters.length; k++) sf.f(T.CLUSTER_P2, w.clusters[k]!);
}

/** One feature per gazetteer match bit of token i (two 32-bit words per token). */
function addGazetteer(sf: SentenceFeatures, template: number, gaz: Int32Array, i: number): void {
  for (let half = 0; half < 2; half++) {
    let bits = gaz[2 * i + half]!;
    while (bits !== 0) {
      const b = 31 - Math.clz32(bits);
      sf.f(template, half * 32 + b);
      bits &= ~(1 << b);
    }
  }
}

/** Cluster hashes of a word; a capitalized word unknown as written is looked up in Title Case, then lowercase. */
function wordClusters(lexicons: NerLexicons, w: WordInfo): readonly number[] {
  let clusters = lexicons.clusterHashes(w.hFold);
  if (clusters.length > 0 || w.cap === CAP.LOWER || !w.alpha) return clusters;
  if (w.cap === CAP.ALLCAPS) {
    const fold = foldDigits(w.norm);
    clusters = lexicons.clusterHashes(hashString(fold[0]! + fold.slice(1).toLowerCase()));
    if (clusters.length > 0) return clusters;
  }
  return lexicons.clusterHashes(w.hKey);
}

function isOpener(w: WordInfo): boolean {
  return w.norm === '"' || w.norm === "(" || w.norm === "'" || w.norm === ":" || w.norm === "-" || w.norm === "--";
}

/** Index (from 0) of the largest of a[at .. at + n), the first on ties; 7 (no class) when all are 0. */
function argmax(a: Int32Array, at: number, n: number): number {
  let best = 0;
  for (let i = 1; i < n; i++) if (a[at + i]! > a[at + best]!) best = i;
  return a[at + best]! > 0 ? best : 7;
}

function grow(a: Int32Array): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(2 * a.length);
  bigger.set(a);
  return bigger;
}
