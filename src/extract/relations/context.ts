/**
 * The read-only view of one sentence that the relation rules read: the extractor's gazetteer and
 * lexicon, its words, POS tags, dependency tree (parsed when first read), the resolved entity mentions in
 * token order, demonyms, the type of each entity and the evidence item of the sentence. Rules return what
 * they find (claims.ts); nothing here is shared or written across sentences.
 */
import { evidenceSpan } from "./evidence-window.js";
import { oneLine } from "../../nlp/normalize.js";
import type { EntityType, Evidence, Sentence } from "../../types.js";
import type { DependencyTree } from "../../nlp/parser/parser.js";
import type { Gazetteer } from "../gazetteer.js";
import type { Lexicon } from "../lexicon.js";
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
  readonly items: readonly Item[];
  demonyms: { d: DemonymMention; id: string }[];
  evidence: Evidence;
  /** The type of an entity of the document. */
  typeOf(entityId: string): EntityType;
  /** The entity of a mention of the document (resolved mentions only). */
  entityOf(m: EntityMention): string | undefined;
  /** Entity id by normalized name or alias. */
  entityByKey: ReadonlyMap<string, string>;
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
  /** Words with ASCII punctuation, and lowercase. */
  words: string[];
  lower: string[];
  pos: string[];
  /** The sentence's tree, parsed on the first call. */
  tree: () => DependencyTree;
  readonly items: readonly Item[];
  demonyms: { d: DemonymMention; id: string }[];
  typeOf: (entityId: string) => EntityType;
  entityOf: (m: EntityMention) => string | undefined;
  entityByKey: ReadonlyMap<string, string>;
}

/**
 * A sentence's view as an instance of one class: every view has the same shape (the tree's getter is on
 * the prototype; a getter in an object literal would put each view in dictionary mode), so the rules'
 * reads of a view stay monomorphic.
 */
class SentenceView implements SentenceContext {
  readonly gaz: Gazetteer;
  readonly lex: Lexicon;
  readonly sentence: Sentence;
  readonly words: string[];
  readonly lower: string[];
  readonly pos: string[];
  readonly items: readonly Item[];
  readonly demonyms: { d: DemonymMention; id: string }[];
  readonly evidence: Evidence;
  readonly typeOf: (entityId: string) => EntityType;
  readonly entityOf: (m: EntityMention) => string | undefined;
  readonly entityByKey: ReadonlyMap<string, string>;
  private readonly parse: () => DependencyTree;

  constructor(input: ContextInput, evidence: Evidence) {
    this.gaz = input.gaz;
    this.lex = input.lex;
    this.sentence = input.sentence;
    this.words = input.words;
    this.lower = input.lower;
    this.pos = input.pos;
    this.items = input.items;
    this.demonyms = input.demonyms;
    this.evidence = evidence;
    this.typeOf = input.typeOf;
    this.entityOf = input.entityOf;
    this.entityByKey = input.entityByKey;
    this.parse = input.tree;
  }

  get tree(): DependencyTree {
    return this.parse();
  }
}

export function makeContext(input: ContextInput): SentenceContext {
  const { sentence, text } = input;
  const spans: (EntityMention | DemonymMention)[] = [];
  for (const i of input.items) spans.push(i.m);
  for (const d of input.demonyms) spans.push(d.d);
  const [start, end] = evidenceSpan(sentence, spans);
  const evidence: Evidence = { doc: input.docId, sentence: oneLine(text.slice(start, end)), start, end };
  if (input.date) evidence.date = input.date;
  return new SentenceView(input, evidence);
}
