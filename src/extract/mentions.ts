/**
 * Entity mentions of one sentence: spans from the tagger's IOB tags, typed into newsgraph entity types
 * (PER → person; LOC → country or location by gazetteer; ORG → organization; MISC → event or project by
 * head noun, else dropped), demonyms kept apart as links to their country, plus what the tagger cannot
 * see alone: gazetteer names it missed, "X-based" and "A-B" hyphen compounds, personal names whole across
 * their lowercase particles ("Osama bin Laden", "Bashar al-Assad"), names extended by a lowercase head
 * ("the X pipeline", "X (ACR) forum") and nominal references ("the forum").
 */
import { asciiPunctuation } from "../nlp/normalize.js";
import type { EntityType, Sentence } from "../types.js";
import { changedMention, entityMention, mapMentions } from "./entity-mention.js";
import { lookupName, titleBounds, type Gazetteer } from "./gazetteer.js";

export type MentionSource = "PER" | "ORG" | "LOC" | "MISC" | "GAZ" | "NOM" | "PRO";

/** What a description says of the entity it refers to. */
export interface Nominal {
  /** Its head noun, lowercase. */
  head: string;
  /** The kind of entity the head names (src/kb/reference-nouns.json), or "role" for a title. */
  kind: string;
  /** "the two leaders", "both nations": a group of two. */
  plural: boolean;
  /** Token where the phrase starts (its determiner). */
  phraseStart: number;
}

/** A mention of an entity inside one sentence (made by entity-mention.ts, in one shape). */
export interface EntityMention {
  sentence: number;
  /** Token range [tokStart, tokEnd) within the sentence. */
  tokStart: number;
  tokEnd: number;
  start: number;
  end: number;
  /** Surface text as written. */
  text: string;
  /** Name the mention proposes for its entity (surface without extensions and parentheticals). */
  name: string;
  /** Other surface forms it carries (extended name, acronym defined in parentheses). */
  aliases: string[];
  type: EntityType;
  source: MentionSource;
  /** A description ("the lender", "the two leaders"): resolved to the entity or entities it refers back to. */
  nominal?: Nominal;
  /** Location named by an "X-based" prefix attached to this mention. */
  basedIn?: EntityMention;
  /** Part of a hyphen compound ("Iran-Iraq"): never extended by a head noun. */
  compound?: boolean;
}

/** A demonym ("Russian") in a sentence: a link to its country, not an entity of its own. */
export interface DemonymMention {
  sentence: number;
  tokStart: number;
  tokEnd: number;
  start: number;
  end: number;
  text: string;
  country: string;
}

export interface SentenceMentions {
  mentions: EntityMention[];
  demonyms: DemonymMention[];
}

/** Determiners of a singular description ("the lender", "this initiative"); possessives only before projects and events ("its pipeline"). */
const NOMINAL_DETERMINERS = new Set(["the", "this", "that"]);
const POSSESSIVE_DETERMINERS = new Set(["its", "their"]);
const GROUP_DETERMINERS = new Set(["the", "these", "those"]);
/** Generic project heads that an event name built on the project drops ("X Initiative forum" → "X Forum"). */
const GENERIC_PROJECT_HEADS = new Set(["initiative", "programme", "program", "project", "plan", "scheme", "strategy"]);
/** Lowercase words that may sit inside a name besides the particles of personal names ("Bank of X"). */
const CONNECTORS = new Set(["of", "and", "the", "for", "on", "&", "-", "'s"]);
const LOWER_MODIFIER = /^(?:NN|NNS|JJ|VBN|CD)$/;
/** Modifiers that make what follows a time ("in X next week"), never part of a name. */
const TEMPORAL_MODIFIERS = new Set(["next", "last", "past", "previous", "following", "coming", "same", "early", "late", "every"]);

function isCapitalized(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function isConnector(gaz: Gazetteer, lowerWord: string): boolean {
  return CONNECTORS.has(lowerWord) || gaz.nameParticles.has(lowerWord);
}

/** A name written after an attached particle: "al-Assad", "el-Sisi", "d'Estaing". */
function isAttachedName(gaz: Gazetteer, word: string): boolean {
  const m = /^(\p{Ll}+)['-]\p{Lu}/u.exec(word);
  return m !== null && gaz.attachedParticles.has(m[1]!);
}

/** One sentence's mention scan: its words, the tokens mentions cover, the mentions and demonyms found so far. */
class SentenceScan {
  readonly mentions: EntityMention[] = [];
  readonly demonyms: DemonymMention[] = [];
  readonly covered: Uint8Array;

  constructor(
    readonly gaz: Gazetteer,
    readonly text: string,
    readonly sentence: Sentence,
    readonly words: string[],
    readonly lower: string[],
  ) {
    this.covered = new Uint8Array(words.length);
  }

  /** A mention of tokens [a, b). */
  make(a: number, b: number, type: EntityType, source: MentionSource, name?: string): EntityMention {
    const { sentence, text } = this;
    const start = sentence.tokens[a]!.start;
    const end = sentence.tokens[b - 1]!.end;
    const surface = text.slice(start, end);
    return entityMention({ sentence: sentence.index, tokStart: a, tokEnd: b, start, end, text: surface, name: name ?? asciiPunctuation(surface), type, source });
  }

  /** Record tokens [a, b) as a demonym when they are one (capitalized, known), covering them. */
  demonym(a: number, b: number): boolean {
    const { sentence, words, lower } = this;
    if (!isCapitalized(words[a]!)) return false;
    const country = this.gaz.demonyms.get(b === a + 1 ? lower[a]! : lower.slice(a, b).join(" "));
    if (!country) return false;
    this.demonyms.push({ sentence: sentence.index, tokStart: a, tokEnd: b, start: sentence.tokens[a]!.start, end: sentence.tokens[b - 1]!.end, text: words.slice(a, b).join(" "), country });
    this.covered.fill(1, a, b);
    return true;
  }
}

/** 1. Hyphen compounds first: "Paris-based", "Iran-Iraq". */
function hyphenCompounds(scan: SentenceScan, ner: string[]): void {
  const { gaz, text, sentence, words, covered, mentions } = scan;
  for (let i = 0; i < words.length; i++) {
    const compound = hyphenCompound(text, sentence, i, words[i]!, ner[i] ?? "O", gaz);
    if (compound.length > 0) {
      covered[i] = 1;
      mentions.push(...compound);
    }
  }
}

/**
 * 2. The tagger span starting at token i (when one does), trimmed of the words the tagger swept in and
 * typed; returns the token to go on from. (Each phase of the scan is a function of its own: V8 compiles
 * and, on a branch seen late, recompiles it alone.)
 */
function taggerSpan(scan: SentenceScan, ner: string[], i: number, headline: boolean): number {
  const { gaz, words, lower, covered } = scan;
  const tag = ner[i] ?? "O";
  if (!tag.startsWith("B-") || covered[i]) return i + 1;
  const label = tag.slice(2);
  const inside = `I-${label}`;
  let j = i + 1;
  while (j < words.length && ner[j] === inside && !covered[j]) j++;
  let a = i;
  let spanLabel = label;
  // A sentence word the tagger swept in at the start ("Meanwhile", "Since Google") is no part of a name.
  while (a < j && SENTENCE_WORDS.has(lower[a]!)) a++;
  // Titles and honorifics the tagger swept into a name are roles, not name; an honorific makes it a person.
  while (a < j - 1 && (gaz.titles.has(lower[a]!) || gaz.honorifics.has(lower[a]!.replace(/\.$/, "")))) {
    if (gaz.honorifics.has(lower[a]!.replace(/\.$/, ""))) spanLabel = "PER";
    a++;
  }
  // The end of a longer title ("Secretary of State | Hillary Clinton", "Chancellor of the Exchequer").
  const tail = titleTail(gaz, lower, a, j);
  if (tail > 0) {
    a += tail;
    spanLabel = "PER"; // what a person title names is a person
  }
  // The complement of a title before the span, then a person: "Minister for | Foreign Affairs John
  // Smith", "Commissioner for | Migration Dimitris Avramopoulos" name the person from the given name on,
  // or after a one-word complement when no given name is known.
  if (spanLabel !== "PER" && a >= 2 && (lower[a - 1] === "for" || lower[a - 1] === "of") && gaz.titles.has(lower[a - 2]!) && j - a >= 3) {
    const given = words.findIndex((w, k) => k > a && k < j - 1 && gaz.givenNames.has(w.toLowerCase()) && isCapitalized(words[k + 1]!));
    a = given > 0 ? given : a + 1;
    spanLabel = "PER";
  }
  // "Harrington, a professor of ...": a lone name set off by an apposition headed by a person's title
  // is a person's, unless the gazetteer knows it.
  if (spanLabel !== "PER" && j - a === 1 && words[j] === "," && ARTICLES.has(lower[j + 1] ?? "") && !lookupName(gaz, words[a]!) && appositionTitle(gaz, lower, j + 2)) spanLabel = "PER";
  // A title or sentence word the tagger swept in at the end ("X Editor", "Y The"); a name never ends in
  // an article, a common acronym ("London UTC") or a day named with its preposition ("Bild on Saturday").
  if (label === "PER") while (j - 1 > a && (gaz.titles.has(lower[j - 1]!) || SENTENCE_WORDS.has(lower[j - 1]!) || ARTICLES.has(lower[j - 1]!))) j--;
  while (j - 1 > a && (ARTICLES.has(lower[j - 1]!) || gaz.commonAcronyms.has(words[j - 1]!))) j--;
  while (a < j - 1 && gaz.commonAcronyms.has(words[a]!)) a++;
  if (j - 2 > a && CALENDAR_WORDS.has(lower[j - 1]!) && DATE_PREPOSITIONS.has(lower[j - 2]!)) j -= 2;
  // Nothing left but a title or an honorific ("Mr", "Minister"): a role, no name.
  if (a >= j || (j - a === 1 && (gaz.titles.has(lower[a]!) || gaz.honorifics.has(lower[a]!.replace(/\.$/, ""))))) return Math.max(j, i + 1);
  if (!plausibleSpan(gaz, words, lower, a, j, headline)) return j;
  if (!scan.demonym(a, j)) {
    const m = typeSpan(scan.make(a, j, "organization", spanLabel as MentionSource), spanLabel, words.slice(a, j), gaz);
    if (m) {
      scan.mentions.push(m);
      covered.fill(1, a, j);
    }
  }
  return j;
}

/** 3. Gazetteer names and demonyms the tagger missed (capitalized, longest match first). */
function gazetteerNames(scan: SentenceScan): void {
  const { gaz, words, covered, mentions } = scan;
  for (let i = 0; i < words.length; i++) {
    if (covered[i] || !isCapitalized(words[i]!)) continue;
    if (scan.demonym(i, i + 1)) continue;
    for (let n = uncoveredRun(covered, i, gaz.maxTokens); n >= 1; n--) {
      if (!isCapitalized(words[i + n - 1]!)) continue;
      const known = lookupName(gaz, words.slice(i, i + n).join(" "));
      if (!known || !known.strong) continue;
      if (n === 1 && i === 0 && known.type !== "country" && words[i] !== words[i]!.toUpperCase()) continue;
      mentions.push(scan.make(i, i + n, known.type, "GAZ"));
      covered.fill(1, i, i + n);
      break;
    }
  }
}

/**
 * Mentions of one sentence from its words (ASCII punctuation, and lowercase), tagger tags and POS tags,
 * with the gazetteer's help.
 */
export function sentenceMentions(gaz: Gazetteer, text: string, sentence: Sentence, words: string[], lower: string[], ner: string[], pos: string[]): SentenceMentions {
  const scan = new SentenceScan(gaz, text, sentence, words, lower);
  const { mentions, demonyms, covered } = scan;
  const headline = isHeadline(gaz, words);
  hyphenCompounds(scan, ner);
  for (let i = 0; i < words.length; ) i = taggerSpan(scan, ner, i, headline);
  gazetteerNames(scan);

  mentions.sort((x, y) => x.tokStart - y.tokStart);
  const whole = joinParticleNames(mentions, text, sentence, words, gaz, covered);
  const joined = joinCoordinatedName(whole, text, sentence, words, gaz);
  const extended = mapMentions(joined, (m) => extendWithHead(m, text, sentence, words, lower, pos, gaz, covered)).filter((m) => m.tokEnd - m.tokStart <= MAX_NAME_TOKENS && !repeatsWords(words, m.tokStart, m.tokEnd));
  const nominals = nominalMentions(gaz, text, sentence, lower, pos, covered);
  const all = dropNested([...extended, ...nominals]).sort((x, y) => x.tokStart - y.tokStart || x.start - y.start);
  attachBasedIn(all, lower);
  return { mentions: all, demonyms };
}

/** A person's title within the first words of an apposition, before any "of" or comma ("a former senior professor"). */
function appositionTitle(gaz: Gazetteer, lower: string[], from: number): boolean {
  for (let k = from; k < Math.min(lower.length, from + 3); k++) {
    if (lower[k] === "of" || lower[k] === ",") return false;
    if (gaz.titles.has(lower[k]!)) return true;
  }
  return false;
}

/** Type a tagger span; returns undefined for spans that are no entity of ours. */
function typeSpan(m: EntityMention, label: string, words: string[], gaz: Gazetteer): EntityMention | undefined {
  if (!/\p{L}/u.test(m.text) || gaz.commonAcronyms.has(m.name)) return undefined;
  const known = lookupName(gaz, m.name);
  // The head of "World War II" or "Euro 2024" is the word before its number.
  const last = words.length > 1 && NUMBERING.test(words[words.length - 1]!) ? words.length - 2 : words.length - 1;
  const head = words[last]!.toLowerCase();
  if (known && (known.type === "country" || (label !== "PER" && known.strong))) return changedMention(m, { type: known.type });
  if (label !== "PER" && words.length > 1 && gaz.facilityHeads.has(head)) return changedMention(m, { type: "location" });
  switch (label) {
    case "PER":
      // "X Ltd", "X Airways Inc": a company's legal form ends no person's name.
      if (words.length > 1 && gaz.companySuffixes.has(head)) return changedMention(m, { type: "organization" });
      if (words.length > 1 && (gaz.eventHeads.has(head) || gaz.projectHeads.has(head)) && /^\p{Lu}/u.test(words[words.length - 1]!)) return typeSpan(m, "MISC", words, gaz);
      return changedMention(m, { type: "person" });
    case "LOC":
      if (gaz.eventHeads.has(head)) return changedMention(m, { type: "event" });
      return changedMention(m, { type: known?.type === "country" ? "country" : "location" });
    case "ORG":
      if (gaz.projectHeads.has(head) && !gaz.companySuffixes.has(head)) return changedMention(m, { type: "project" });
      if (gaz.eventHeads.has(head)) return changedMention(m, { type: "event" });
      return changedMention(m, { type: "organization" });
    default:
      if (gaz.eventHeads.has(head)) return changedMention(m, { type: "event" });
      if (gaz.projectHeads.has(head)) return changedMention(m, { type: "project" });
      return undefined;
  }
}

/** What a token holds when it holds no mention (one array for all, never written to). */
const NO_MENTIONS: readonly EntityMention[] = [];

/**
 * Mentions inside a hyphenated token: "X-based" (a place) and "A-B" compounds of two known names. A
 * hyphenated word that continues a person's name is one part of it ("Kim Jong-Un", not "Un" the UN).
 */
function hyphenCompound(text: string, sentence: Sentence, i: number, word: string, tag: string, gaz: Gazetteer): readonly EntityMention[] {
  if (!word.includes("-") || !isCapitalized(word) || tag === "I-PER") return NO_MENTIONS;
  const tok = sentence.tokens[i]!;
  const part = (from: number, to: number, type: EntityType, source: MentionSource): EntityMention => {
    const surface = text.slice(tok.start + from, tok.start + to);
    return entityMention({ sentence: sentence.index, tokStart: i, tokEnd: i + 1, start: tok.start + from, end: tok.start + to, text: surface, name: surface, type, source, compound: true });
  };
  const based = /^(.+)-based$/i.exec(word);
  if (based) {
    const known = lookupName(gaz, based[1]!);
    const type: EntityType = known?.type === "country" ? "country" : "location";
    return [part(0, based[1]!.length, type, "GAZ")];
  }
  const pieces = word.split("-");
  if (pieces.length !== 2 || !pieces.every((p) => isCapitalized(p) && p.length > 1)) return NO_MENTIONS;
  const known = pieces.map((p) => lookupName(gaz, p));
  if (!known.some((k) => k && k.type !== "location")) return NO_MENTIONS;
  if (pieces.some((p) => gaz.demonyms.has(p.toLowerCase()))) return NO_MENTIONS;
  const fallback: EntityType = tag.endsWith("PER") ? "person" : "organization";
  const first = part(0, pieces[0]!.length, known[0]?.type ?? fallback, "GAZ");
  const second = part(pieces[0]!.length + 1, word.length, known[1]?.type ?? fallback, "GAZ");
  return [first, second];
}

/**
 * Extend a name by a following lowercase head noun: "Power of X pipeline", "X (ACR) forum". The head sets
 * the type; a project name extended by an event head names the event ("X Initiative forum" → "X forum").
 */
function extendWithHead(m: EntityMention, text: string, sentence: Sentence, words: string[], lower: string[], pos: string[], gaz: Gazetteer, covered: Uint8Array): EntityMention {
  if (m.type === "person" || m.type === "country" || m.source === "NOM" || m.compound) return m;
  let k = m.tokEnd;
  let acronym: string | undefined;
  if (words[k] === "(" && words[k + 2] === ")" && /^\p{Lu}{2,6}$/u.test(words[k + 1] ?? "")) {
    acronym = words[k + 1];
    k += 3;
  }
  let modifiers = 0;
  let headAt = -1;
  for (let j = k; j < words.length && modifiers <= 2; j++) {
    const w = lower[j]!;
    if (isCapitalized(words[j]!) || covered[j] || TEMPORAL_MODIFIERS.has(w)) break;
    if (gaz.eventHeads.has(w) || gaz.projectHeads.has(w)) {
      headAt = j;
      const next = lower[j + 1];
      if (next && (gaz.projectHeads.has(next) || gaz.eventHeads.has(next)) && !isCapitalized(words[j + 1]!)) headAt = j + 1;
      break;
    }
    if (!LOWER_MODIFIER.test(pos[j] ?? "")) break;
    modifiers++;
  }
  if (headAt < 0) {
    if (!acronym) return m;
    // "World Health Organization (WHO)": the parenthetical defines an alias and belongs to the mention.
    covered.fill(1, m.tokEnd, k);
    return changedMention(m, { tokEnd: k, end: sentence.tokens[k - 1]!.end, aliases: [...m.aliases, acronym] });
  }
  const head = lower[headAt]!;
  const headType: EntityType = gaz.eventHeads.has(head) ? "event" : "project";
  // A place or a known organization before a lowercase event noun ("the Gaza offensive", "an EU meeting")
  // names where or by whom; the event is no name of its own and the place keeps its mention.
  if (headType === "event" && m.type !== "event" && !acronym && (m.type === "location" || lookupName(gaz, m.name) !== undefined)) return m;
  const end = sentence.tokens[headAt]!.end;
  const extendedText = text.slice(m.start, end);
  covered.fill(1, m.tokEnd, headAt + 1);
  const out: EntityMention = changedMention(m, { tokEnd: headAt + 1, end, text: extendedText, aliases: [...m.aliases, asciiPunctuation(extendedText).replace(/\s*\([^)]*\)\s*/g, " ")] });
  const coreWords = m.name.split(/\s+/);
  const coreHead = coreWords[coreWords.length - 1]!.toLowerCase();
  if (headType === "event" && m.type !== "event") {
    // "Silk Link Initiative (SLI) forum": the event is named after the project minus its own head.
    const core = GENERIC_PROJECT_HEADS.has(coreHead) && coreWords.length > 1 ? coreWords.slice(0, -1).join(" ") : m.name;
    out.name = `${core} ${capitalizeHead(words[headAt]!)}`;
    if (acronym) out.aliases.push(`${acronym} ${words[headAt]}`);
    out.type = "event";
  } else {
    if (acronym) out.aliases.push(acronym);
    if (m.type === "location" || m.type === "organization") out.type = headType === "project" && m.source !== "GAZ" ? "project" : m.type;
  }
  return out;
}

function capitalizeHead(word: string): string {
  return word[0]!.toUpperCase() + word.slice(1);
}

/**
 * Descriptions: "the lender", "this initiative", "the Hague-based tribunal", "the two leaders", "both
 * nations": a determiner, at most two lowercase modifiers and a head noun of src/kb/reference-nouns.json;
 * resolved later to the entity (or the two entities) they refer back to.
 */
function nominalMentions(gaz: Gazetteer, text: string, sentence: Sentence, lower: string[], pos: string[], covered: Uint8Array): EntityMention[] {
  const out: EntityMention[] = [];
  for (let j = 1; j < lower.length; j++) {
    if (covered[j]) continue;
    const head = lower[j]!;
    const ref = gaz.references.get(head);
    if (!ref || !(pos[j] ?? "NN").startsWith("NN") || lower[j + 1] === "of") continue;
    let d = j - 1;
    let modifiers = 0;
    while (d >= 0 && modifiers < 2 && !NOMINAL_DETERMINERS.has(lower[d]!) && !POSSESSIVE_DETERMINERS.has(lower[d]!) && !(ref.plural && (lower[d] === "two" || lower[d] === "both"))) {
      const based = lower[d]!.endsWith("-based");
      if ((covered[d] && !based) || !(based || LOWER_MODIFIER.test(pos[d] ?? ""))) break;
      d--;
      modifiers++;
    }
    if (d < 0) continue;
    let phraseStart = d;
    if (ref.plural) {
      if (lower[d] === "two" && GROUP_DETERMINERS.has(lower[d - 1] ?? "")) phraseStart = d - 1;
      else if (lower[d] !== "both") continue;
    } else if (!NOMINAL_DETERMINERS.has(lower[d]!) && !(POSSESSIVE_DETERMINERS.has(lower[d]!) && (ref.type === "project" || ref.type === "event"))) continue;
    const tok = sentence.tokens[j]!;
    out.push(
      entityMention({
        sentence: sentence.index,
        tokStart: j,
        tokEnd: j + 1,
        start: tok.start,
        end: tok.end,
        text: text.slice(tok.start, tok.end),
        name: head,
        type: ref.type,
        source: "NOM",
        nominal: { head, kind: ref.kind, plural: ref.plural === true, phraseStart },
      }),
    );
    covered[j] = 1;
  }
  return out;
}

/** Link an "X-based" place to the mention that follows it ("the Hague-based court"). */
function attachBasedIn(mentions: EntityMention[], lower: string[]): void {
  for (let i = 0; i < mentions.length - 1; i++) {
    const m = mentions[i]!;
    if (!lower[m.tokStart]!.endsWith("-based") || m.tokEnd !== m.tokStart + 1) continue;
    const next = mentions[i + 1]!;
    if (next.tokStart - m.tokEnd <= 2 && next !== m) next.basedIn = m;
  }
}

/** A Title Case line of three or more words ("No New Energy Deals Expected") is a heading, not a name. */
function isHeadline(gaz: Gazetteer, words: string[]): boolean {
  const content = words.filter((w) => /\p{L}/u.test(w));
  return content.length >= 3 && content.every((w) => /^\p{Lu}/u.test(w) || isConnector(gaz, w.toLowerCase()) || ["in", "to", "at", "a", "an", "with", "by"].includes(w));
}

/**
 * Capitalized sentence words that never begin a name: sentence adverbs, conjunctions and determiners a
 * tagger takes in at the start of a sentence ("Meanwhile", "Since Google", "But Acme").
 */
const SENTENCE_WORDS = new Set([
  "meanwhile", "however", "since", "but", "and", "yet", "so", "also", "then", "now", "still", "instead", "indeed", "moreover",
  "furthermore", "nevertheless", "nonetheless", "although", "though", "while", "whereas", "when", "after", "before", "if",
  "unless", "because", "as", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
  "on", "in", "at", "by", "for", "with", "from", "to", "of", "meantime", "later", "earlier", "today", "yesterday", "tomorrow",
]);

/** Articles: they may begin a name ("The Hague"), never end one. */
const ARTICLES = new Set(["the", "a", "an"]);
const DATE_PREPOSITIONS = new Set(["on", "in", "last", "next", "this", "by", "since", "until"]);
/** A number ending a name: roman numerals, digits, number words. */
const NUMBERING = /^(?:[IVX]{1,5}|\d+|One|Two|Three|Four)$/;
const CALENDAR_WORDS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]);

/**
 * How many words at the start of a person span end a title that begins before it: "Secretary of
 * State" then "Hillary Clinton" — the tagger took "State Hillary Clinton". Up to three words of the span,
 * up to five before it.
 */
function titleTail(gaz: Gazetteer, lower: string[], a: number, b: number): number {
  const { last } = titleBounds(gaz);
  for (let k = Math.min(3, b - a - 1); k >= 1; k--) {
    if (!last.has(lower[a + k - 1]!)) continue;
    for (let m = 1; m <= Math.min(5, a); m++) {
      if (gaz.titles.has(lower.slice(a - m, a + k).join(" "))) return k;
    }
  }
  return 0;
}

/** Reject tagger spans that cannot be names: lowercase content words inside, a sentence-initial adverb, a whole heading. */
function plausibleSpan(gaz: Gazetteer, words: string[], lower: string[], a: number, b: number, headline: boolean): boolean {
  for (let k = a; k < b; k++) {
    const nameWord = /^[\p{Lu}\d]/u.test(words[k]!) || isConnector(gaz, lower[k]!) || isAttachedName(gaz, words[k]!);
    if (!nameWord && /\p{L}/u.test(words[k]!)) return false;
  }
  // "Overall, ..." is a sentence word; "Norlandia, the state oil company, ..." is a name: a lone first word
  // before a comma stays when the gazetteer knows it or an apposition ("the", "a") follows the comma.
  if (a === 0 && b === 1 && words[1] === ",") return !/ly$/.test(lower[0]!) && (lookupName(gaz, words[0]!) !== undefined || ARTICLES.has(lower[2] ?? ""));
  if (headline && b - a >= 3 && (b - a) / words.filter((w) => /\p{L}/u.test(w)).length >= 0.6) return false;
  return true;
}

/**
 * The most tokens of a name: a bound, well above real names (the longest of the BBC corpus has 12, of
 * the relation training data 13: "Party ( BSP ) and the Union of Democratic Forces ( SDS )").
 */
const MAX_NAME_TOKENS = 16;

/**
 * A long span that says one word three times, or repeats two words without a joining lowercase word
 * ("Microsoft Tony Microsoft Tony Paris Paris", "London of Smith Tony Tony Microsoft Tony", from a page
 * without punctuation), is a run of names, not a name. Short repeats are names ("Gimme Gimme Gimme",
 * "Rags To Riches To Rags"), as are long ones repeating one word ("All's Well That Ends Well") or joined
 * by a lowercase word ("Virgin Radio Classic Rock and Virgin Radio Groove").
 */
function repeatsWords(words: string[], a: number, b: number): boolean {
  if (b - a < 6) return false;
  const counts = new Map<string, number>();
  let joined = false;
  for (let k = a; k < b; k++) {
    const w = words[k]!;
    if (/^\p{Ll}/u.test(w)) joined = true;
    else counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  let repeated = 0;
  for (const n of counts.values()) {
    if (n >= 3) return true;
    if (n === 2) repeated++;
  }
  return !joined && repeated >= 2;
}

/**
 * Names the tagger split at a function word: "Silk" + "Link Forum" around "and" (the right part must end
 * in a head noun: "X and Y Forum"), "Bank" + "Avalon" around "of". Titles ("President of X"), people,
 * countries on the left of "and", and an untagged sentence-initial word ("Most of X") are not joined.
 */
function joinCoordinatedName(mentions: EntityMention[], text: string, sentence: Sentence, words: string[], gaz: Gazetteer): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of mentions) {
    const glue = m.tokStart - 1;
    const left = glue - 1;
    const word = words[glue];
    const head = words[m.tokEnd - 1]!.toLowerCase();
    const ref = gaz.references.get(head);
    const headed = gaz.eventHeads.has(head) || gaz.projectHeads.has(head) || gaz.companySuffixes.has(head) || (ref !== undefined && !ref.plural);
    const prior = out[out.length - 1];
    // "Basel Committee" + "on" + "Banking Supervision": an organization's head noun takes its complement.
    const complement = (word === "for" || word === "on") && prior !== undefined && prior.tokEnd === glue && prior.type === "organization" && gaz.organizationHeads.has(words[glue - 1]!.toLowerCase());
    const joinable = !m.compound && m.type !== "person" && left >= 0 && /^\p{Lu}/u.test(words[left]!) && ((word === "of" && m.type !== "country") || ((word === "and" || word === "&") && headed && m.type !== "country") || complement);
    if (joinable) {
      const prev = out[out.length - 1];
      const leftIsName = prev !== undefined && prev.tokEnd === glue;
      const leftWord = words[left]!.toLowerCase();
      const blocked = leftIsName
        ? prev.type === "person" || prev.type === "country" || prev.compound === true
        : (left === 0 && word === "of") || gaz.titles.has(leftWord) || gaz.honorifics.has(leftWord.replace(/\.$/, "")) || !/^\p{Lu}\p{Ll}/u.test(words[left]!);
      if (!blocked) {
        const a = leftIsName ? prev.tokStart : left;
        if (leftIsName) out.pop();
        const start = sentence.tokens[a]!.start;
        const surface = text.slice(start, m.end);
        const type = word === "of" ? (leftIsName ? prev.type : "organization") : complement ? "organization" : m.type;
        out.push(changedMention(m, { tokStart: a, start, text: surface, name: asciiPunctuation(surface), type }));
        continue;
      }
    }
    out.push(m);
  }
  // "Bank" + "of" + untagged "Avalon", "Institute" + "for" + untagged "Global Affairs": the capitalized
  // words after the connector complete the name (not a day or month: "the Council on Monday").
  return mapMentions(out, (m, k) => {
    if (m.compound || m.type === "person" || m.type === "country") return m;
    const connector = words[m.tokEnd];
    if (connector !== "of" && !(connector === "for" && m.type === "organization" && gaz.organizationHeads.has(words[m.tokEnd - 1]!.toLowerCase()))) return m;
    const next = out[k + 1];
    let end = m.tokEnd + 1;
    while (end < words.length && /^\p{Lu}/u.test(words[end]!) && !CALENDAR_WORDS.has(words[end]!.toLowerCase()) && !(next && next.tokStart <= end)) end++;
    if (end === m.tokEnd + 1 || lookupName(gaz, words.slice(m.tokEnd + 1, end).join(" "))) return m;
    const last = sentence.tokens[end - 1]!;
    const surface = text.slice(m.start, last.end);
    return changedMention(m, { tokEnd: end, end: last.end, text: surface, name: asciiPunctuation(surface) });
  });
}

/**
 * Personal names whole across the lowercase particles the tagger leaves out: "Osama" + "bin" + "Laden",
 * "Ursula" + "von der" + "Leyen", "Bashar" + "al-Assad". A person span after one to three particles takes
 * them in ("said bin Laden") and, with them or after an attached particle ("al-Assad"), the name just
 * before: a person span, or a one-word given name the tagger typed otherwise or left untagged. A one-word
 * span the tagger typed otherwise is a surname only after particles found in personal names alone ("Osama
 * bin Laden", "by bin Laden"; not "de": "Paseo de Anoeta", "Cross Internacional de Venta de Banos").
 * Titles and sentence words are no given names and stay out ("President bin X" gives "bin X"). A person
 * span also takes in an untagged surname after it that particles announce ("Abdel Fattah" + "el-Sisi").
 */
function joinParticleNames(mentions: EntityMention[], text: string, sentence: Sentence, words: string[], gaz: Gazetteer, covered: Uint8Array): EntityMention[] {
  const out: EntityMention[] = [];
  for (const m of mentions) {
    const p = particlesBefore(words, gaz, m.tokStart);
    const surname = m.type === "person" || (m.tokEnd - m.tokStart === 1 && m.type !== "country" && m.source !== "GAZ");
    if (!surname || m.compound || (p === m.tokStart && !isAttachedName(gaz, words[p]!))) {
      out.push(m);
      continue;
    }
    const prev = out[out.length - 1];
    const a = nameStart(m, prev, p, words, gaz, covered);
    if (prev !== undefined && prev.tokEnd === p && a === prev.tokStart) out.pop();
    out.push(a === m.tokStart ? m : personFrom(a, m, text, sentence, words, gaz, covered));
  }
  return mapMentions(out, (m) => (m.type === "person" ? withParticleSurname(m, text, sentence, words, gaz, covered) : m));
}

/** Start of the lowercase particles before token `i` (at most three), with a capitalized one opening the sentence ("Von der"). */
function particlesBefore(words: string[], gaz: Gazetteer, i: number): number {
  let p = i;
  while (p > 0 && i - p < 3 && gaz.nameParticles.has(words[p - 1]!)) p--;
  return p === 1 && p < i && isCapitalized(words[0]!) && gaz.nameParticles.has(words[0]!.toLowerCase()) ? 0 : p;
}

/** Where the whole name of `m` starts, given the particles from `p` (`m.tokStart` when nothing joins). */
function nameStart(m: EntityMention, prev: EntityMention | undefined, p: number, words: string[], gaz: Gazetteer, covered: Uint8Array): number {
  // A span the tagger typed otherwise is a surname only after particles of personal names ("bin", "van").
  const personal = p < m.tokStart && words.slice(p, m.tokStart).every((w) => gaz.personalParticles.has(w.toLowerCase()));
  if (m.type !== "person" && !personal) return m.tokStart;
  if (prev !== undefined && prev.tokEnd === p && !prev.compound && (prev.type === "person" || (prev.tokEnd - prev.tokStart === 1 && prev.source !== "GAZ" && givenName(gaz, words[prev.tokStart]!)))) return prev.tokStart;
  if (p > 0 && !covered[p - 1] && givenName(gaz, words[p - 1]!)) return p - 1;
  // After a capitalized word that is no name, title or sentence word ("Cahiers du Cinema"), the particles are a connector.
  return p === 0 || !isCapitalized(words[p - 1]!) || titleOrSentenceWord(gaz, words[p - 1]!.toLowerCase()) ? p : m.tokStart;
}

/** A title, an honorific or a sentence word: what may stand before a name without being part of it. */
function titleOrSentenceWord(gaz: Gazetteer, lowerWord: string): boolean {
  return gaz.titles.has(lowerWord) || gaz.honorifics.has(lowerWord.replace(/\.$/, "")) || SENTENCE_WORDS.has(lowerWord);
}

/**
 * The person named from token `a` to the end of `m` (unless the gazetteer knows the name as something
 * else: "al Qaeda"); a particle capitalized only because it opens the sentence is named in lower case.
 */
function personFrom(a: number, m: EntityMention, text: string, sentence: Sentence, words: string[], gaz: Gazetteer, covered: Uint8Array): EntityMention {
  covered.fill(1, a, m.tokEnd);
  const start = sentence.tokens[a]!.start;
  const surface = text.slice(start, m.end);
  const name = asciiPunctuation(surface);
  const opensWithParticle = a === 0 && gaz.nameParticles.has(words[0]!.toLowerCase());
  const known = lookupName(gaz, name);
  return changedMention(m, { tokStart: a, start, text: surface, name: opensWithParticle ? name[0]!.toLowerCase() + name.slice(1) : name, type: known?.strong ? known.type : "person" });
}

/** "Abdel Fattah" + untagged "el-Sisi", "Kenneth" + "de" + untagged "Silva": the surname the particles announce. */
function withParticleSurname(m: EntityMention, text: string, sentence: Sentence, words: string[], gaz: Gazetteer, covered: Uint8Array): EntityMention {
  let k = m.tokEnd;
  while (k < words.length && k - m.tokEnd < 3 && gaz.nameParticles.has(words[k]!)) k++;
  const word = words[k];
  if (word === undefined || covered[k] || !(isAttachedName(gaz, word) || (k > m.tokEnd && isCapitalized(word)))) return m;
  covered.fill(1, m.tokEnd, k + 1);
  const end = sentence.tokens[k]!.end;
  const surface = text.slice(m.start, end);
  return changedMention(m, { tokEnd: k + 1, end, text: surface, name: asciiPunctuation(surface) });
}

/** A capitalized word of the given-name list ("Osama", "Ursula"). */
function givenName(gaz: Gazetteer, word: string): boolean {
  return isCapitalized(word) && gaz.givenNames.has(word.toLowerCase());
}

/** Drop mentions that lie inside a longer one (an acronym inside "Name (ACR) forum"). */
function dropNested(mentions: EntityMention[]): EntityMention[] {
  return mentions.filter((m) => !mentions.some((o) => o !== m && !o.compound && !m.compound && o.tokStart <= m.tokStart && m.tokEnd <= o.tokEnd && o.tokEnd - o.tokStart > m.tokEnd - m.tokStart));
}

/** How many tokens from `from` on, at most `max`, no mention covers yet: the longest name that may start there. */
function uncoveredRun(covered: Uint8Array, from: number, max: number): number {
  let n = 0;
  while (n < max && from + n < covered.length && !covered[from + n]) n++;
  return n;
}

/**
 * Document-level propagation: a capitalized word sequence the tagger left untagged in one sentence but
 * that names an entity elsewhere in the document (a full name, or a person's surname) is a mention too.
 * `words` are the sentence's words with ASCII punctuation.
 */
export function propagateNames(text: string, sentence: Sentence, words: string[], found: SentenceMentions, names: Map<string, EntityType>, maxTokens: number): SentenceMentions {
  const covered = new Uint8Array(words.length);
  for (const m of found.mentions) covered.fill(1, m.tokStart, m.tokEnd);
  for (const d of found.demonyms) covered.fill(1, d.tokStart, d.tokEnd);
  const added: EntityMention[] = [];
  for (let i = 0; i < words.length; i++) {
    if (covered[i] || !/^\p{Lu}/u.test(words[i]!)) continue;
    for (let n = uncoveredRun(covered, i, maxTokens); n >= 1; n--) {
      if (!/^\p{Lu}/u.test(words[i + n - 1]!)) continue;
      const name = words.slice(i, i + n).join(" ");
      const type = names.get(name);
      if (!type) continue;
      const start = sentence.tokens[i]!.start;
      const end = sentence.tokens[i + n - 1]!.end;
      added.push(entityMention({ sentence: sentence.index, tokStart: i, tokEnd: i + n, start, end, text: text.slice(start, end), name, type, source: "GAZ" }));
      covered.fill(1, i, i + n);
      i += n - 1;
      break;
    }
  }
  if (added.length === 0) return found;
  return { mentions: [...found.mentions, ...added].sort((x, y) => x.tokStart - y.tokStart || x.start - y.start), demonyms: found.demonyms };
}
