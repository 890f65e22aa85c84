/**
 * References inside one document: descriptions ("the lender", "the Hague-based tribunal", "the two
 * leaders", "the former president") and pronouns (he/she/it/they and their possessive and object forms) linked to the entity or
 * entities they refer back to, when one clear antecedent of the right type, kind, gender and number is
 * named shortly before; otherwise left unlinked. Candidates are the entities named in the same sentence
 * before the reference and in the two sentences before it. Among several, an apposition decides
 * ("Acme, the carmaker,"), then a name with the same head noun ("the forum" → "Silk Link Forum"), then
 * the dependency parse: the one subject among them in the nearest sentence that has any.
 */
import { nameKey } from "../nlp/normalize.js";
import type { DependencyTree } from "../nlp/parser/parser.js";
import type { DocEntity, EntityType, Sentence } from "../types.js";
import { entityMention } from "./entity-mention.js";
import { titleBounds, type Gazetteer } from "./gazetteer.js";
import type { EntityMention } from "./mentions.js";
import { treeSpanHead } from "./relations/syntax.js";

/** Sentences before the reference's own in which an antecedent may be named. */
export const REFERENCE_WINDOW = 2;

type Gender = "m" | "f";
interface Pronoun {
  gender?: Gender;
  group: boolean;
  /** Object forms cannot refer to the subject of their own clause ("X praised him"). */
  object: boolean;
  possessive: boolean;
}
const PRONOUNS: ReadonlyMap<string, Pronoun> = new Map([
  ["he", { gender: "m", group: false, object: false, possessive: false }],
  ["him", { gender: "m", group: false, object: true, possessive: false }],
  ["his", { gender: "m", group: false, object: false, possessive: true }],
  ["she", { gender: "f", group: false, object: false, possessive: false }],
  ["her", { gender: "f", group: false, object: false, possessive: true }],
  ["it", { group: false, object: false, possessive: false }],
  ["its", { group: false, object: false, possessive: true }],
  ["they", { group: true, object: false, possessive: false }],
  ["them", { group: true, object: true, possessive: false }],
  ["their", { group: true, object: false, possessive: true }],
]);
/** The entity types "it" refers to (places, projects and events are rarely picked up by "it" in news). */
const NEUTER: ReadonlySet<EntityType> = new Set(["organization", "country"]);
/** The entity types a "they" may name as a coordinated pair ("A and B ... they"). */
const GROUP_TYPES: ReadonlySet<EntityType> = new Set(["person", "country", "organization"]);
/** Honorifics and titles before a name that say a person's gender. */
const MALE_WORDS = new Set(["mr", "sir", "lord", "king", "prince", "mister", "monsieur", "herr", "senor", "señor"]);
const FEMALE_WORDS = new Set(["mrs", "ms", "miss", "madam", "madame", "lady", "dame", "queen", "princess", "frau", "senora", "señora"]);
/** Verbs after which "it" is the dummy subject of an extraposed clause ("it is likely that", "it seems"). */
const EXPLETIVE_VERBS = new Set(["is", "was", "'s", "seems", "seemed", "appears", "appeared", "remains", "remained", "became", "becomes", "would", "will", "may", "might", "could"]);
const EXPLETIVE_CLAUSE = new Set(["that", "to", "whether", "if", "how", "why", "when"]);
const SUBJECT = new Set(["nsubj", "nsubj:pass"]);

export interface ReferenceInput {
  gaz: Gazetteer;
  text: string;
  sentences: readonly Sentence[];
  /** Lowercase words (ASCII punctuation) and POS tags of each sentence. */
  lower: readonly (readonly string[])[];
  pos: readonly (readonly string[])[];
  /** The dependency tree of a sentence, parsed when first asked for. */
  tree: (sentence: number) => DependencyTree;
  /** The mentions of each sentence: names, and descriptions (source NOM) still unresolved. */
  mentions: readonly (readonly EntityMention[])[];
  entities: readonly DocEntity[];
  /** The entity of each resolved name mention. */
  entityOf: ReadonlyMap<EntityMention, string>;
}

/** A named or linked occurrence of an entity. */
interface Occurrence {
  id: string;
  sentence: number;
  tokStart: number;
  tokEnd: number;
}

/**
 * Link the descriptions and pronouns of a document. Returns each linked reference with the entity ids
 * it names (two for a group), in document order; pronoun mentions (source PRO) are created here.
 */
export function linkReferences(input: ReferenceInput): Map<EntityMention, string[]> {
  const { gaz, lower } = input;
  const byId = new Map(input.entities.map((e) => [e.id, e]));
  const gender = documentGenders(input);
  const roles = documentRoles(input);
  const links = new Map<EntityMention, string[]>();
  const occurrences: Occurrence[] = [];
  /** Each entity's latest occurrence, in the order they were last seen. */
  const lastSeen = new Map<string, number>();
  const see = (o: Occurrence) => {
    occurrences.push(o);
    lastSeen.delete(o.id);
    lastSeen.set(o.id, occurrences.length - 1);
  };
  const subjects = new Map<number, Int8Array>();
  const isSubject = (o: Occurrence): boolean => {
    let flags = subjects.get(o.sentence);
    if (!flags) {
      flags = subjectFlags(input.tree(o.sentence), input.pos[o.sentence]!);
      subjects.set(o.sentence, flags);
    }
    return flags[treeSpanHead(input.tree(o.sentence), o.tokStart, o.tokEnd)] === 1;
  };

  for (const [s, sentence] of input.sentences.entries()) {
    // References and names of the sentence in token order, so a reference sees what precedes it (pushed
    // into arrays: spreading map() and flatMap() results deoptimized this code on empty ones).
    const refs: EntityMention[] = [];
    for (const m of input.mentions[s]!) if (m.source === "NOM" && m.nominal) refs.push(m);
    for (const m of roleMentions(input, sentence, s)) refs.push(m);
    for (const m of pronounMentions(input, sentence, s)) refs.push(m);
    const named: Occurrence[] = [];
    for (const m of input.mentions[s]!) {
      const id = input.entityOf.get(m);
      if (id) named.push({ id, sentence: s, tokStart: m.tokStart, tokEnd: m.tokEnd });
    }
    const events: { at: number; o: Occurrence | undefined; ref: EntityMention | undefined }[] = [];
    for (const o of named) events.push({ at: o.tokStart, o, ref: undefined });
    for (const m of refs) events.push({ at: m.tokStart, o: undefined, ref: m });
    events.sort((a, b) => a.at - b.at);
    for (const ev of events) {
      if (ev.o) {
        see(ev.o);
        continue;
      }
      const m = ev.ref!;
      const start = m.nominal?.phraseStart ?? m.tokStart;
      const window: Occurrence[] = [];
      for (let k = occurrences.length - 1; k >= 0 && s - occurrences[k]!.sentence <= REFERENCE_WINDOW; k--) {
        const o = occurrences[k]!;
        if (o.sentence < s || o.tokEnd <= start) window.push(o);
      }
      window.reverse();
      const ids =
        m.source === "PRO"
          ? resolvePronoun(m, window, byId, gender, isSubject, lower)
          : m.nominal!.kind === "role"
            ? resolveRole(m.nominal!.head, window, [...lastSeen.keys()], roles)
            : resolveDescription(gaz, m, window, [...lastSeen.keys()], byId, lower);
      if (ids.length === 0) continue;
      links.set(m, ids);
      for (const id of ids) see({ id, sentence: s, tokStart: m.tokStart, tokEnd: m.tokEnd });
      const p = PRONOUNS.get(m.name);
      if (p?.gender && ids.length === 1 && !gender.has(ids[0]!)) gender.set(ids[0]!, p.gender);
    }
  }
  return links;
}

/**
 * Which tokens of a sentence are subjects: subjects of a word (not of a punctuation mark, a parse
 * error), and the words coordinated with them ("A and B met": both are).
 */
function subjectFlags(tree: DependencyTree, pos: readonly string[]): Int8Array {
  const { heads, labels } = tree;
  const isSubject = (t: number) => SUBJECT.has(labels[t]!) && heads[t]! >= 0 && /^[A-Z]/.test(pos[heads[t]!] ?? "");
  return Int8Array.from(labels, (l, t) => (isSubject(t) || (l === "conj" && heads[t]! >= 0 && isSubject(heads[t]!)) ? 1 : 0));
}

/** The personal pronouns of a sentence as mentions to resolve (not "it" as a dummy subject, not "IT"). */
function pronounMentions(input: ReferenceInput, sentence: Sentence, s: number): EntityMention[] {
  const lower = input.lower[s]!;
  const pos = input.pos[s]!;
  const out: EntityMention[] = [];
  for (let i = 0; i < lower.length; i++) {
    const w = lower[i]!;
    const p = PRONOUNS.get(w);
    const tok = sentence.tokens[i]!;
    if (!p || !/^PRP/.test(pos[i] ?? "") || (tok.text.length > 1 && tok.text === tok.text.toUpperCase())) continue;
    if (w === "it" && isExpletive(lower, i)) continue;
    out.push(entityMention({ sentence: s, tokStart: i, tokEnd: i + 1, start: tok.start, end: tok.end, text: input.text.slice(tok.start, tok.end), name: w, type: p.gender ? "person" : "organization", source: "PRO" }));
  }
  return out;
}

/** "it is likely that", "it was not clear whether", "it seems": "it" stands for the clause after it. */
function isExpletive(lower: readonly string[], i: number): boolean {
  if (!EXPLETIVE_VERBS.has(lower[i + 1] ?? "")) return false;
  for (let k = i + 2; k < Math.min(lower.length, i + 7); k++) if (EXPLETIVE_CLAUSE.has(lower[k]!)) return true;
  return false;
}

/** The title words before a mention ("Foreign Minister X" → "foreign minister"), longest first. */
function titleBefore(gaz: Gazetteer, lower: readonly string[], end: number): string | undefined {
  if (end > 0 && gaz.honorifics.has(lower[end - 1]!.replace(/\.$/, ""))) end--;
  if (end === 0 || !titleBounds(gaz).last.has(lower[end - 1]!)) return undefined;
  for (let n = Math.min(gaz.maxTitleTokens, end); n >= 1; n--) {
    const phrase = lower.slice(end - n, end).join(" ");
    if (gaz.titles.has(phrase)) return phrase;
  }
  return undefined;
}

const lastWord = (phrase: string) => phrase.slice(phrase.lastIndexOf(" ") + 1);

/** The title nouns each person of the document is named with ("President X" → "president"). */
function documentRoles(input: ReferenceInput): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [s, mentions] of input.mentions.entries()) {
    for (const m of mentions) {
      const id = input.entityOf.get(m);
      const title = id && m.type === "person" ? titleBefore(input.gaz, input.lower[s]!, m.tokStart) : undefined;
      if (id && title) out.set(id, (out.get(id) ?? new Set()).add(lastWord(title)));
    }
  }
  return out;
}

/** Modifiers between "the" and a title in a role description ("the former president"). */
const ROLE_MODIFIERS = new Set(["former", "new", "outgoing", "incoming", "late", "then", "current"]);

/**
 * Role descriptions: "the president", "the former prime minister": "the", a title of
 * src/kb/person-titles.json, and no name or "of" after it ("the president of X" names someone else).
 */
function roleMentions(input: ReferenceInput, sentence: Sentence, s: number): EntityMention[] {
  const { gaz } = input;
  const lower = input.lower[s]!;
  const taken = new Uint8Array(lower.length);
  for (const m of input.mentions[s]!) taken.fill(1, m.nominal?.phraseStart ?? m.tokStart, m.tokEnd);
  const out: EntityMention[] = [];
  const { last } = titleBounds(gaz);
  for (let j = 1; j < lower.length; j++) {
    const next = sentence.tokens[j + 1]?.text ?? "";
    if (taken[j] || !last.has(lower[j]!) || lower[j + 1] === "of" || /^\p{Lu}/u.test(next)) continue;
    for (let n = Math.min(gaz.maxTitleTokens, j + 1); n >= 1; n--) {
      const a = j - n + 1;
      const phrase = lower.slice(a, j + 1).join(" ");
      if (!gaz.titles.has(phrase)) continue;
      const hit = taken.indexOf(1, a);
      if (hit >= 0 && hit <= j) continue;
      const d = ROLE_MODIFIERS.has(lower[a - 1] ?? "") ? a - 2 : a - 1;
      if (lower[d] !== "the") break;
      const tok = sentence.tokens[j]!;
      out.push(entityMention({ sentence: s, tokStart: j, tokEnd: j + 1, start: tok.start, end: tok.end, text: input.text.slice(tok.start, tok.end), name: phrase, type: "person", source: "NOM", nominal: { head: lastWord(phrase), kind: "role", plural: false, phraseStart: d } }));
      break;
    }
  }
  return out;
}

/** A role description names the one person the document gives that title, else the one such in the window. */
function resolveRole(title: string, window: Occurrence[], seen: readonly string[], roles: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const holders = seen.filter((id) => roles.get(id)?.has(title));
  if (holders.length <= 1) return holders;
  const near = recentIds(window.filter((o) => holders.includes(o.id)));
  return near.length === 1 ? near : [];
}

/** The gender the document gives each person by an honorific or title right before a mention ("Mrs X"). */
function documentGenders(input: ReferenceInput): Map<string, Gender> {
  const out = new Map<string, Gender>();
  for (const [s, mentions] of input.mentions.entries()) {
    for (const m of mentions) {
      const id = input.entityOf.get(m);
      if (!id || m.type !== "person" || m.tokStart === 0) continue;
      const before = input.lower[s]![m.tokStart - 1]!.replace(/\.$/, "");
      const g: Gender | undefined = MALE_WORDS.has(before) ? "m" : FEMALE_WORDS.has(before) ? "f" : undefined;
      if (g && !out.has(id)) out.set(id, g);
    }
  }
  return out;
}

/** Distinct entity ids of occurrences, most recent first. */
function recentIds(occurrences: readonly Occurrence[]): string[] {
  const seen = new Set<string>();
  for (let k = occurrences.length - 1; k >= 0; k--) seen.add(occurrences[k]!.id);
  return [...seen];
}

function resolvePronoun(
  m: EntityMention,
  window: Occurrence[],
  byId: ReadonlyMap<string, DocEntity>,
  gender: ReadonlyMap<string, Gender>,
  isSubject: (o: Occurrence) => boolean,
  lower: readonly (readonly string[])[],
): string[] {
  const p = PRONOUNS.get(m.name)!;
  if (p.group) return coordinatedPair(window, lower, (e) => GROUP_TYPES.has(e.type), byId);
  const fits = (o: Occurrence): boolean => {
    const e = byId.get(o.id)!;
    if (p.gender) return e.type === "person" && (gender.get(o.id) ?? p.gender) === p.gender;
    return NEUTER.has(e.type);
  };
  // An object pronoun does not name the subject of its own clause ("X praised him").
  const candidates = window.filter((o) => fits(o) && !(p.object && o.sentence === m.sentence && isSubject(o)));
  if (candidates.length === 0) return [];
  const ids = recentIds(candidates);
  // "It" stands for much that is no entity (a plan, a decision): a lone organization, else the subject it continues.
  if (ids.length === 1 && (p.gender || byId.get(ids[0]!)!.type === "organization")) return ids;
  return nearestSubject(candidates, isSubject);
}

/** The one candidate that is a subject in the nearest sentence holding candidates, if there is exactly one. */
function nearestSubject(candidates: Occurrence[], isSubject: (o: Occurrence) => boolean): string[] {
  const nearest = candidates[candidates.length - 1]!.sentence;
  const subjects = new Set(candidates.filter((o) => o.sentence === nearest && isSubject(o)).map((o) => o.id));
  return subjects.size === 1 ? [...subjects] : [];
}

/** "A and B": two named entities of one type joined by "and", in the nearest sentence with candidates. */
function coordinatedPair(window: Occurrence[], lower: readonly (readonly string[])[], fits: (e: DocEntity) => boolean, byId: ReadonlyMap<string, DocEntity>): string[] {
  const candidates = window.filter((o) => fits(byId.get(o.id)!));
  if (candidates.length === 0) return [];
  const nearest = candidates[candidates.length - 1]!.sentence;
  const inNearest = candidates.filter((o) => o.sentence === nearest);
  const pairs: [string, string][] = [];
  for (let k = 0; k + 1 < inNearest.length; k++) {
    const a = inNearest[k]!;
    const b = inNearest[k + 1]!;
    const joined = b.tokStart - a.tokEnd === 1 && lower[nearest]![a.tokEnd] === "and";
    if (joined && a.id !== b.id && byId.get(a.id)!.type === byId.get(b.id)!.type) pairs.push([a.id, b.id]);
  }
  return pairs.length === 1 ? pairs[0]! : [];
}

function resolveDescription(
  gaz: Gazetteer,
  m: EntityMention,
  window: Occurrence[],
  /** Every entity seen so far, the most recently seen last. */
  seen: readonly string[],
  byId: ReadonlyMap<string, DocEntity>,
  lower: readonly (readonly string[])[],
): string[] {
  const nominal = m.nominal!;
  const fits = (e: DocEntity) => e.type === m.type && (nominal.plural || kindFits(gaz, e, nominal.kind));
  if (nominal.plural) {
    const ids = recentIds(window.filter((o) => fits(byId.get(o.id)!)));
    return ids.length === 2 ? ids.reverse() : coordinatedPair(window, lower, fits, byId);
  }
  // Apposition: "Acme, the carmaker,".
  const apposed = window.find((o) => o.sentence === m.sentence && o.tokEnd === nominal.phraseStart - 1 && lower[m.sentence]![o.tokEnd] === ",");
  if (apposed && fits(byId.get(apposed.id)!)) return [apposed.id];
  const candidates = recentIds(window.filter((o) => fits(byId.get(o.id)!)));
  if (candidates.length === 1) return candidates;
  // A name with the same head noun, however far back ("the forum" may name an organization called "... Forum").
  for (let k = seen.length - 1; k >= 0; k--) {
    const e = byId.get(seen[k]!)!;
    if (e.type !== "person" && nameWords(e).includes(nominal.head)) return [e.id];
  }
  // Events and projects are few: the nearest one of the kind.
  if (candidates.length > 1 && (m.type === "event" || m.type === "project")) return [candidates[0]!];
  return [];
}

function nameWords(e: DocEntity): string[] {
  return [e.name, ...e.aliases].flatMap((n) => nameKey(n).split(" "));
}

/**
 * Whether an entity may be named by a description of this kind: its name says nothing of its kind, or
 * says the same ("Acme Bank" is a company for "the lender"; "Supreme Court" is no company).
 */
function kindFits(gaz: Gazetteer, e: DocEntity, kind: string): boolean {
  if (kind === "body" || e.type === "person" || e.type === "country" || e.type === "location") return true;
  let named: string | undefined;
  for (const w of nameKey(e.name).split(" ")) {
    const ref = gaz.references.get(w);
    if (ref && !ref.plural && ref.kind !== "body") named = ref.kind;
    else if (gaz.companySuffixes.has(w)) named = "company";
  }
  return named === undefined || named === kind;
}
