/**
 * Per-word lexical facts the feature templates read: the word normalized to the conventions of the
 * CoNLL/Penn training data (typographic quotes, apostrophes and dashes to ASCII), its lowercase form with
 * digits folded, shapes, affixes and capitalisation class — all as precomputed hashes, so that feature
 * extraction for a token is integer arithmetic. Facts are computed once per distinct word (the featurizers keep them).
 */
import { hashString } from "./hash.js";

/** Capitalisation classes of a word. */
export const CAP = { NONE: 0, LOWER: 1, INITIAL: 2, ALLCAPS: 3, LETTER: 4, MIXED: 5 } as const;

export interface WordInfo {
  /** The normalized word. */
  readonly norm: string;
  /** Lowercase, digits folded to 0: the key of lexicon lookups and of document-level statistics. */
  readonly key: string;
  readonly hNorm: number;
  readonly hKey: number;
  /** Hash of the normalized word with digits folded to 0 (case kept): the key of word clusters. */
  readonly hFold: number;
  readonly hShape: number;
  readonly hShort: number;
  /**
   * Hashes of the 1- to 4-character prefixes and suffixes of `key` (0 when the word is too short). Plain
   * arrays of small integers: a typed array costs about 220 bytes of heap a word, and the facts of every
   * word seen are kept (their copying by the young-generation GC was a large part of a new word's cost).
   */
  readonly hPre: readonly number[];
  readonly hSuf: readonly number[];
  readonly cap: number;
  readonly length: number;
  /** The word has a letter. */
  readonly alpha: boolean;
}

const PUNCT_MAP = new Map<string, string>(Object.entries({
  "\u2019": "'", "\u2018": "'", "\u201b": "'", "\u00b4": "'", "`": "'",
  "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u00ab": '"', "\u00bb": '"', "``": '"', "''": '"',
  "\u2013": "-", "\u2012": "-", "\u2010": "-", "\u2011": "-", "\u2212": "-", "\u2014": "--", "\u2015": "--",
  "\u2026": "...",
}));
const SPECIAL = "[\u2019\u2018\u201b\u00b4`\u201c\u201d\u201e\u00ab\u00bb\u2013\u2012\u2010\u2011\u2212\u2014\u2015\u2026]";
const HAS_SPECIAL_RE = new RegExp(SPECIAL);
const SPECIAL_RE = new RegExp(SPECIAL, "g");

/** Normalize a token to the ASCII punctuation conventions of the training data. */
export function normalizeToken(word: string): string {
  const whole = PUNCT_MAP.get(word);
  if (whole !== undefined) return whole;
  return HAS_SPECIAL_RE.test(word) ? word.replace(SPECIAL_RE, (c) => (c === "\u2014" || c === "\u2015" ? "-" : PUNCT_MAP.get(c)!)) : word;
}

/** Digits folded to 0, so that numbers share statistics. */
export function foldDigits(word: string): string {
  return word.replace(/[0-9]/g, "0");
}

/** Case of one character: 1 when lowercasing changes it (uppercase), else 2 when uppercasing does (lowercase), else 0. */
function letterCase(ch: string): number {
  const c = ch.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90 ? 1 : c >= 97 && c <= 122 ? 2 : 0;
  return ch !== ch.toLowerCase() ? 1 : ch !== ch.toUpperCase() ? 2 : 0;
}

/** Word shape: X for uppercase, x for lowercase, d for digits, other characters kept; runs capped at 4 (long) or 1 (short). */
export function wordShape(word: string, maxRun: number): string {
  let out = "";
  let last = "";
  let run = 0;
  for (const ch of word) {
    const lc = letterCase(ch);
    const c = ch >= "0" && ch <= "9" ? "d" : lc === 1 ? "X" : lc === 2 ? "x" : ch;
    if (c === last) {
      run++;
      if (run > maxRun) continue;
    } else {
      last = c;
      run = 1;
    }
    out += c;
  }
  return out;
}

function capClass(word: string): number {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  let seenLetter = false;
  for (const ch of word) {
    const lc = letterCase(ch);
    const isUpper = lc === 1;
    const isLower = lc === 2;
    if (!isUpper && !isLower) continue;
    if (!seenLetter) firstUpper = isUpper;
    seenLetter = true;
    if (isUpper) upper++;
    else lower++;
  }
  if (!seenLetter) return CAP.NONE;
  if (!firstUpper) return upper === 0 ? CAP.LOWER : CAP.MIXED;
  if (lower === 0) return upper === 1 ? CAP.LETTER : CAP.ALLCAPS;
  return upper === 1 ? CAP.INITIAL : CAP.MIXED;
}

/** Compute the lexical facts of one word. */
export function computeWordInfo(raw: string): WordInfo {
  const norm = normalizeToken(raw);
  const key = foldDigits(norm.toLowerCase());
  const hPre = [0, 0, 0, 0];
  const hSuf = [0, 0, 0, 0];
  for (let k = 1; k <= 4; k++) {
    if (key.length > k) {
      hPre[k - 1] = hashString(key.slice(0, k));
      hSuf[k - 1] = hashString(key.slice(-k));
    }
  }
  const cap = capClass(norm);
  return {
    norm,
    key,
    hNorm: hashString(norm),
    hKey: hashString(key),
    hFold: hashString(foldDigits(norm)),
    hShape: hashString(wordShape(norm, 4)),
    hShort: hashString(wordShape(norm, 1)),
    hPre,
    hSuf,
    cap,
    length: norm.length,
    alpha: cap !== CAP.NONE,
  };
}

/**
 * A word's facts with fields of the caller's own added. The copy is an object literal: spreading a WordInfo
 * into a new literal took about 15 µs a word in V8, most of a tagger's cost per new word.
 */
export function withWordInfo<T extends object>(w: WordInfo, more: T): WordInfo & T {
  const copy: WordInfo = {
    norm: w.norm,
    key: w.key,
    hNorm: w.hNorm,
    hKey: w.hKey,
    hFold: w.hFold,
    hShape: w.hShape,
    hShort: w.hShort,
    hPre: w.hPre,
    hSuf: w.hSuf,
    cap: w.cap,
    length: w.length,
    alpha: w.alpha,
  };
  return Object.assign(copy, more);
}
