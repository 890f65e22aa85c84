/**
 * Extraction of one document: sentences, tagging, mentions, resolution into entities, descriptions and
 * pronouns linked to them, entities the document only describes, the registered relation rules over
 * each sentence's view (parsed when a rule reads the tree), then the relation decision (classifier,
 * claim qualities, inference; relations/decide.ts). Every relation carries its evidence sentence. The
 * models and lexicons come from the Extractor passed in.
 */
import { asciiPunctuation, nameKey } from "../nlp/normalize.js";
import type { DependencyTree } from "../nlp/parser/parser.js";
import { splitSentencesCounted } from "../nlp/sentences.js";
import type { DocEntity, DocExtraction, DocRelation, Document, DocumentRecord, EntityType, Sentence } from "../types.js";
import type { Extractor } from "./extractor.js";
import type { Gazetteer } from "./gazetteer.js";
import { propagateNames, sentenceMentions, type DemonymMention, type EntityMention, type SentenceMentions } from "./mentions.js";
import { resolveDocument, type ResolvedDocument } from "./resolve-document.js";
import { linkReferences } from "./coreference.js";
import { creditStart } from "./credits.js";
import { describedEntity, describedInSentence } from "./described.js";
import { ClaimCollector } from "./relations/claims.js";
import { makeContext, type ContextInput, type Item, type SentenceContext } from "./relations/context.js";
import { SENTENCE_RULES, TITLE_RULES } from "./relations/rules.js";
import { homeCountries, type Home } from "./relations/placement.js";
import { decideRelations, proposeRelations } from "./relations/decide.js";
import { roleNominals } from "./relations/titles.js";
import { SliceMerger } from "./limits.js";
import { documentSlices } from "./slices.js";

/** The metadata line of a document (documents.jsonl): everything but the text. */
export function documentRecord(doc: Document): DocumentRecord {
  const { text: _text, ...record } = doc;
  return record;
}

/** Names of a document's entities (and persons' surnames, with and without an attached particle) usable for propagation, with their types. */
function documentNames(gaz: Gazetteer, entities: DocEntity[]): Map<string, EntityType> {
  const names = new Map<string, EntityType>();
  const ambiguous = new Set<string>();
  const add = (name: string, type: EntityType) => {
    if (names.has(name) && names.get(name) !== type) ambiguous.add(name);
    names.set(name, type);
  };
  for (const e of entities) {
    if (e.mentions.length === 0) continue;
    add(e.name, e.type);
    for (const a of e.aliases) if (/^\p{Lu}/u.test(a)) add(a, e.type);
    if (e.type === "person") {
      const parts = e.name.split(" ");
      const surname = parts[parts.length - 1]!;
      if (parts.length >= 2) add(surname, "person");
      // "al-Assad" is also written "Assad".
      const attached = /^(\p{Ll}+)[-'](\p{Lu}.*)$/u.exec(surname);
      if (parts.length >= 2 && attached && gaz.attachedParticles.has(attached[1]!)) add(attached[2]!, "person");
    }
  }
  for (const n of ambiguous) names.delete(n);
  return names;
}

/**
 * `xs.map(f)` as an array without holes whatever `xs` is (the map of a holey array is holey): the
 * document's sentences of words, and each sentence's words, then have one shape, and the functions that
 * read them do not deoptimize on a second.
 */
function packedMap<T, U>(xs: readonly T[], f: (x: T) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i]!));
  return out;
}

/** The distinct words of a document's sentences (a function of its own: optimized once, whatever deoptimizes its caller). */
function wordSet(sentences: readonly string[][]): Set<string> {
  const out = new Set<string>();
  for (const ws of sentences) for (let i = 0; i < ws.length; i++) out.add(ws[i]!);
  return out;
}

/** A sentence's mentions without those in its credit line (from token `from`; -1 when it has none). */
function withoutCredit(found: SentenceMentions, from: number): SentenceMentions {
  if (from < 0) return found;
  return { mentions: found.mentions.filter((m) => m.tokStart < from), demonyms: found.demonyms.filter((d) => d.tokStart < from) };
}

/**
 * One document analysed: its entities, the per-sentence view the relation stage reads (words, tags,
 * tree, mentions), what the rules stated, and the knowledge base's home country of each entity.
 */
export interface DocumentAnalysis {
  doc: DocumentRecord;
  entities: DocEntity[];
  contexts: SentenceContext[];
  /** The rules' relations (sentence-level) and co-occurrences, in sentence order. */
  ruleRelations: DocRelation[];
  /** Entity id → the id of the country the gazetteer puts it in, with the rule that says so. */
  homes: Map<string, Home>;
  /** Sentences cut into pieces for being longer than the taggers and the parser take. */
  longSentences: number;
}

/** A sentence's mentions and demonyms, its POS tags, and its tree (parsed when a rule first reads it). */
interface SentenceRecord {
  mentions: EntityMention[];
  demonyms: DemonymMention[];
  pos: string[];
  tree: () => DependencyTree;
}

/** A document's words per sentence (as written, with ASCII punctuation, lowercase) and their tags. */
interface DocumentTokens {
  words: string[][];
  ascii: string[][];
  lower: string[][];
  ner: string[][];
  pos: string[][];
}

/**
 * A sentence's tree, parsed once, after tagging, when a rule first reads it (sentences naming fewer than
 * two entities give no relation, and most are never parsed); the tree travels with its record.
 */
function lazyTree(extractor: Extractor, words: string[], pos: string[]): () => DependencyTree {
  const { clock } = extractor;
  let parsed: DependencyTree | undefined;
  return () => {
    if (parsed) return parsed;
    clock?.start("parse");
    parsed = extractor.parser.parse(words, pos);
    clock?.stop(words.length);
    return parsed;
  };
}

// The steps of `analyzeDocument` are functions of their own: V8 optimizes each on its own, and a step
// that meets a new shape or a path not taken before is recompiled alone, not the whole analysis with
// everything inlined into it.

/** First pass: each sentence's mentions and demonyms (without its credit line), into `records` and the document's lists. */
function scanSentences(extractor: Extractor, doc: Document, sentences: readonly Sentence[], tokens: DocumentTokens, credit: number[], records: SentenceRecord[], allMentions: EntityMention[], allDemonyms: DemonymMention[]): void {
  const { gazetteer } = extractor;
  const { words, ascii, lower, ner, pos } = tokens;
  for (let s = 0; s < sentences.length; s++) {
    // A byline or an agency credit names who wrote or supplied the story, not what it is about.
    credit[s] = creditStart(gazetteer, words[s]!, lower[s]!);
    const found = withoutCredit(sentenceMentions(gazetteer, doc.text, sentences[s]!, ascii[s]!, lower[s]!, ner[s]!, pos[s]!), credit[s]!);
    records.push({ mentions: found.mentions, demonyms: found.demonyms, pos: pos[s]!, tree: lazyTree(extractor, words[s]!, pos[s]!) });
    for (const m of found.mentions) allMentions.push(m);
    for (const d of found.demonyms) allDemonyms.push(d);
  }
}

/** Second pass: names the document establishes are mentions wherever they recur untagged (`allMentions` refilled). */
function propagateDocumentNames(gaz: Gazetteer, doc: Document, sentences: readonly Sentence[], ascii: readonly string[][], credit: readonly number[], records: SentenceRecord[], entities: DocEntity[], allMentions: EntityMention[]): void {
  // (Words with typographic punctuation differ from their ASCII forms, but no name key holds punctuation.)
  const names = documentNames(gaz, entities);
  let maxTokens = 1;
  for (const n of names.keys()) maxTokens = Math.max(maxTokens, n.split(" ").length);
  allMentions.length = 0;
  for (let s = 0; s < sentences.length; s++) {
    const record = records[s]!;
    const found = withoutCredit(propagateNames(doc.text, sentences[s]!, ascii[s]!, record, names, maxTokens), credit[s]!);
    records[s] = { mentions: found.mentions, demonyms: found.demonyms, pos: record.pos, tree: record.tree };
    for (const m of found.mentions) allMentions.push(m);
  }
}

/** Descriptions and pronouns linked to the entity (or the two entities) they refer back to, and added to their entities' mentions. */
function linkDocumentReferences(gaz: Gazetteer, doc: Document, sentences: readonly Sentence[], tokens: DocumentTokens, records: SentenceRecord[], resolved: ResolvedDocument, byId: Map<string, DocEntity>): Map<EntityMention, string[]> {
  const references = linkReferences({
    gaz,
    text: doc.text,
    sentences,
    lower: tokens.lower,
    pos: tokens.pos,
    tree: (s) => records[s]!.tree(),
    mentions: records.map((p) => p.mentions),
    entities: resolved.entities,
    entityOf: resolved.entityOf,
  });
  for (const [m, ids] of references) {
    if (ids.length === 1) resolved.entityOf.set(m, ids[0]!);
    for (const id of ids) byId.get(id)!.mentions.push({ text: m.text, start: m.start, end: m.end, sentence: m.sentence });
    if (m.source === "PRO") records[m.sentence]!.mentions.push(m);
  }
  return references;
}

/** Token order of items. */
function byTokenOrder(a: Item, b: Item): number {
  return a.m.tokStart - b.m.tokStart || a.m.start - b.m.start;
}

/** Each sentence's resolved mentions as items in token order, with what the document only describes ("a new pipeline to X") made an entity of its own. */
function sentenceItems(gaz: Gazetteer, doc: Document, sentences: readonly Sentence[], tokens: DocumentTokens, records: SentenceRecord[], resolved: ResolvedDocument, byId: Map<string, DocEntity>, references: Map<EntityMention, string[]>): Item[][] {
  const out: Item[][] = [];
  for (let s = 0; s < sentences.length; s++) {
    const items: Item[] = [];
    for (const m of records[s]!.mentions) {
      const single = resolved.entityOf.get(m);
      for (const id of references.get(m) ?? (single ? [single] : [])) items.push({ m, id, type: byId.get(id)!.type });
    }
    items.sort(byTokenOrder);
    const described = describedInSentence({ gaz, text: doc.text, sentence: sentences[s]!, lower: tokens.lower[s]!, pos: tokens.pos[s]!, items });
    for (const d of described) {
      const e = describedEntity(d, `e${resolved.entities.length + 1}`);
      resolved.entities.push(e);
      byId.set(e.id, e);
      resolved.entityOf.set(d.m, e.id);
      records[s]!.mentions.push(d.m);
      items.push({ m: d.m, id: e.id, type: e.type });
    }
    out.push(described.length > 0 ? items.sort(byTokenOrder) : items);
  }
  return out;
}

/** What the rules state: the title rules over every sentence's view, then role nominals, then the sentence rules over the views with them. */
function applyRules(extractor: Extractor, doc: Document, sentences: readonly Sentence[], tokens: DocumentTokens, records: SentenceRecord[], itemsBySentence: Item[][], resolved: ResolvedDocument, byId: Map<string, DocEntity>, entityByKey: Map<string, string>): { contexts: SentenceContext[]; collector: ClaimCollector } {
  const { gazetteer, lexicon } = extractor;
  const typeById = new Map<string, EntityType>(resolved.entities.map((e) => [e.id, e.type]));
  const typeOf = (id: string) => typeById.get(id)!;
  const entityOf = (m: EntityMention) => resolved.entityOf.get(m);
  const inputs: ContextInput[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const { demonyms, pos, tree } = records[s]!;
    const dems: { d: DemonymMention; id: string }[] = [];
    for (const d of demonyms) {
      const id = resolved.countryOf.get(d);
      if (id) dems.push({ d, id });
    }
    inputs.push({ gaz: gazetteer, lex: lexicon, text: doc.text, docId: doc.id, date: doc.date, sentence: sentences[s]!, words: tokens.ascii[s]!, lower: tokens.lower[s]!, pos, tree, items: itemsBySentence[s]!, demonyms: dems, typeOf, entityOf, entityByKey });
  }
  const collector = new ClaimCollector();
  const titled: SentenceContext[] = [];
  for (const input of inputs) titled.push(makeContext(input));
  for (const view of titled) for (const rule of TITLE_RULES) collector.add(view, rule.run(view));
  // Role nominals ("the Norwegian leader") name the person the titles make that country's leader.
  const leaders = [...collector.relations];
  const contexts: SentenceContext[] = [];
  for (let s = 0; s < titled.length; s++) {
    const view = titled[s]!;
    const nominals = roleNominals(view, leaders);
    if (nominals.length === 0) {
      contexts.push(view); // (its items are in token order already)
      continue;
    }
    for (const item of nominals) byId.get(item.id)!.mentions.push({ text: item.m.text, start: item.m.start, end: item.m.end, sentence: item.m.sentence });
    const items = [...view.items, ...nominals].sort(byTokenOrder);
    contexts.push(makeContext({ ...inputs[s]!, items }));
  }
  for (const view of contexts) for (const rule of SENTENCE_RULES) collector.add(view, rule.run(view));
  return { contexts, collector };
}

/** Analyse one document with the extractor's models and lexicons: everything up to the relation decision. */
export function analyzeDocument(extractor: Extractor, doc: Document): DocumentAnalysis {
  const { gazetteer, clock } = extractor;
  clock?.start("tokenize");
  const { sentences, split: longSentences } = splitSentencesCounted(doc.text);
  // Whole-document tagging: the tagger's document-level features see every sentence.
  const words = packedMap(sentences, (sentence) => packedMap(sentence.tokens, (t) => t.text));
  // Each sentence's words with ASCII punctuation, and lowercase: made once, read by every stage below.
  const ascii = packedMap(words, (ws) => packedMap(ws, asciiPunctuation));
  const lower = packedMap(ascii, (ws) => packedMap(ws, (w) => w.toLowerCase()));
  clock?.stop(words.reduce((n, ws) => n + ws.length, 0));
  clock?.start("ner");
  const ner = extractor.ner.tagDocument(words);
  clock?.stop();
  clock?.start("pos");
  const pos = extractor.pos.tagDocument(words);
  clock?.stop();
  const tokens: DocumentTokens = { words, ascii, lower, ner, pos };
  clock?.start("mentions");
  const credit: number[] = [];
  const records: SentenceRecord[] = [];
  const allMentions: EntityMention[] = [];
  const allDemonyms: DemonymMention[] = [];
  scanSentences(extractor, doc, sentences, tokens, credit, records, allMentions, allDemonyms);
  const docWords = wordSet(lower);
  const first = resolveDocument(gazetteer, allMentions, allDemonyms, docWords);
  propagateDocumentNames(gazetteer, doc, sentences, ascii, credit, records, first.entities, allMentions);
  const resolved = resolveDocument(gazetteer, allMentions, allDemonyms, docWords);
  const byId = new Map(resolved.entities.map((e) => [e.id, e]));
  const references = linkDocumentReferences(gazetteer, doc, sentences, tokens, records, resolved, byId);
  const itemsBySentence = sentenceItems(gazetteer, doc, sentences, tokens, records, resolved, byId, references);
  const entityByKey = new Map<string, string>();
  for (const e of resolved.entities) if (!e.description) for (const n of [e.name, ...e.aliases]) if (!entityByKey.has(nameKey(n))) entityByKey.set(nameKey(n), e.id);
  clock?.stop();
  clock?.start("relations");
  const { contexts, collector } = applyRules(extractor, doc, sentences, tokens, records, itemsBySentence, resolved, byId, entityByKey);
  const { relations, roles } = collector;
  for (const e of resolved.entities) e.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  for (const e of resolved.entities) {
    const r = roles.get(e.id);
    if (r) e.roles = [...r].sort();
  }
  const analysis: DocumentAnalysis = { doc: documentRecord(doc), entities: resolved.entities, contexts, ruleRelations: relations, homes: homeCountries(gazetteer, resolved.entities, entityByKey), longSentences };
  clock?.stop();
  return analysis;
}

/**
 * Extract entities and relations from one document: the analysis, then the relation decision (the
 * classifier over candidate pairs with the rules as its features and precise rules as overrides, claim
 * qualities, document-level inference). `minConfidence` defaults to the model's, chosen on dev data.
 */
export function extractDocument(extractor: Extractor, doc: Document, options: ExtractOptions = {}): DocExtraction {
  // A document larger than one slice is analysed a slice at a time; the merger caps what repeats.
  const merger = new SliceMerger();
  let firstSentence = 0;
  for (const [start, end] of documentSlices(doc.text, options.maxSliceChars)) {
    const analysis = analyzeDocument(extractor, start === 0 && end === doc.text.length ? doc : { ...doc, text: doc.text.slice(start, end) });
    extractor.clock?.start("relations");
    const relations = options.propose ? proposeRelations(analysis, extractor.lexicon, extractor.relations, { explain: false }) : decideRelations(analysis, extractor.lexicon, extractor.relations, options.minConfidence);
    extractor.clock?.stop();
    merger.add({ entities: analysis.entities, relations, offset: start, firstSentence, longSentences: analysis.longSentences });
    firstSentence += analysis.contexts.length;
  }
  return merger.result(documentRecord(doc));
}

export interface ExtractOptions {
  /** One minimum confidence for every relation type (default: each type's own, chosen on dev data). */
  minConfidence?: number;
  /**
   * Keep every relation from the candidate floor up, for a minimum confidence applied later (the build's
   * cache), without the classifier's explanations.
   */
  propose?: boolean;
  /** The most characters analysed at once (default `MAX_SLICE_CHARS`); larger documents go in slices. */
  maxSliceChars?: number;
}
