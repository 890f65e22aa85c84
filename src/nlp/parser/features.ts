/**
 * Feature templates of the parser, as 32-bit keys (template number + value hashes, see tagger/hash.ts).
 * Transition features are the rich non-local set of Zhang & Nivre (2011) for arc-eager: words and tags of
 * the stack top (S0), the buffer front (N0..N2), S0's head and grandparent, the outermost dependents of
 * S0 and N0, their relations, the S0–N0 distance, valencies and relation sets, plus the second stack item.
 * Relation features describe one new arc (head, dependent, direction, distance, the dependents each
 * already has). Words are lowercase with digits folded; the tags are Penn tags from our POS tagger.
 */
import { featureKey, featureKey2, fmix32, hashString } from "../tagger/hash.js";
import { ClusterIndex, type ClusterLexicon } from "../tagger/clusters.js";
import { foldDigits, normalizeToken } from "../tagger/word-info.js";
import type { ArcEagerState } from "./arc-eager.js";

const NONE = hashString("<none>");
const ROOT_W = hashString("<root>");
const ROOT_P = hashString("<ROOT>");

/** Hash of two values (order matters). */
const mix = (a: number, b: number) => fmix32(a ^ Math.imul(b, 0x27d4eb2f));
const mix3 = (a: number, b: number, c: number) => mix(mix(a, b), c);
/** Hash of a word: lowercase, digits folded, ASCII punctuation. */
const wordHash = (raw: string) => hashString(foldDigits(normalizeToken(raw)).toLowerCase());
/** A word's value in a per-word array, NONE for no word (-1). */
const at = (values: Int32Array, i: number) => (i < 0 ? NONE : values[i]!);
/** A word's value for word numbers 1..n, NONE outside the sentence. */
const inSentence = (values: Int32Array, i: number, n: number) => (i < 1 || i > n ? NONE : values[i]!);
/** The relation hash of a word's arc, NONE for no word. */
const relOf = (relHash: Int32Array, label: Int32Array, i: number) => (i < 0 ? NONE : relHash[label[i]! + 1]!);

/** Most transition keys one state yields. */
export const MAX_TRANSITION_KEYS = 88;
/** Most relation keys one arc yields. */
export const MAX_RELATION_KEYS = 28;

export class ParserFeatures {
  /** Per word (index 0 = root): word hash, tag hash, word+tag hash, 3-letter suffix hash, coarse and fine cluster hashes. */
  W = new Int32Array(0);
  P = new Int32Array(0);
  WP = new Int32Array(0);
  SUF = new Int32Array(0);
  C1 = new Int32Array(0);
  C2 = new Int32Array(0);
  private readonly clusterIndex: ClusterIndex;
  /** Hash of each relation id (index = id + 1; 0 = none). */
  private readonly relHash: Int32Array;
  /** Per distinct word: [word hash, suffix hash, coarse cluster, fine cluster]. */
  private readonly wordCache = new Map<string, Int32Array>();
  private readonly tagCache = new Map<string, number>();

  constructor(nRelations: number, clusters: ClusterLexicon | null = null) {
    this.clusterIndex = new ClusterIndex(clusters);
    this.relHash = new Int32Array(nRelations + 1);
    this.relHash[0] = NONE;
    for (let r = 0; r < nRelations; r++) this.relHash[r + 1] = hashString(`rel:${r}`);
  }

  /** Precompute the hashes of a sentence's words (1..n) and tags, and of the root (n + 1). */
  prepare(words: readonly string[], tags: readonly string[]): void {
    const n = words.length;
    if (this.W.length < n + 2) {
      const size = 2 * (n + 2);
      this.W = new Int32Array(size);
      this.P = new Int32Array(size);
      this.WP = new Int32Array(size);
      this.SUF = new Int32Array(size);
      this.C1 = new Int32Array(size);
      this.C2 = new Int32Array(size);
    }
    for (let i = 0; i < n; i++) {
      const facts = this.facts(words[i]!);
      const w = facts[0]!;
      let p = this.tagCache.get(tags[i]!);
      if (p === undefined) {
        p = hashString(`tag:${tags[i]!}`);
        this.tagCache.set(tags[i]!, p);
      }
      this.W[i + 1] = w;
      this.P[i + 1] = p;
      this.WP[i + 1] = mix(w, p);
      this.SUF[i + 1] = facts[1]!;
      this.C1[i + 1] = facts[2]!;
      this.C2[i + 1] = facts[3]!;
    }
    const r = n + 1;
    this.W[r] = ROOT_W;
    this.P[r] = ROOT_P;
    this.WP[r] = mix(ROOT_W, ROOT_P);
    this.SUF[r] = ROOT_W;
    this.C1[r] = ROOT_W;
    this.C2[r] = ROOT_W;
  }

  private facts(raw: string): Int32Array {
    let facts = this.wordCache.get(raw);
    if (facts === undefined) {
      const clusters = this.clusterIndex.codes(raw);
      facts = Int32Array.of(wordHash(raw), wordHash(`<suf>${raw.slice(-3).toLowerCase()}`), clusters[0]!, clusters[1]!);
      if (this.wordCache.size > 200_000) this.wordCache.clear();
      this.wordCache.set(raw, facts);
    }
    return facts;
  }

  /** Write the transition feature keys of a state to out; returns their number. */
  transitionKeys(st: ArcEagerState, out: Int32Array): number {
    return this.pairKeys(st, out, this.bufferKeys(st, out, this.stackTopKeys(st, out, 0)));
  }

  /**
   * The transition keys that read only the stack top and what it has while on the stack: its word, its
   * head and grandparent, its left dependents (a word takes its head and left dependents before it is
   * pushed, and whatever lies below it on the stack keeps its head while it is there). Written to out from
   * k; returns the new count. The same for a word as long as it is on the stack.
   */
  stackTopKeys(st: ArcEagerState, out: Int32Array, k: number): number {
    const W = this.W;
    const P = this.P;
    const R = this.relHash;
    const L = st.label;
    const root = st.root;
    const s0 = st.s0;
    const s0h = s0 > 0 ? st.head[s0]! : -1;
    const s0h2 = s0h > 0 && s0h < root ? st.head[s0h]! : -1;
    const s0l = s0 > 0 ? st.l1[s0]! : -1;
    const s0l2 = s0 > 0 ? st.l2[s0]! : -1;
    const s0w = at(W, s0);
    const s0p = at(P, s0);
    out[k++] = featureKey(1, at(this.WP, s0));
    out[k++] = featureKey(2, s0w);
    out[k++] = featureKey(3, s0p);
    const s0vl = s0 > 0 ? st.vl[s0]! : 0;
    out[k++] = featureKey2(35, s0w, s0vl);
    out[k++] = featureKey2(36, s0p, s0vl);
    out[k++] = featureKey(39, at(W, s0h));
    out[k++] = featureKey(40, at(P, s0h));
    out[k++] = featureKey(41, s0 > 0 ? relOf(R, L, s0) : NONE);
    out[k++] = featureKey(42, at(W, s0l));
    out[k++] = featureKey(43, at(P, s0l));
    out[k++] = featureKey(44, relOf(R, L, s0l));
    out[k++] = featureKey(51, at(W, s0h2));
    out[k++] = featureKey(52, at(P, s0h2));
    out[k++] = featureKey(53, s0h > 0 && s0h < root ? relOf(R, L, s0h) : NONE);
    out[k++] = featureKey(54, at(W, s0l2));
    out[k++] = featureKey(55, at(P, s0l2));
    out[k++] = featureKey(56, relOf(R, L, s0l2));
    out[k++] = featureKey(63, mix3(s0p, at(P, s0l), at(P, s0l2)));
    out[k++] = featureKey(65, mix3(s0p, at(P, s0h), at(P, s0h2)));
    const s0sl = s0 > 0 ? st.sl[s0]! : 0;
    out[k++] = featureKey2(69, s0w, s0sl);
    out[k++] = featureKey2(70, s0p, s0sl);
    out[k++] = featureKey(77, at(this.C2, s0));
    return k;
  }

  /**
   * The transition keys that read only the buffer (its first three words, the front's left dependents),
   * and the bias, in training's order: the words' keys around the left dependents'. Written to out from k;
   * returns the new count.
   */
  bufferKeys(st: ArcEagerState, out: Int32Array, k: number): number {
    return this.frontClassKeys(st, out, this.frontLeftKeys(st, out, this.frontWordKeys(st, out, k)));
  }

  /**
   * The transition keys that read only the buffer's first three words, and the bias: the same until the
   * front moves. Written to out from k; returns the new count.
   */
  frontKeys(st: ArcEagerState, out: Int32Array, k: number): number {
    return this.frontClassKeys(st, out, this.frontWordKeys(st, out, k));
  }

  /** The bias and the words and tags of the buffer's first three words. */
  private frontWordKeys(st: ArcEagerState, out: Int32Array, k: number): number {
    const W = this.W;
    const P = this.P;
    const WP = this.WP;
    const root = st.root;
    const n0 = st.b;
    const n1 = n0 < root ? n0 + 1 : -1;
    const n2 = n1 > 0 && n1 < root ? n1 + 1 : -1;
    const n0p = at(P, n0);
    out[k++] = featureKey(0, 0);
    out[k++] = featureKey(4, at(WP, n0));
    out[k++] = featureKey(5, at(W, n0));
    out[k++] = featureKey(6, n0p);
    out[k++] = featureKey(7, at(WP, n1));
    out[k++] = featureKey(8, at(W, n1));
    out[k++] = featureKey(9, at(P, n1));
    out[k++] = featureKey(10, at(WP, n2));
    out[k++] = featureKey(11, at(W, n2));
    out[k++] = featureKey(12, at(P, n2));
    out[k++] = featureKey2(20, n0p, at(P, n1));
    out[k++] = featureKey2(21, mix(n0p, at(P, n1)), at(P, n2));
    return k;
  }

  /** The suffix and word clusters of the buffer's first two words. */
  private frontClassKeys(st: ArcEagerState, out: Int32Array, k: number): number {
    const n0 = st.b;
    const n1 = n0 < st.root ? n0 + 1 : -1;
    out[k++] = featureKey2(75, this.SUF[n0]!, at(this.P, n0));
    out[k++] = featureKey(78, at(this.C2, n0));
    out[k++] = featureKey(79, at(this.C2, n1));
    return k;
  }

  /**
   * The transition keys of the buffer front's left dependents: the same until the front moves or takes a
   * left dependent. Written to out from k; returns the new count.
   */
  frontLeftKeys(st: ArcEagerState, out: Int32Array, k: number): number {
    const W = this.W;
    const P = this.P;
    const R = this.relHash;
    const L = st.label;
    const n0 = st.b;
    const n0l = st.l1[n0]!;
    const n0l2 = st.l2[n0]!;
    const n0w = at(W, n0);
    const n0p = at(P, n0);
    const n0vl = st.vl[n0]!;
    out[k++] = featureKey2(37, n0w, n0vl);
    out[k++] = featureKey2(38, n0p, n0vl);
    out[k++] = featureKey(48, at(W, n0l));
    out[k++] = featureKey(49, at(P, n0l));
    out[k++] = featureKey(50, relOf(R, L, n0l));
    out[k++] = featureKey(60, at(W, n0l2));
    out[k++] = featureKey(61, at(P, n0l2));
    out[k++] = featureKey(62, relOf(R, L, n0l2));
    out[k++] = featureKey(66, mix3(n0p, at(P, n0l), at(P, n0l2)));
    const n0sl = st.sl[n0]!;
    out[k++] = featureKey2(71, n0w, n0sl);
    out[k++] = featureKey2(72, n0p, n0sl);
    return k;
  }

  /**
   * The transition keys that read the stack top and the buffer together, or the stack top's right side, in
   * training's order: the stack top's right side's keys between the others. Written to out from k; returns
   * the new count.
   */
  pairKeys(st: ArcEagerState, out: Int32Array, k: number): number {
    return this.stackBufferTailKeys(st, out, this.stackRightKeys(st, out, this.stackBufferHeadKeys(st, out, k)));
  }

  /** The transition keys that read the stack top and the buffer together. Written to out from k; returns the new count. */
  stackBufferKeys(st: ArcEagerState, out: Int32Array, k: number): number {
    return this.stackBufferTailKeys(st, out, this.stackBufferHeadKeys(st, out, k));
  }

  /** The words and tags of the stack top and the buffer's first words, with their distance. */
  private stackBufferHeadKeys(st: ArcEagerState, out: Int32Array, k: number): number {
    const W = this.W;
    const P = this.P;
    const WP = this.WP;
    const s0 = st.s0;
    const n0 = st.b;
    const n1 = n0 < st.root ? n0 + 1 : -1;
    const s0h = s0 > 0 ? st.head[s0]! : -1;
    const s0l = s0 > 0 ? st.l1[s0]! : -1;
    const s0r = s0 > 0 ? st.r1[s0]! : -1;
    const n0l = st.l1[n0]!;
    const d = s0 > 0 ? Math.min(n0 - s0, 10) : 0;
    const s0w = at(W, s0);
    const s0p = at(P, s0);
    const n0w = at(W, n0);
    const n0p = at(P, n0);
    const s0wp = at(WP, s0);
    const n0wp = at(WP, n0);
    const s0n0p = mix(s0p, n0p);
    out[k++] = featureKey2(13, s0wp, n0wp);
    out[k++] = featureKey2(14, s0wp, n0w);
    out[k++] = featureKey2(15, s0w, n0wp);
    out[k++] = featureKey2(16, s0wp, n0p);
    out[k++] = featureKey2(17, s0p, n0wp);
    out[k++] = featureKey2(18, s0w, n0w);
    out[k++] = featureKey2(19, s0p, n0p);
    out[k++] = featureKey2(22, s0n0p, at(P, n1));
    out[k++] = featureKey2(23, mix(at(P, s0h), s0p), n0p);
    out[k++] = featureKey2(24, mix(s0p, at(P, s0l)), n0p);
    out[k++] = featureKey2(25, mix(s0p, at(P, s0r)), n0p);
    out[k++] = featureKey2(26, s0n0p, at(P, n0l));
    // Distance.
    out[k++] = featureKey2(27, s0w, d);
    out[k++] = featureKey2(28, s0p, d);
    out[k++] = featureKey2(29, n0w, d);
    out[k++] = featureKey2(30, n0p, d);
    out[k++] = featureKey2(31, mix(s0w, n0w), d);
    out[k++] = featureKey2(32, s0n0p, d);
    return k;
  }

  /**
   * The transition keys of the stack top's right side: its right valency, rightmost dependents and their
   * relations. The same while the word is on top and takes no right dependent. Written to out from k;
   * returns the new count.
   */
  stackRightKeys(st: ArcEagerState, out: Int32Array, k: number): number {
    const W = this.W;
    const P = this.P;
    const R = this.relHash;
    const L = st.label;
    const s0 = st.s0;
    const s0r = s0 > 0 ? st.r1[s0]! : -1;
    const s0r2 = s0 > 0 ? st.r2[s0]! : -1;
    const s0w = at(W, s0);
    const s0p = at(P, s0);
    const s0vr = s0 > 0 ? st.vr[s0]! : 0;
    out[k++] = featureKey2(33, s0w, s0vr);
    out[k++] = featureKey2(34, s0p, s0vr);
    out[k++] = featureKey(45, at(W, s0r));
    out[k++] = featureKey(46, at(P, s0r));
    out[k++] = featureKey(47, relOf(R, L, s0r));
    out[k++] = featureKey(57, at(W, s0r2));
    out[k++] = featureKey(58, at(P, s0r2));
    out[k++] = featureKey(59, relOf(R, L, s0r2));
    out[k++] = featureKey(64, mix3(s0p, at(P, s0r), at(P, s0r2)));
    const s0sr = s0 > 0 ? st.sr[s0]! : 0;
    out[k++] = featureKey2(67, s0w, s0sr);
    out[k++] = featureKey2(68, s0p, s0sr);
    return k;
  }

  /** The second stack item with the buffer front, and the word clusters of the stack top and the buffer. */
  private stackBufferTailKeys(st: ArcEagerState, out: Int32Array, k: number): number {
    const W = this.W;
    const P = this.P;
    const s0 = st.s0;
    const s1 = st.sp > 1 ? st.stack[st.sp - 2]! : -1;
    const n0 = st.b;
    const n1 = n0 < st.root ? n0 + 1 : -1;
    const s0h = s0 > 0 ? st.head[s0]! : -1;
    const s0p = at(P, s0);
    const n0p = at(P, n0);
    const s0n0p = mix(s0p, n0p);
    // The second stack item.
    out[k++] = featureKey2(73, mix(at(P, s1), s0p), n0p);
    out[k++] = featureKey2(74, at(W, s1), n0p);
    out[k++] = featureKey2(76, s0n0p, s0 > 0 && st.head[s0]! >= 0 ? 1 : 0);
    // Word clusters (Koo et al. 2008): coarse and fine classes of S0, N0, N1 alone and with tags.
    const C1 = this.C1;
    const C2 = this.C2;
    out[k++] = featureKey2(80, at(C1, s0), at(C1, n0));
    out[k++] = featureKey2(81, at(C2, s0), n0p);
    out[k++] = featureKey2(82, s0p, at(C2, n0));
    out[k++] = featureKey2(83, mix(at(C1, s0), n0p), at(C1, n1));
    out[k++] = featureKey2(84, at(C1, s0h), s0n0p);
    return k;
  }

  /** Write the relation feature keys of a new arc h → d between words (not the root) to out; returns their number. */
  relationKeys(st: ArcEagerState, h: number, d: number, out: Int32Array): number {
    const W = this.W;
    const P = this.P;
    const R = this.relHash;
    const n = st.n;
    const hw = W[h]!;
    const hp = P[h]!;
    const dw = W[d]!;
    const dp = P[d]!;
    const dir = d < h ? 1 : 2;
    const dist = Math.min(Math.abs(h - d), 6) * 4 + dir;
    const L = st.label;
    const hh = st.head[h]!;
    let k = 0;
    out[k++] = featureKey(100, dir);
    out[k++] = featureKey2(101, hw, dir);
    out[k++] = featureKey2(102, hp, dir);
    out[k++] = featureKey2(103, dw, dir);
    out[k++] = featureKey2(104, dp, dir);
    out[k++] = featureKey2(105, mix(hp, dp), dir);
    out[k++] = featureKey2(106, mix(hw, dp), dir);
    out[k++] = featureKey2(107, mix(hp, dw), dir);
    out[k++] = featureKey2(108, mix(hw, dw), dir);
    out[k++] = featureKey2(109, mix(hp, dp), dist);
    out[k++] = featureKey2(110, mix(dp, relOf(R, L, st.l1[d]!)), dir);
    out[k++] = featureKey2(111, mix(dp, relOf(R, L, st.r1[d]!)), dir);
    out[k++] = featureKey2(112, mix(hp, st.sl[h]! | (st.sr[h]! << 1)), dir);
    out[k++] = featureKey2(113, mix(hp, relOf(R, L, h)), mix(dp, dir));
    out[k++] = featureKey2(114, mix(dp, inSentence(P, d + 1, n)), dir);
    out[k++] = featureKey2(115, mix(dp, inSentence(P, d - 1, n)), dir);
    out[k++] = featureKey2(116, mix(hp, dp), hh > n ? ROOT_P : inSentence(P, hh, n));
    out[k++] = featureKey2(117, mix(dp, st.sl[d]!), dir);
    out[k++] = featureKey2(118, mix(hw, dp), st.vl[h]! + 8 * Math.min(st.vr[h]!, 7));
    out[k++] = featureKey2(119, mix(dp, inSentence(P, st.l1[d]!, n)), inSentence(P, st.r1[d]!, n));
    out[k++] = featureKey2(120, this.SUF[d]!, mix(hp, dir));
    out[k++] = featureKey2(121, mix(dw, inSentence(P, d + 1, n)), hp);
    out[k++] = featureKey2(122, mix(this.C2[h]!, this.C2[d]!), dir);
    out[k++] = featureKey2(123, mix(this.C1[h]!, dp), dir);
    out[k++] = featureKey2(124, mix(hp, this.C2[d]!), dir);
    return k;
  }
}
