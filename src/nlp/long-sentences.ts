/**
 * Bounds the length of sentences: a "sentence" of more tokens than the taggers and the parser should see
 * at once (a scraped page without punctuation, a table flattened to one line) is cut into pieces of at
 * most `maxTokens`, each at the most sensible boundary of its last half — after a semicolon or colon,
 * else after a comma, else before a conjunction, else at the limit. Pieces keep their tokens' offsets,
 * so everything downstream still points into the document text. News sentences are far shorter than the
 * limit (the longest of the BBC corpus has 242 tokens) and pass through untouched.
 */
import type { Sentence, Token } from "../types.js";

/** The most tokens a sentence may have before it is cut. */
export const MAX_SENTENCE_TOKENS = 300;

/** Boundaries from best to worst: a piece ends after one of these tokens... */
const AFTER: readonly (ReadonlySet<string>)[] = [new Set([";", ":"]), new Set([","])];
/** ...or before one of these words. */
const BEFORE = new Set(["and", "but", "or", "while", "because", "although", "whereas", "so", "yet"]);

/** The number of tokens of the first piece of `tokens[from..]` (at most `max`). */
function pieceLength(tokens: readonly Token[], from: number, max: number): number {
  const end = from + max; // first token of the next piece when cut at the limit
  const floor = from + Math.ceil(max / 2); // pieces are at least half the limit
  for (const marks of AFTER) {
    for (let i = end - 1; i >= floor; i--) if (marks.has(tokens[i - 1]!.text)) return i - from;
  }
  for (let i = end - 1; i >= floor; i--) if (BEFORE.has(tokens[i]!.text.toLowerCase())) return i - from;
  return max;
}

/**
 * The sentences with every one longer than `maxTokens` cut into pieces, renumbered; `split` counts the
 * sentences that were cut.
 */
export function boundSentences(sentences: readonly Sentence[], maxTokens: number = MAX_SENTENCE_TOKENS): { sentences: Sentence[]; split: number } {
  if (!Number.isInteger(maxTokens) || maxTokens < 2) throw new RangeError(`maxTokens must be an integer of at least 2 (got ${maxTokens})`);
  const out: Sentence[] = [];
  let split = 0;
  for (const sentence of sentences) {
    const { tokens } = sentence;
    if (tokens.length <= maxTokens) {
      out.push(sentence.index === out.length ? sentence : { ...sentence, index: out.length });
      continue;
    }
    split++;
    for (let from = 0; from < tokens.length; ) {
      const n = tokens.length - from <= maxTokens ? tokens.length - from : pieceLength(tokens, from, maxTokens);
      const piece = tokens.slice(from, from + n);
      out.push({ index: out.length, start: piece[0]!.start, end: piece[piece.length - 1]!.end, tokens: piece, piece: true });
      from += n;
    }
  }
  return { sentences: out, split };
}
