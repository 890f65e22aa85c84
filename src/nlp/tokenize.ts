/**
 * Tokenization with character offsets, close to the Penn Treebank / CoNLL-2003 conventions the tagger
 * was trained on: punctuation split off, possessive and negative clitics ('s, n't) split, abbreviations
 * with periods kept whole (U.S., Mr., Oct.), numbers with separators kept whole. Curly quotes and
 * apostrophes are kept as they are in the text; consumers normalize them. Where Universal Dependencies
 * differs, the parser's alignment (src/nlp/parser/align.ts) maps between the two.
 */
import type { Token } from "../types.js";

/** Abbreviations that keep their final period (lowercase, without the period). */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "lt", "col", "maj", "capt", "cmdr", "adm", "sgt",
  "gov", "sen", "rep", "pres", "rev", "hon", "amb", "messrs", "mme", "mlle",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "inc", "corp", "co", "ltd", "bros", "plc", "no", "nos", "vs", "etc", "approx", "dept", "est", "fig", "vol", "pp",
  "ave", "blvd", "rd", "e.g", "i.e", "a.m", "p.m",
]);

// One alternative per token kind, tried in order at each position (sticky).
const TOKEN_RE = new RegExp(
  [
    String.raw`https?://[^\s<>"“”]+[^\s<>"“”.,;:!?)\]]`, // URL
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`, // e-mail
    String.raw`(?:\p{L}\.){2,}(?!\p{L})`, // initialisms: U.S., U.K., e.g.
    String.raw`[$€£¥]?\d+(?:[.,:/]\d+)*(?:%|st|nd|rd|th|s|bn|m|mn|k)?(?![\p{L}\d])`, // numbers, money, dates, ordinals
    String.raw`\p{L}[\p{L}\p{M}\d]*(?:[-–'’&.][\p{L}\d][\p{L}\p{M}\d]*)*`, // words with inner hyphens/apostrophes/dots
    String.raw`['’](?:[sSmMdD]|ll|LL|re|RE|ve|VE)(?![\p{L}\d])`, // a clitic standing alone ("it 's")
    String.raw`\.{2,}|-{2,}|…|([!?*=_~#<>+^])\1+`, // ellipses, dashes and runs of one punctuation mark (!!!, ===)
    String.raw`[^\s]`, // any other single character
  ].join("|"),
  "guy",
);

const CLITIC_RE = /^(.+?)(['’][sS]|[nN]['’][tT]|['’](?:re|ve|ll|d|m|RE|VE|LL|D|M))$/u;

/** Split text into tokens with offsets. */
export function tokenize(text: string, offset = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  TOKEN_RE.lastIndex = offset;
  while (TOKEN_RE.lastIndex < end) {
    const ws = skipSpace(text, TOKEN_RE.lastIndex, end);
    if (ws >= end) break;
    TOKEN_RE.lastIndex = ws;
    // The regex is sticky: a match starts at ws and ends at lastIndex (test() makes no match array).
    if (!TOKEN_RE.test(text)) break;
    const start = ws;
    const word = text.slice(start, Math.min(TOKEN_RE.lastIndex, end));
    TOKEN_RE.lastIndex = start + pushWord(tokens, text, word, start);
  }
  return tokens;
}

function skipSpace(text: string, i: number, end: number): number {
  while (i < end) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 10 || c === 9 || c === 13 || c === 0xa0 || c === 0x2009 || c === 0x200b || c === 12) i++;
    else break;
  }
  return i;
}

/** Push the token(s) of one regex match; returns the number of characters consumed. */
function pushWord(tokens: Token[], text: string, word: string, start: number): number {
  if (/^\p{L}/u.test(word)) {
    // A trailing period belongs to the word only for known abbreviations and single initials.
    const next = text[start + word.length];
    if (next === "." && (ABBREVIATIONS.has(word.toLowerCase()) || /^\p{Lu}$/u.test(word))) {
      tokens.push({ text: word + ".", start, end: start + word.length + 1 });
      return word.length + 1;
    }
    // Every clitic holds an apostrophe: most words need not be matched.
    const clitic = word.includes("'") || word.includes("’") ? CLITIC_RE.exec(word) : null;
    if (clitic) {
      const stem = clitic[1]!;
      tokens.push({ text: stem, start, end: start + stem.length });
      tokens.push({ text: clitic[2]!, start: start + stem.length, end: start + word.length });
      return word.length;
    }
  }
  tokens.push({ text: word, start, end: start + word.length });
  return word.length;
}
