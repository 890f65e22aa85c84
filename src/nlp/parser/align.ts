/**
 * Treebank words ↔ newsgraph tokens. The parser reads the tokens newsgraph's own tokenizer makes (the
 * taggers' tokens), which differ from Universal Dependencies tokenization in a few places, mostly
 * hyphenated compounds ("Al-Zaman", "long-term" are one token here, three words in UD). A treebank
 * sentence is re-tokenized by our tokenizer over the text its words spell, and aligned by character
 * offsets: a token covering several words takes the head and relation of the word whose head lies outside
 * the token; a word cut into several tokens is carried by its longest piece, the other pieces attach to it.
 * The alignment also maps a parse of our tokens back onto the treebank words for scoring.
 */
import { tokenize } from "../tokenize.js";
import type { UdSentence } from "./conllu.js";
import { sentenceText } from "./conllu.js";

export interface AlignedSentence {
  /** Our tokens' texts. */
  tokens: string[];
  /** Gold head per token (1-based; 0 = root), when the treebank tree maps to a tree over the tokens. */
  heads: number[] | null;
  /** Gold relation per token. */
  labels: string[];
  /** Gold Penn tag per token: the tag of its head word. */
  xpos: string[];
  /** For each treebank word, its token (0-based). */
  tokenOfWord: number[];
  /** For each token, the treebank word that carries it (0-based). */
  wordOfToken: number[];
}

/** Align one treebank sentence with newsgraph's tokenization of its text. */
export function alignSentence(s: UdSentence): AlignedSentence {
  const { text, starts } = sentenceText(s.words);
  const toks = tokenize(text);
  const nw = s.words.length;
  // For each word, the tokens it overlaps; the word is carried by the longest (first on ties).
  const tokenOfWord = new Array<number>(nw).fill(-1);
  const overlap = new Array<number>(nw).fill(0);
  const wordsOfToken: number[][] = toks.map(() => []);
  let w = 0;
  toks.forEach((t, ti) => {
    while (w < nw && starts[w]! + s.words[w]!.form.length <= t.start) w++;
    for (let k = w; k < nw && starts[k]! < t.end; k++) {
      const a = Math.max(starts[k]!, t.start);
      const b = Math.min(starts[k]! + s.words[k]!.form.length, t.end);
      if (b <= a) continue;
      wordsOfToken[ti]!.push(k);
      if (b - a > overlap[k]!) {
        overlap[k] = b - a;
        tokenOfWord[k] = ti;
      }
    }
  });
  // The word that carries a token: among its words owned by it, the one whose head is outside the token.
  const wordOfToken = wordsOfToken.map((ws, ti) => {
    const own = ws.filter((k) => tokenOfWord[k] === ti);
    const outside = own.find((k) => {
      const h = s.words[k]!.head - 1;
      return h < 0 || tokenOfWord[h] !== ti;
    });
    return outside ?? own[0] ?? ws[0] ?? -1;
  });
  const n = toks.length;
  let heads: number[] | null = new Array<number>(n).fill(0);
  const labels = new Array<string>(n).fill("dep");
  const xpos = new Array<string>(n).fill("_");
  for (let ti = 0; ti < n; ti++) {
    const k = wordOfToken[ti]!;
    if (k < 0) {
      heads = null;
      break;
    }
    const word = s.words[k]!;
    xpos[ti] = word.xpos;
    if (tokenOfWord[k] !== ti) {
      // A piece of a word cut into several tokens: attach it to the piece that carries the word.
      heads[ti] = tokenOfWord[k]! + 1;
      labels[ti] = /^\p{P}+$/u.test(toks[ti]!.text) ? "punct" : "goeswith";
      continue;
    }
    heads[ti] = word.head === 0 ? 0 : tokenOfWord[word.head - 1]! + 1;
    labels[ti] = word.deprel;
    if (heads[ti] === ti + 1) heads = null;
    if (!heads) break;
  }
  if (heads && !isTree(heads)) heads = null;
  return { tokens: toks.map((t) => t.text), heads, labels, xpos, tokenOfWord, wordOfToken };
}

/** True when heads (1-based, 0 = root) form a tree with exactly one root word. */
export function isTree(heads: readonly number[]): boolean {
  let roots = 0;
  for (const h of heads) if (h === 0) roots++;
  if (roots !== 1) return false;
  const state = new Uint8Array(heads.length + 1);
  for (let i = 1; i <= heads.length; i++) {
    let j = i;
    const path: number[] = [];
    while (j !== 0 && state[j] === 0) {
      state[j] = 1;
      path.push(j);
      j = heads[j - 1]!;
    }
    if (j !== 0 && state[j] === 1) return false;
    for (const p of path) state[p] = 2;
  }
  return true;
}
