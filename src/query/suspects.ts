/**
 * The junk check of `stats`: among the most-mentioned entities, labels that look like extraction debris
 * rather than names. Four checks, each a small function over the label's words:
 *
 * - function-word: the label starts or ends with a function word ("Meanwhile", "Since Google", "Powerless
 *   The"). A leading "The" is normal in names (The Times, The Hague) and does not count; words written in
 *   capitals ("US", "IT", "A" in "Serie A", "I" in "Charles I") are acronyms, letters or numerals.
 * - title (persons only): the label starts with an honorific or a person title from the knowledge base
 *   ("Mr", "President Bush"), or with what is left of an "X of Y" title ("State Hillary Clinton" from
 *   "Secretary of State"), or ends with a title ("Disha Uppal Editor", "Tony Blair Prime Minister"). Titles
 *   that are also given or family names are let through where they read as names: a leading one-word title
 *   that is a given name ("Dean Richards"), a trailing one-word title after one word or after given names only
 *   ("Mervyn King", "Paul Nurse", "Martin Luther King"). Other types are not checked: their names often start with such words (General Election,
 *   Premier League, Queen Elizabeth Hospital, Dr Pepper).
 * - date-word: a month or weekday starts a label of two or more words ("Monday Tony Blair") or ends one of
 *   three or more ("Bild on Saturday"); two words ending in one read as a name (Sheffield Wednesday, Mike
 *   Friday, Black September). A lone "Monday" is not counted. Not checked for events (May Day, Super Tuesday).
 *   April, May, June and August are never counted: they are also names (Theresa May, June Sarpong).
 * - lowercase: the label holds an all-lowercase word. Inside a name, connectors and name particles are normal
 *   (Bank of England, Ludwig van Beethoven, Charles de Gaulle); at the start or end they are suspects too.
 *
 * Labels that are known names of the knowledge base (countries, cities, regions, organizations, with their
 * aliases) are never suspects.
 */
import { cities, countries, givenNames, honorifics, nameParticles, organizations, personTitles, regions } from "../kb/index.js";
import { nameKey } from "../nlp/normalize.js";
import type { EntityType } from "../types.js";
import { checkInteger } from "./check.js";
import type { EntityRef } from "./edge-view.js";
import { entityRef } from "./edge-view.js";
import { compareStrings, firstInOrder } from "./compare.js";
import type { LoadedGraph } from "./load.js";

export type SuspectCheck = "function-word" | "title" | "date-word" | "lowercase";

export interface SuspectReason {
  check: SuspectCheck;
  /** The offending word(s) as written in the label. */
  word: string;
  /** Where in the label: a one-word label is "whole". */
  position: "start" | "end" | "inside" | "whole";
}

export interface Suspect extends EntityRef {
  mentions: number;
  reasons: SuspectReason[];
}

export interface SuspectReport {
  /** How many of the most-mentioned entities were checked. */
  checked: number;
  suspects: Suspect[];
}

/** The word lists the checks use: general English here, titles, honorifics, given names and known names from src/kb. */
export interface SuspectLexicon {
  functionWords: ReadonlySet<string>;
  dateWords: ReadonlySet<string>;
  /** Lowercase words that are normal inside a name. */
  connectors: ReadonlySet<string>;
  /** Person titles and honorifics, lowercase, possibly multiword. */
  titles: ReadonlySet<string>;
  /** What follows "of" / "in" in a multiword title ("state" of "secretary of state"), lowercase. */
  titleTails: ReadonlySet<string>;
  maxTitleWords: number;
  givenNames: ReadonlySet<string>;
  /** Known names of the knowledge base, as name keys. */
  knownNames: ReadonlySet<string>;
}

// General English, not world knowledge: articles and demonstratives, personal and possessive pronouns,
// prepositions, conjunctions, a few auxiliaries and sentence adverbs. Words that are often names or name
// words are left out (all, one, will, may, per, out, up, under, who).
const FUNCTION_WORDS = [
  "a", "an", "the", "this", "that", "these", "those",
  "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they", "them", "their",
  "which", "whose", "whom",
  "about", "above", "across", "after", "against", "along", "amid", "among", "amongst", "around", "as", "at", "before",
  "behind", "below", "between", "by", "despite", "during", "for", "from", "in", "into", "of", "on", "onto", "since",
  "than", "through", "throughout", "to", "toward", "towards", "until", "upon", "via", "with", "within", "without",
  "and", "or", "but", "nor", "yet", "because", "although", "though", "while", "whilst", "whereas", "unless", "if",
  "when", "where", "whether",
  "is", "are", "was", "were", "be", "been", "has", "have", "had",
  "meanwhile", "however", "moreover", "furthermore", "nevertheless", "nonetheless", "therefore", "thus", "hence",
  "also", "instead", "indeed", "besides", "otherwise", "perhaps", "then", "now", "here", "there", "elsewhere",
  "overall", "finally", "additionally", "consequently", "likewise", "similarly", "earlier", "later", "eventually",
];

// Months and weekdays; April, May, June and August are left out because they are also names.
const DATE_WORDS = [
  "january", "february", "march", "july", "september", "october", "november", "december",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

// Lowercase words that are normal inside names: connectors (Bank of England, Office for National Statistics,
// Newcastle upon Tyne, Stadt und Land) and, from the knowledge base, particles of personal names (Ludwig van
// Beethoven, Charles de Gaulle, Osama bin Laden).
const CONNECTORS = ["of", "the", "and", "for", "to", "upon", "&", "ten", "les", "e", "und", "et"];

/** Build the lexicon from the constants above and the knowledge base. */
export function suspectLexicon(): SuspectLexicon {
  const titles = new Set<string>();
  const titleTails = new Set<string>();
  for (const { title } of personTitles()) {
    const t = title.toLowerCase();
    titles.add(t);
    const words = t.split(" ");
    const glue = words.findIndex((w, i) => i > 0 && (w === "of" || w === "in"));
    if (glue > 0 && glue < words.length - 1) {
      const tail = words.slice(glue + 1);
      titleTails.add(tail.join(" "));
      if (tail[0] === "the" && tail.length > 1) titleTails.add(tail.slice(1).join(" "));
    }
  }
  for (const h of honorifics()) titles.add(h.toLowerCase().replace(/\.$/, ""));
  const knownNames = new Set<string>();
  const addKnown = (...names: (string | undefined)[]) => names.forEach((n) => n && knownNames.add(nameKey(n)));
  for (const c of countries()) addKnown(c.name, ...c.aliases);
  for (const c of cities()) addKnown(c.name, ...c.aliases);
  for (const r of regions()) addKnown(r.name, ...r.aliases);
  for (const o of organizations()) addKnown(o.name, o.acronym, ...o.aliases);
  return {
    functionWords: new Set(FUNCTION_WORDS),
    dateWords: new Set(DATE_WORDS),
    connectors: new Set([...CONNECTORS, ...nameParticles().filter((p) => p.standalone).map((p) => p.particle)]),
    titles,
    titleTails,
    maxTitleWords: Math.max(...[...titles, ...titleTails].map((t) => t.split(" ").length)),
    givenNames: givenNames(),
    knownNames,
  };
}

/** The label's words with surrounding punctuation removed ("I." -> "I"); empty words are dropped. */
export function labelWords(label: string): string[] {
  return label
    .split(/\s+/)
    .map((w) => w.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, ""))
    .filter((w) => w.length > 0);
}

/** A word written in capitals (US, IT, A, I): an acronym, a letter or a numeral, never a function or date word. */
function inCapitals(word: string): boolean {
  return word === word.toUpperCase();
}

/** All letters lowercase and starting with one ("on", "said"; not "iPod", not "2005"). */
function isLowercaseWord(word: string): boolean {
  return /^\p{Ll}/u.test(word) && word === word.toLowerCase();
}

function edgePosition(words: string[], end: boolean): SuspectReason["position"] {
  return words.length === 1 ? "whole" : end ? "end" : "start";
}

/** (a) A function word at the start (other than "The") or at the end. */
export function functionWordReasons(words: string[], lex: SuspectLexicon): SuspectReason[] {
  const reasons: SuspectReason[] = [];
  const first = words[0]!;
  const last = words[words.length - 1]!;
  const hit = (w: string) => !inCapitals(w) && lex.functionWords.has(w.toLowerCase());
  if (hit(first) && (first !== "The" || words.length === 1)) reasons.push({ check: "function-word", word: first, position: edgePosition(words, false) });
  if (words.length > 1 && hit(last)) reasons.push({ check: "function-word", word: last, position: "end" });
  return reasons;
}

/** (b) Persons only: an honorific or title at the start, a title at the end (see the module comment for names let through). */
export function titleReasons(words: string[], type: EntityType, lex: SuspectLexicon): SuspectReason[] {
  if (type !== "person") return [];
  const lower = words.map((w) => w.toLowerCase());
  const reasons: SuspectReason[] = [];
  const longest = (fromEnd: boolean, sets: ReadonlySet<string>[]): number => {
    for (let n = Math.min(lex.maxTitleWords, words.length); n >= 1; n--) {
      const span = (fromEnd ? lower.slice(words.length - n) : lower.slice(0, n)).join(" ");
      if (sets.some((s) => s.has(span))) return n;
    }
    return 0;
  };
  const lead = longest(false, [lex.titles, lex.titleTails]);
  if (lead > 0 && !(lead === 1 && words.length > 1 && lex.givenNames.has(lower[0]!))) {
    reasons.push({ check: "title", word: words.slice(0, lead).join(" "), position: edgePosition(words, false) });
  }
  if (words.length > 1) {
    const trail = longest(true, [lex.titles]);
    const before = lower.slice(0, words.length - trail);
    const readsAsName = trail === 1 && (before.length === 1 || before.every((w) => lex.givenNames.has(w)));
    if (trail > 0 && trail < words.length && !readsAsName) reasons.push({ check: "title", word: words.slice(words.length - trail).join(" "), position: "end" });
  }
  return reasons;
}

/** (c) A month or weekday starting a label of two or more words, or ending one of three or more; events are not checked. */
export function dateWordReasons(words: string[], type: EntityType, lex: SuspectLexicon): SuspectReason[] {
  if (type === "event" || words.length < 2) return [];
  const hit = (w: string) => !inCapitals(w) && lex.dateWords.has(w.toLowerCase());
  const reasons: SuspectReason[] = [];
  if (hit(words[0]!)) reasons.push({ check: "date-word", word: words[0]!, position: "start" });
  if (words.length > 2 && hit(words[words.length - 1]!)) reasons.push({ check: "date-word", word: words[words.length - 1]!, position: "end" });
  return reasons;
}

/** (d) An all-lowercase word: anywhere but a connector or particle inside the name. */
export function lowercaseReasons(words: string[], lex: SuspectLexicon): SuspectReason[] {
  const reasons: SuspectReason[] = [];
  words.forEach((w, i) => {
    if (!isLowercaseWord(w)) return;
    const inside = i > 0 && i < words.length - 1;
    if (inside && lex.connectors.has(w)) return;
    reasons.push({ check: "lowercase", word: w, position: inside ? "inside" : edgePosition(words, i > 0) });
  });
  return reasons;
}

/** Every reason a label is a suspect (empty when it looks like a name). A word already reported is not reported again as lowercase. */
export function suspectReasons(label: string, type: EntityType, lex: SuspectLexicon): SuspectReason[] {
  const words = labelWords(label);
  if (words.length === 0 || lex.knownNames.has(nameKey(label))) return [];
  const reasons = [...functionWordReasons(words, lex), ...titleReasons(words, type, lex), ...dateWordReasons(words, type, lex)];
  const seen = new Set(reasons.map((r) => `${r.position}:${r.word}`));
  return [...reasons, ...lowercaseReasons(words, lex).filter((r) => !seen.has(`${r.position}:${r.word}`))];
}

/** One line per reason, for tables: `function word "Since" at start`. */
export function describeReason(r: SuspectReason): string {
  const what = { "function-word": "function word", title: "title", "date-word": "month/day", lowercase: "lowercase word" }[r.check];
  return `${what} "${r.word}"${r.position === "whole" ? "" : r.position === "inside" ? " inside" : ` at ${r.position}`}`;
}

/** Check the `top` most-mentioned entities (ties by label); 0 checks none and loads nothing. */
export function findSuspects(kg: LoadedGraph, top: number, lex?: SuspectLexicon): SuspectReport {
  checkInteger("suspects", top, 0);
  if (top === 0) return { checked: 0, suspects: [] };
  const lexicon = lex ?? suspectLexicon();
  const { graph } = kg;
  const ranked = firstInOrder(
    graph.mapNodes((key, attrs) => ({ key, label: attrs.label, mentions: attrs.mentions })),
    top,
    (a, b) => b.mentions - a.mentions || compareStrings(a.label, b.label),
  );
  const suspects: Suspect[] = [];
  for (const { key, mentions } of ranked) {
    const ref = entityRef(kg, key);
    const reasons = suspectReasons(ref.label, ref.type, lexicon);
    if (reasons.length > 0) suspects.push({ ...ref, mentions, reasons });
  }
  return { checked: ranked.length, suspects };
}
