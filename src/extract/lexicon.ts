/**
 * The relation lexicon: trigger phrases (src/kb/relation-triggers.json), negation cues, and the type
 * signature of each relation (src/kb/relation-signatures.json), checked on load and compiled (once per
 * Extractor) into a phrase index that finds trigger matches in a token range.
 */
import { readFileSync } from "node:fs";
import { kbPath } from "../paths.js";
import { personTitles } from "../kb/index.js";
import { NewsgraphError } from "../errors.js";
import { isEntityType, isRelationType, RELATION_TYPES, type EntityType, type RelationType } from "../types.js";

export interface TriggerEntry {
  reason: string;
  relation: RelationType;
  phrases: string[];
  example: string;
  /** The grammatical object is the relation's source ("received praise from X"). */
  reverse?: boolean;
  /** A relation noun that also links a coordinated pair ("talks between A and B"). */
  noun?: boolean;
  /** Fires only when the phrase (plus determiners) is all that separates the two mentions. */
  adjacent?: boolean;
}

export interface TriggerMatch {
  entry: TriggerEntry;
  /** Token range [start, end) of the matched phrase. */
  start: number;
  end: number;
}

export interface Signature {
  from: (EntityType | "*")[];
  to: (EntityType | "*")[];
}

export interface Lexicon {
  entries: TriggerEntry[];
  signatures: Record<RelationType, Signature>;
  negatorWords: Set<string>;
  /** Negation phrases as token arrays; those ending in "to" scope over the next verb phrase. */
  negatorPhrases: string[][];
  /** First word → [phrase tokens, entry] sorted longest first. */
  index: Map<string, { tokens: string[]; entry: TriggerEntry }[]>;
  /**
   * Phrases listed under two relations ("joined": member_of, attends): no rule settles them by file
   * order; they are features of the classifier, which decides.
   */
  ambiguous: Set<string>;
}

interface TriggerFile {
  triggers: TriggerEntry[];
  negators: { words: string[]; phrases: string[] };
}

/** Role phrases generated from the title gazetteer: "president of", "analyst at", ... */
function titleEntries(): TriggerEntry[] {
  const byRelation = new Map<RelationType, string[]>();
  for (const t of personTitles()) {
    const list = byRelation.get(t.relation) ?? [];
    for (const prep of ["of", "at", "for", "to", "with"]) list.push(`${t.title} ${prep}`);
    byRelation.set(t.relation, list);
  }
  return [...byRelation].map(([relation, phrases]) => ({
    reason: `title-${relation.replace(/_/g, "-")}`,
    relation,
    phrases,
    example: "Lena Berg, the chief executive of Norland Air, resigned.",
  }));
}

function readKb<T>(name: string): T {
  const path = kbPath(name);
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch (err) {
    throw new NewsgraphError("KB_INVALID", `${path}: ${(err as Error).message}`, { file: path });
  }
}

/** Check the trigger file's entries: one line naming the file and the entry at fault. */
function validateTriggers(file: TriggerFile, path: string): void {
  const fail = (msg: string): never => {
    throw new NewsgraphError("KB_INVALID", `${path}: ${msg}`, { file: path });
  };
  if (!Array.isArray(file.triggers) || !file.negators || !Array.isArray(file.negators.words) || !Array.isArray(file.negators.phrases)) fail("expected { triggers: [...], negators: { words, phrases } }");
  const reasons = new Set<string>();
  file.triggers.forEach((t, k) => {
    const at = `trigger ${k + 1} (${String(t?.reason)})`;
    if (typeof t.reason !== "string" || !/^[a-z][a-z0-9-]*$/.test(t.reason)) fail(`${at}: reason must be a lowercase id`);
    if (reasons.has(t.reason)) fail(`${at}: reason used twice`);
    reasons.add(t.reason);
    if (!isRelationType(t.relation) || t.relation === "co_occurs") fail(`${at}: unknown relation "${String(t.relation)}"`);
    if (!Array.isArray(t.phrases) || t.phrases.length === 0) fail(`${at}: no phrases`);
    for (const p of t.phrases) if (typeof p !== "string" || p !== p.toLowerCase() || p.trim() !== p || p.includes("  ") || p === "") fail(`${at}: phrase "${String(p)}" must be lowercase words separated by single spaces`);
    if (typeof t.example !== "string" || t.example.length === 0) fail(`${at}: no example sentence`);
  });
}

function validateSignatures(sigs: Record<string, Signature>, path: string): void {
  for (const relation of RELATION_TYPES) {
    const sig = sigs[relation];
    const ok = (list: unknown) => Array.isArray(list) && list.length > 0 && list.every((t) => t === "*" || isEntityType(t as string));
    if (!sig || !ok(sig.from) || !ok(sig.to)) throw new NewsgraphError("KB_INVALID", `${path}: signature of ${relation} missing or naming an unknown entity type`, { file: path });
  }
}

/** Load, check and index the lexicon. */
export function loadLexicon(): Lexicon {
  const file = readKb<TriggerFile>("relation-triggers.json");
  validateTriggers(file, kbPath("relation-triggers.json"));
  const sigs = readKb<{ signatures: Record<RelationType, Signature> }>("relation-signatures.json").signatures;
  validateSignatures(sigs ?? {}, kbPath("relation-signatures.json"));
  const relationsOf = new Map<string, Set<RelationType>>();
  for (const t of file.triggers) for (const p of t.phrases) relationsOf.set(p, (relationsOf.get(p) ?? new Set()).add(t.relation));
  const ambiguous = new Set([...relationsOf].filter(([, r]) => r.size > 1).map(([p]) => p));
  const entries = [...file.triggers, ...titleEntries()];
  const index = new Map<string, { tokens: string[]; entry: TriggerEntry }[]>();
  for (const entry of entries) {
    for (const phrase of entry.phrases) {
      const tokens = phrase.split(" ");
      const list = index.get(tokens[0]!) ?? [];
      if (!list.some((x) => x.entry === entry && x.tokens.join(" ") === phrase)) list.push({ tokens, entry });
      index.set(tokens[0]!, list);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return {
    entries,
    signatures: sigs,
    negatorWords: new Set(file.negators.words),
    negatorPhrases: file.negators.phrases.map((p) => p.split(" ")),
    index,
    ambiguous,
  };
}

/** All trigger matches inside the token range [from, to) of lowercase words, longest per start. */
export function findTriggers(lex: Lexicon, words: string[], from: number, to: number): TriggerMatch[] {
  const out: TriggerMatch[] = [];
  for (let i = from; i < to; i++) {
    const candidates = lex.index.get(words[i]!);
    if (!candidates) continue;
    let longest = 0;
    for (const { tokens, entry } of candidates) {
      if (tokens.length < longest) break;
      if (i + tokens.length > to) continue;
      let ok = true;
      for (let k = 1; k < tokens.length; k++) {
        if (words[i + k] !== tokens[k]) {
          ok = false;
          break;
        }
      }
      if (ok) {
        longest = tokens.length;
        out.push({ entry, start: i, end: i + tokens.length });
      }
    }
  }
  return out;
}

/** Whether a relation's type signature admits the (source, target) entity types. */
export function fitsSignature(lex: Lexicon, relation: RelationType, from: EntityType, to: EntityType): boolean {
  const sig = lex.signatures[relation];
  if (!sig) return false;
  return (sig.from.includes("*") || sig.from.includes(from)) && (sig.to.includes("*") || sig.to.includes(to));
}
