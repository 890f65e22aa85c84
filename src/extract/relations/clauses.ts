/**
 * Verb-mediated relations between entity mentions of one clause. Mentions joined by coordination
 * ("A, B and C", "neither A nor B") form groups; a trigger phrase between two consecutive groups relates
 * every member of one to every member of the other. Passives ("was greeted by") and reverse triggers
 * ("received praise from") swap the direction; a clause's subject takes over when the nearer group does
 * not fit the relation ("X arrived in Paris to meet Y"); relative clauses (", where X visited,") are read
 * apart with their antecedent; relation nouns link a coordinated pair ("talks between A and B", "A and B
 * held talks"); a verb phrase that maps to no type gives related_to with the verb as predicate.
 * Negation cues in scope of the trigger ("not", "neither … nor", "refused to") set `negated`. When the
 * trigger is a verb, its subject in the dependency tree decides which group the relation starts from.
 */
import type { RelationType } from "../../types.js";
import { titleBounds } from "../gazetteer.js";
import { findTriggers, fitsSignature, type TriggerMatch } from "../lexicon.js";
import { isVerb, type Item, type SentenceContext } from "./context.js";
import { ClaimList, type RuleOutput } from "./claims.js";
import { possessive } from "./links.js";
import { headToken, itemOfPhrase, modifies, subjectOf as treeSubject } from "./syntax.js";

interface Group {
  items: Item[];
  start: number;
  end: number;
  /** "neither A nor B", "not A": the group's own negation. */
  negated: boolean;
}

const COORDINATORS = new Set([",", "and", "or", "nor", "&", "as", "well", "both", "either"]);
const CONJUNCTIONS = new Set(["and", "or", "nor", "&"]);
const LIST_INTRODUCERS = new Set(["including", "includes", "include", "such", "notably", "especially", "namely", "like"]);
const OBJECT_PRONOUNS = new Set(["him", "her", "them", "it", "us", "me", "himself", "herself", "themselves"]);
/** Relations whose object, when followed by "'s", is the possessed thing ("praised X's plan"), not X. */
const POSSESSED_OBJECT = new Set<RelationType>(["supports", "sanctions", "invites", "founded", "acquires", "related_to"]);
const RELATIVE = new Set(["where", "which", "who", "whom", "whose"]);
const DETERMINERS = new Set(["the", "a", "an", "its", "their", "his", "her"]);
const CLAUSE_BREAKS = new Set([";", ":", "(", ")", '"', "?", "!"]);
const MAX_MIDDLE = 14;
/** Verbs of speech, which the related_to fallback never turns into a link. */
const REPORTING = new Set(["said", "says", "say", "saying", "told", "tells", "tell", "added", "adds", "stated", "states", "noted", "notes", "reported", "reports", "asked", "asks", "explained", "insisted", "claimed", "claims", "announced", "wrote", "writes", "quoted", "according"]);
const BE = new Set(["is", "are", "was", "were", "be", "been", "being"]);
const MAX_RELATED_MIDDLE = 5;

/** Token positions of the sentence (skipping relative clauses) and the groups over them. */
function groupsOf(ctx: SentenceContext, items: Item[], skip: Uint8Array): Group[] {
  const groups: Group[] = [];
  for (const item of items) {
    if (skip[item.m.tokStart]) continue;
    const last = groups[groups.length - 1];
    if (last && canJoin(ctx, last, item)) {
      last.items.push(item);
      last.end = Math.max(last.end, item.m.tokEnd);
      if (ctx.lower.slice(last.start, item.m.tokStart).includes("nor")) last.negated = true;
      continue;
    }
    const before = ctx.lower[item.m.tokStart - 1];
    groups.push({ items: [item], start: item.m.tokStart, end: item.m.tokEnd, negated: before === "neither" || before === "not" || before === "no" });
  }
  return groups.flatMap((g) => splitCommaOnly(ctx, g));
}

/** "In its war on A, B said": commas alone do not coordinate; a list needs an "and"/"or"/"nor". */
function splitCommaOnly(ctx: SentenceContext, group: Group): Group[] {
  if (group.items.length < 2 || ctx.lower.slice(group.start, group.end).some((w) => CONJUNCTIONS.has(w))) return [group];
  return group.items.map((item, k) => ({ items: [item], start: item.m.tokStart, end: item.m.tokEnd, negated: k === 0 && group.negated }));
}

function canJoin(ctx: SentenceContext, group: Group, item: Item): boolean {
  if (item.m.tokStart === group.end - 1 && item.m.tokStart === group.items[group.items.length - 1]!.m.tokStart) return false;
  const between = ctx.lower.slice(group.end, item.m.tokStart);
  if (between.length === 0 || between.length > 3 || !between.every((w) => COORDINATORS.has(w))) return false;
  const prev = group.items[group.items.length - 1]!;
  // "Paris, France": a place and its country are not a coordination.
  if (between.length === 1 && between[0] === "," && prev.type === "location" && item.type === "country") return false;
  return true;
}

/** Relative clauses ", where/which/who ... ," as token ranges with their antecedent group. */
function relativeClauses(ctx: SentenceContext): { start: number; end: number; word: string }[] {
  const out: { start: number; end: number; word: string }[] = [];
  for (let i = 0; i < ctx.lower.length - 1; i++) {
    if (ctx.lower[i] !== "," || !RELATIVE.has(ctx.lower[i + 1]!)) continue;
    let j = i + 2;
    while (j < ctx.lower.length && ctx.lower[j] !== "," && !CLAUSE_BREAKS.has(ctx.lower[j]!) && ctx.lower[j] !== ".") j++;
    out.push({ start: i, end: j, word: ctx.lower[i + 1]! });
    i = j - 1;
  }
  return out;
}

/** Tokens between two positions that are not skipped. */
function middleOf(skip: Uint8Array, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) if (!skip[i]) out.push(i);
  return out;
}

interface Choice {
  match: TriggerMatch;
  reversed: boolean;
  negated: boolean;
}

/** Pick the trigger of a middle for a (left, right) pair: the rightmost one whose signature fits. */
function chooseTrigger(ctx: SentenceContext, middle: number[], left: Item, right: Item, leftNegated: boolean): Choice | undefined {
  if (middle.length === 0 || middle.length > MAX_MIDDLE) return undefined;
  if (middle.some((i) => CLAUSE_BREAKS.has(ctx.lower[i]!))) return undefined;
  const words = middle.map((i) => ctx.lower[i]!);
  // The relation phrase sits in the last comma segment, right before the object ("X, the president of Y").
  let segment = words.lastIndexOf(",") + 1;
  // "..., including A, B and C": a list introducer hands the relation back to the segment before it.
  if (segment > 0 && LIST_INTRODUCERS.has(words[segment] ?? "")) segment = words.lastIndexOf(",", segment - 2) + 1;
  const matches = findTriggers(ctx.lex, words, segment, words.length).sort((a, b) => b.end - a.end || a.start - b.start);
  const content = words.slice(segment).filter((w) => !DETERMINERS.has(w));
  if (ctx.lower[right.m.tokEnd] === "'s" && possessedObject(matches)) return undefined;
  for (const match of matches) {
    if (ctx.lex.ambiguous.has(words.slice(match.start, match.end).join(" "))) continue; // the classifier's call
    if (OBJECT_PRONOUNS.has(words[match.end] ?? "")) continue; // "accusing him of ...": the pronoun is the object
    if (match.entry.noun) continue; // relation nouns link coordinated pairs only (coordinatedPair)
    if (match.entry.adjacent && content.join(" ") !== words.slice(match.start, match.end).join(" ")) continue;
    const after = words.slice(match.end);
    const passive = after.includes("by") && !after.some((_, k) => isVerb(ctx, middle[match.end + k]!)) && !match.entry.phrases.some((p) => p.endsWith(" by"));
    const reversed = Boolean(match.entry.reverse) !== passive;
    const [s, t] = reversed ? [right, left] : [left, right];
    if (!fitsSignature(ctx.lex, match.entry.relation, s.type, t.type)) continue;
    return { match, reversed, negated: leftNegated || negatedBefore(ctx, middle, match.start) };
  }
  return undefined;
}

/** Whether a negation cue before the trigger (within the middle) scopes over it. */
function negatedBefore(ctx: SentenceContext, middle: number[], triggerAt: number): boolean {
  const words = middle.map((i) => ctx.lower[i]!);
  for (let k = triggerAt - 1; k >= 0; k--) {
    const w = words[k]!;
    let scopeVerbs = -1;
    if (ctx.lex.negatorWords.has(w)) scopeVerbs = 0;
    for (const phrase of ctx.lex.negatorPhrases) {
      const n = phrase.length;
      if (k - n + 1 >= 0 && phrase.every((p, j) => words[k - n + 1 + j] === p)) scopeVerbs = Math.max(scopeVerbs, phrase[n - 1] === "to" ? 1 : 0);
    }
    if (scopeVerbs < 0) continue;
    let verbs = 0;
    for (let j = k + 1; j < triggerAt; j++) if (isVerb(ctx, middle[j]!)) verbs++;
    return verbs <= scopeVerbs;
  }
  return false;
}

/** Whether the object is really the thing its possessive names ("lauded X's vision"). */
function possessedObject(matches: TriggerMatch[]): boolean {
  const last = matches[0];
  return last !== undefined && POSSESSED_OBJECT.has(last.entry.relation);
}

function emitPair(out: ClaimList, from: Group, to: Group, choice: Choice, predicate: string): boolean {
  let any = false;
  for (const a of from.items) {
    for (const b of to.items) {
      const [s, t] = choice.reversed ? [b, a] : [a, b];
      any = out.add(s, choice.match.entry.relation, t, { negated: choice.negated, predicate, rule: choice.match.entry.reason }) || any;
    }
  }
  return any;
}

function phraseOf(ctx: SentenceContext, middle: number[], match: TriggerMatch): string {
  return middle.slice(match.start, match.end).map((i) => ctx.words[i]).join(" ");
}

/** The related_to fallback: a short verb phrase between two mentions. */
function relatedTo(ctx: SentenceContext, out: ClaimList, middle: number[], left: Group, right: Group): void {
  if (middle.length === 0 || middle.length > MAX_RELATED_MIDDLE) return;
  if (middle.some((i) => /^[^\p{L}\p{N}]+$/u.test(ctx.words[i]!) || ctx.lower[i] === "'s" || ctx.lower[i] === "that")) return;
  if (ctx.lower[right.end] === "'s") return; // the object is what the possessive names, not the entity
  const verbs = middle.filter((i) => isVerb(ctx, i));
  if (verbs.length === 0) return;
  // "X said Y ...", "X told Y": speech names who speaks, not a link between the two.
  if (verbs.every((i) => REPORTING.has(ctx.lower[i]!))) return;
  // "signed by X in Y", "X was signed in Y": a bare passive says nothing of X and Y together.
  if (verbs.every((i) => ctx.pos[i] === "VBN") && middle.some((i) => BE.has(ctx.lower[i]!) || ctx.lower[i] === "by")) return;
  const negated = left.negated || negatedBefore(ctx, middle, middle.length);
  const predicate = middle.map((i) => ctx.words[i]).join(" ");
  for (const a of left.items) for (const b of right.items) out.add(a, "related_to", b, { negated, predicate, rule: "verb-unmapped" });
}

/** A coordinated group followed or preceded by a relation noun or symmetric verb: "A and B held talks". */
function coordinatedPair(ctx: SentenceContext, out: ClaimList, group: Group, nextStart: number, skip: Uint8Array): void {
  if (group.items.length < 2) return;
  const pairs = (relation: RelationType, predicate: string, rule: string, negated: boolean) => {
    for (let i = 0; i < group.items.length; i++) {
      for (let j = i + 1; j < group.items.length; j++) out.add(group.items[i]!, relation, group.items[j]!, { negated, predicate, rule });
    }
  };
  // "talks between A and B"
  const before = group.start - 1;
  if (ctx.lower[before] === "between" || ctx.lower[before] === "among") {
    const window = middleOf(skip, Math.max(0, before - 4), before);
    const words = window.map((i) => ctx.lower[i]!);
    const match = findTriggers(ctx.lex, words, 0, words.length).filter((m) => m.entry.noun).pop();
    if (match) pairs(match.entry.relation, `${phraseOf(ctx, window, match)} between`, match.entry.reason, group.negated);
    return;
  }
  // "A and B have held talks" / "A and B signed a partnership"
  const after = middleOf(skip, group.end, Math.min(nextStart, group.end + 8));
  if (after.length === 0 || CLAUSE_BREAKS.has(ctx.lower[after[0]!]!) || ctx.lower[after[0]!] === "'s") return;
  const words = after.map((i) => ctx.lower[i]!);
  const stop = words.findIndex((w) => w === "," || w === ".");
  const limit = stop < 0 ? words.length : stop;
  const match = findTriggers(ctx.lex, words, 0, limit).find((m) => m.entry.noun || isSymmetric(m.entry.relation));
  if (match && (match.entry.noun || isSymmetric(match.entry.relation))) {
    pairs(match.entry.relation, phraseOf(ctx, after, match), match.entry.reason, group.negated || negatedBefore(ctx, after, match.start));
  }
}

function isSymmetric(relation: RelationType): boolean {
  return relation === "meets" || relation === "partner_of" || relation === "conflict_with";
}

/** The clause subject: the first group, when a verb follows it before the next group. */
function subjectOf(ctx: SentenceContext, groups: Group[], skip: Uint8Array): Group | undefined {
  const first = groups[0];
  if (!first) return undefined;
  const stop = groups[1]?.start ?? ctx.lower.length;
  return middleOf(skip, first.end, stop).some((i) => (ctx.pos[i] ?? "").startsWith("VB") || ctx.lower[i] === "'s") ? first : undefined;
}

/** Does the middle start a new verb phrase of the subject ("..., and participate in")? */
function continuesSubject(ctx: SentenceContext, middle: number[]): boolean {
  let k = 0;
  if (ctx.lower[middle[k]!] === ",") k++;
  if (["and", "but", "then"].includes(ctx.lower[middle[k]!] ?? "")) k++;
  else return false;
  while (k < middle.length && ["also", "later", "then", "will", "would", "to"].includes(ctx.lower[middle[k]!]!)) k++;
  return k < middle.length && (ctx.pos[middle[k]!] ?? "").startsWith("VB");
}

export function clauseRelations(ctx: SentenceContext): RuleOutput {
  const out = new ClaimList(ctx);
  const skip = new Uint8Array(ctx.lower.length);
  const relatives = relativeClauses(ctx);
  for (const r of relatives) skip.fill(1, r.start, r.end);
  const items = [...ctx.items].sort((a, b) => a.m.tokStart - b.m.tokStart || a.m.start - b.m.start);
  const groups = groupsOf(ctx, items, skip);
  const subject = subjectOf(ctx, groups, skip);

  for (let j = 0; j < groups.length; j++) {
    const g = groups[j]!;
    coordinatedPair(ctx, out, g, groups[j + 1]?.start ?? ctx.lower.length, skip);
    if (j === 0) continue;
    const prev = groups[j - 1]!;
    const middle = middleOf(skip, prev.end, g.start);
    const useSubject = subject && subject !== prev && continuesSubject(ctx, middle);
    const left = useSubject ? subject : prev;
    const choice = chooseTrigger(ctx, middle, left.items[0]!, g.items[0]!, left.negated);
    if (choice) {
      // The tree names the trigger verb's subject: the relation starts there, or nowhere when it is no entity.
      const source = treeSource(ctx, middle, choice.match, left, groups);
      if (!source) continue;
      if (emitPair(out, source, g, choice, phraseOf(ctx, middle, choice.match))) continue;
    }
    if (subject && subject !== prev && !useSubject) {
      const viaSubject = chooseTrigger(ctx, middle, subject.items[0]!, g.items[0]!, subject.negated);
      if (viaSubject && !chooseTrigger(ctx, middle, prev.items[0]!, g.items[0]!, false)) {
        if (emitPair(out, subject, g, viaSubject, phraseOf(ctx, middle, viaSubject.match))) continue;
      }
    }
    if (!choice && !possessive(ctx, out, middle, prev, g) && left === subject && j === 1) relatedTo(ctx, out, middle, left, g);
  }

  for (const r of relatives) relativeClauseRelations(ctx, out, r, items, groups);
  return out;
}

/**
 * The group a verbal trigger's relation starts from, by the dependency tree: the group holding the verb's
 * subject ("X, the head of Y, visited Z": X, not Y); null when the subject is a word of no entity and the
 * left group only modifies it ("the head of Y visited Z": not Y); `left` otherwise (no verb in the
 * trigger, no subject in the tree, or a tree that does not say more).
 */
function treeSource(ctx: SentenceContext, middle: number[], match: TriggerMatch, left: Group, groups: Group[]): Group | null {
  const verb = middle.slice(match.start, match.end).find((i) => isVerb(ctx, i));
  if (verb === undefined) return left;
  const subject = treeSubject(ctx, verb);
  if (subject < 0 || subject > verb) return left;
  const found = itemOfPhrase(ctx, subject);
  // "Acme chief executive X visited Y": a holder before a title and a name is not the subject, the name is
  // (the tree may hang the name from the holder).
  const holder = found && (titledPersonAfter(ctx, found, verb) ?? found);
  if (holder) return left.items.includes(holder) ? left : (groups.find((g) => g.items.includes(holder)) ?? left);
  return left.items.every((it) => modifies(ctx, headToken(ctx, it), subject)) ? null : left;
}

/** The person named right after an item and a title ("Acme [chief executive] X"), before the verb. */
function titledPersonAfter(ctx: SentenceContext, holder: Item, verb: number): Item | undefined {
  const start = holder.m.tokEnd + (ctx.lower[holder.m.tokEnd] === "'s" ? 1 : 0);
  if (!titleBounds(ctx.gaz).first.has(ctx.lower[start] ?? "")) return undefined;
  for (let n = Math.min(ctx.gaz.maxTitleTokens, verb - start); n >= 1; n--) {
    if (!ctx.gaz.titles.has(ctx.lower.slice(start, start + n).join(" "))) continue;
    return ctx.items.find((it) => it.type === "person" && it.m.tokStart === start + n && it.m.tokEnd <= verb);
  }
  return undefined;
}

/** ", where X visited" → X visits antecedent; ", which hosted Y" → antecedent hosts Y. */
function relativeClauseRelations(ctx: SentenceContext, out: ClaimList, r: { start: number; end: number; word: string }, items: Item[], groups: Group[]): void {
  const antecedent = [...groups].reverse().find((g) => g.end <= r.start);
  if (!antecedent || antecedent.end !== r.start) return;
  const inside = items.filter((it) => it.m.tokStart > r.start && it.m.tokEnd <= r.end);
  const none = new Uint8Array(ctx.lower.length);
  if (r.word === "where") {
    const subject = inside[0];
    if (!subject) return;
    const middle = middleOf(none, subject.m.tokEnd, r.end);
    const place = antecedent.items[antecedent.items.length - 1]!;
    const choice = chooseTrigger(ctx, middle, subject, place, false);
    if (choice) {
      const group: Group = { items: [subject], start: subject.m.tokStart, end: subject.m.tokEnd, negated: false };
      emitPair(out, group, { items: [place], start: place.m.tokStart, end: place.m.tokEnd, negated: false }, choice, phraseOf(ctx, middle, choice.match));
    }
    return;
  }
  const object = inside[0];
  if (!object) return;
  const middle = middleOf(none, r.start + 2, object.m.tokStart);
  const choice = chooseTrigger(ctx, middle, antecedent.items[0]!, object, false);
  if (choice) emitPair(out, antecedent, { items: [object], start: object.m.tokStart, end: object.m.tokEnd, negated: false }, choice, phraseOf(ctx, middle, choice.match));
}
