/**
 * The view of one sentence that the relation rules share: the extractor's gazetteer and lexicon, its
 * words, POS tags, dependency tree, the resolved entity mentions in token order, demonyms, and an `emit` that type-checks a
 * relation against its signature, attaches the evidence sentence and drops duplicates.
 */
import { asciiPunctuation } from "../../nlp/normalize.js";
import { SYMMETRIC_RELATIONS, type DocRelation, type EntityType, type Evidence, type RelationType, type Sentence } from "../../types.js";
import type { DependencyTree } from "../../nlp/parser/parser.js";
import type { Gazetteer } from "../gazetteer.js";
import { fitsSignature, type Lexicon } from "../lexicon.js";
import type { DemonymMention, EntityMention } from "../mentions.js";

/** A resolved entity mention in a sentence. */
export interface Item {
  m: EntityMention;
  id: string;
  type: EntityType;
}

export interface SentenceContext {
  gaz: Gazetteer;
  lex: Lexicon;
  sentence: Sentence;
  /** Words with ASCII punctuation. */
  words: string[];
  lower: string[];
  pos: string[];
  /** The sentence's dependency tree (token heads and relations), parsed when first read. */
  readonly tree: DependencyTree;
  items: Item[];
  demonyms: { d: DemonymMention; id: string }[];
  evidence: Evidence;
  /** Emit a relation if the types fit its signature; returns whether it was kept. */
  emit(source: Item | string, relation: RelationType, target: Item | string, options: { negated?: boolean; predicate: string; rule: string }): boolean;
  /** Record a role ("President") stated for a person entity. */
  addRole(entityId: string, role: string): void;
}

const AUXILIARIES = new Set(["is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "will", "would", "do", "does", "did", "can", "could", "may", "might", "shall", "should", "must", "'s", "'re", "'ve", "'d", "'ll"]);

/** Whether the token at i is a content verb (not an auxiliary). */
export function isVerb(ctx: SentenceContext, i: number): boolean {
  return (ctx.pos[i] ?? "").startsWith("VB") && !AUXILIARIES.has(ctx.lower[i]!);
}

export interface ContextInput {
  gaz: Gazetteer;
  lex: Lexicon;
  text: string;
  docId: string;
  date?: string | undefined;
  sentence: Sentence;
  pos: string[];
  /** The sentence's tree, parsed on the first call. */
  tree: () => DependencyTree;
  items: Item[];
  demonyms: { d: DemonymMention; id: string }[];
  typeOf: (entityId: string) => EntityType;
  relations: DocRelation[];
  seen: Set<string>;
  roles: Map<string, Set<string>>;
}

export function makeContext(input: ContextInput): SentenceContext {
  const { gaz, lex, sentence, text } = input;
  const words = sentence.tokens.map((t) => asciiPunctuation(t.text));
  const evidence: Evidence = { doc: input.docId, sentence: text.slice(sentence.start, sentence.end).replace(/\s+/g, " "), start: sentence.start, end: sentence.end };
  if (input.date) evidence.date = input.date;
  return {
    gaz,
    lex,
    sentence,
    words,
    lower: words.map((w) => w.toLowerCase()),
    pos: input.pos,
    get tree() {
      return input.tree();
    },
    items: input.items,
    demonyms: input.demonyms,
    evidence,
    emit(source, relation, target, { negated = false, predicate, rule }) {
      const s = typeof source === "string" ? source : source.id;
      const t = typeof target === "string" ? target : target.id;
      if (s === t) return false;
      if (!fitsSignature(lex, relation, input.typeOf(s), input.typeOf(t))) return false;
      const key = `${s}|${relation}|${t}|${negated}|${sentence.index}`;
      const mirror = `${t}|${relation}|${s}|${negated}|${sentence.index}`;
      if (input.seen.has(key) || (SYMMETRIC_RELATIONS.has(relation) && input.seen.has(mirror))) return true;
      input.seen.add(key);
      input.relations.push({ source: s, target: t, relation, negated, predicate, rule, evidence });
      return true;
    },
    addRole(entityId, role) {
      const set = input.roles.get(entityId) ?? new Set<string>();
      set.add(role);
      input.roles.set(entityId, set);
    },
  };
}
