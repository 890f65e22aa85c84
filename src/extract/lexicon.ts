/**
 * The relation lexicon: trigger phrases (src/kb/relation-triggers.json), negation cues, and the type
 * signature of each relation (src/kb/relation-signatures.json), compiled (once per Extractor) into a
 * phrase index that finds trigger matches in a token range.
 */
import { readFileSync } from "node:fs";
import { kbPath } from "../paths.js";
import { personTitles } from "../kb/index.js";
import type { EntityType, RelationType } from "../types.js";

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

/** Load and index the lexicon. */
export function loadLexicon(): Lexicon {
  const file = JSON.parse(readFileSync(kbPath("relation-triggers.json"), "utf8")) as TriggerFile;
  const sigs = (JSON.parse(readFileSync(kbPath("relation-signatures.json"), "utf8")) as { signatures: Record<RelationType, Signature> }).signatures;
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
