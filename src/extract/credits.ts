/**
 * Credit lines: the byline ("Author: X / Editor: Y", "Reporting by X; Editing by Y") and the agency
 * credit ("tj/msh (AP, AFP, dpa)") that close many news stories name who wrote and who supplied the
 * story, not what it is about; their names are no entities of the story.
 */
import { nameKey } from "../nlp/normalize.js";
import type { Gazetteer } from "./gazetteer.js";

/** Words that open a byline when ":" or "by" follows. */
const BYLINE_OPENERS = new Set(["author", "authors", "editor", "editors", "reporting", "writing", "editing", "compiled", "additional", "produced"]);
const LIST_WORDS = new Set([",", "/", ";", "and", "&"]);
const SENTENCE_END = new Set([".", "!", "?"]);
const CLOSERS = new Set(['"', "'", "”", "’", ")"]);
/** Editors' initials before an agency credit: "tj", "msh", "tj/msh". */
const INITIALS = /^(?:\/|[a-z]{1,4}(?:\/[a-z]{1,4})*)$/;

/**
 * The token where a sentence's credit line starts (0 for a byline), or -1 when it has none. The sentence
 * splitter may leave an agency credit at the end of the story's last sentence.
 */
export function creditStart(gaz: Gazetteer, words: readonly string[], lower: readonly string[]): number {
  if (BYLINE_OPENERS.has(lower[0] ?? "") && lower.slice(1, 4).some((w) => w === ":" || w === "by")) return 0;
  return agencyCredit(gaz, words, lower);
}

/** "tj/msh (AP, AFP, dpa)" closing the sentence: editors' initials, then only news agencies in parentheses. */
function agencyCredit(gaz: Gazetteer, words: readonly string[], lower: readonly string[]): number {
  let close = words.length - 1;
  while (close >= 0 && words[close] !== ")" && /^\p{P}+$/u.test(words[close]!)) close--;
  const open = words.lastIndexOf("(", close);
  if (close < 0 || words[close] !== ")" || open < 0 || close < open + 2) return -1;
  let start = open;
  while (start > 0 && INITIALS.test(words[start - 1]!)) start--;
  let end = start - 1;
  while (end >= 0 && CLOSERS.has(words[end]!)) end--;
  if (end >= 0 && !SENTENCE_END.has(words[end]!)) return -1;
  let agencies = 0;
  for (let k = open + 1; k < close; k++) {
    if (LIST_WORDS.has(lower[k]!)) continue;
    if (!gaz.media.has(nameKey(words[k]!))) return -1;
    agencies++;
  }
  return agencies > 0 ? start : -1;
}
