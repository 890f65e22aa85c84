/**
 * Sentence splitting over the token stream, with character offsets. Boundaries come from terminal
 * punctuation followed by a likely sentence start, from paragraph breaks, and from line breaks after
 * headings, bullets and bylines. Hard-wrapped text (newswire with ~65-character lines) is detected so
 * that its line breaks inside a sentence are not taken as boundaries. Sentences longer than the taggers
 * and the parser should see are cut into pieces (long-sentences.ts).
 */
import type { Sentence, Token } from "../types.js";
import { boundSentences, MAX_SENTENCE_TOKENS } from "./long-sentences.js";
import { tokenize } from "./tokenize.js";

const TERMINAL = new Set([".", "!", "?", "…", "...", "....", "?!", "!?"]);
const CLOSERS = new Set(['"', "'", "”", "’", ")", "]", "»"]);
/** Words that, capitalized after an abbreviation such as "U.S.", almost always start a new sentence. */
const SENTENCE_STARTERS = new Set([
  "The", "A", "An", "It", "He", "She", "They", "We", "I", "This", "That", "These", "Those", "But", "And", "In",
  "On", "At", "However", "Meanwhile", "Its", "His", "Her", "Their", "There", "If", "When", "As", "After",
]);

interface LineLayout {
  /** True when the text is hard-wrapped at a fixed width. */
  wrapped: boolean;
  /** Typical full line length of wrapped text. */
  width: number;
}

function lineLayout(text: string): LineLayout {
  const lengths = text
    .split("\n")
    .map((l) => l.trimEnd().length)
    .filter((n) => n > 0);
  if (lengths.length < 4) return { wrapped: false, width: 0 };
  const sorted = [...lengths].sort((a, b) => a - b);
  const p80 = sorted[Math.floor(sorted.length * 0.8)]!;
  const max = sorted[sorted.length - 1]!;
  const nearWidth = lengths.filter((n) => n >= p80 * 0.75).length / lengths.length;
  return { wrapped: max <= 110 && p80 >= 40 && nearWidth >= 0.5, width: p80 };
}

function startsSentence(token: Token): boolean {
  const c = token.text[0]!;
  return /[\p{Lu}\d"“‘'(\[«•*-]/u.test(c);
}

/** Length of the line that ends at `pos` (exclusive). */
function lineLengthBefore(text: string, pos: number): number {
  const lineStart = text.lastIndexOf("\n", pos - 1) + 1;
  return text.slice(lineStart, pos).trim().length;
}

/** Split a document's text into sentences with tokens, none longer than `MAX_SENTENCE_TOKENS`. */
export function splitSentences(text: string): Sentence[] {
  return splitSentencesCounted(text).sentences;
}

/** The sentences of a text, and how many over `maxTokens` tokens were cut into pieces. */
export function splitSentencesCounted(text: string, maxTokens: number = MAX_SENTENCE_TOKENS): { sentences: Sentence[]; split: number } {
  return boundSentences(punctuatedSentences(text), maxTokens);
}

/** Sentences as punctuation and layout delimit them, of any length. */
function punctuatedSentences(text: string): Sentence[] {
  const tokens = tokenize(text);
  const layout = lineLayout(text);
  const sentences: Sentence[] = [];
  let first = 0;
  const close = (last: number) => {
    const toks = tokens.slice(first, last + 1);
    sentences.push({ index: sentences.length, start: toks[0]!.start, end: toks[toks.length - 1]!.end, tokens: toks });
    first = last + 1;
  };
  for (let i = 0; i < tokens.length - 1; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1]!;
    const gap = text.slice(tok.end, next.start);
    if (gap.includes("\n")) {
      if (isLineBoundary(text, gap, tok, layout)) {
        close(i);
        continue;
      }
    }
    const terminal = TERMINAL.has(tok.text) || (CLOSERS.has(tok.text) && i > first && TERMINAL.has(tokens[i - 1]!.text));
    if (terminal) {
      if (gap === "" && CLOSERS.has(next.text)) continue; // the closing quote belongs to this sentence
      if (gap !== "" && startsSentence(next)) close(i);
      continue;
    }
    if (tok.text.length > 2 && tok.text.endsWith(".") && /^(?:\p{L}\.){2,}$/u.test(tok.text) && SENTENCE_STARTERS.has(next.text)) {
      close(i);
    }
  }
  if (first < tokens.length) close(tokens.length - 1);
  return sentences;
}

function isLineBoundary(text: string, gap: string, tok: Token, layout: LineLayout): boolean {
  if (/\n[ \t]*\n/.test(gap)) return true; // blank line: paragraph
  if (!layout.wrapped) return true; // one paragraph or heading per line
  if (/\n[ \t]{2,}/.test(gap)) return true; // indented paragraph start in wrapped newswire
  if (TERMINAL.has(tok.text)) return true;
  return lineLengthBefore(text, tok.end) < layout.width * 0.6; // a short line ends a heading or paragraph
}
