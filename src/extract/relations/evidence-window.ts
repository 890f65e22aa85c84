/**
 * The span of a sentence an evidence record quotes. A sentence up to `MAX_EVIDENCE_CHARS` long is quoted
 * whole; a longer one (a piece of a page without punctuation, a sentence of very long tokens) is quoted
 * as a window of at most that many characters around its mentions, snapped to token boundaries where a
 * token fits, so an evidence record never holds a huge "sentence" and its offsets still point into the
 * document text. The piece of a sentence cut for its length is no sentence a reader would quote whole:
 * it is quoted as a shorter window. The longest sentence of the BBC corpus has 1,063 characters.
 */
import type { Sentence } from "../../types.js";

/** The most characters an evidence record quotes. */
export const MAX_EVIDENCE_CHARS = 1200;
/** The most characters quoted from a piece of a cut sentence. */
export const MAX_PIECE_EVIDENCE_CHARS = 400;

/** Character offsets [start, end) of the part of `sentence` to quote, given the spans of its mentions. */
export function evidenceSpan(sentence: Sentence, mentions: readonly { start: number; end: number }[], max: number = sentence.piece ? MAX_PIECE_EVIDENCE_CHARS : MAX_EVIDENCE_CHARS): [number, number] {
  if (sentence.end - sentence.start <= max) return [sentence.start, sentence.end];
  let lo = sentence.end;
  let hi = sentence.start;
  for (const m of mentions) {
    lo = Math.min(lo, m.start);
    hi = Math.max(hi, m.end);
  }
  if (lo >= hi) [lo, hi] = [sentence.start, sentence.start];
  // Centre the window on the mentions (or start it at the first one when they spread wider).
  const slack = Math.max(0, max - (hi - lo));
  let start = Math.max(sentence.start, lo - Math.floor(slack / 2));
  const end = Math.min(sentence.end, start + max);
  start = Math.max(sentence.start, end - max);
  // Snap inwards to whole tokens when at least one token fits.
  const first = sentence.tokens.find((t) => t.start >= start);
  let last: { end: number } | undefined;
  for (const t of sentence.tokens) if (t.end <= end) last = t;
  if (first && last && first.start < last.end) return [first.start, last.end];
  return [start, end];
}
