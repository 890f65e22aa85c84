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
import type { DocEntity, DocExtraction, DocRelation, Document, DocumentRecord, EntityType } from "../types.js";
import type { Extractor } from "./extractor.js";
import type { Gazetteer } from "./gazetteer.js";
import { propagateNames, sentenceMentions, type DemonymMention, type EntityMention, type SentenceMentions } from "./mentions.js";
import { resolveDocument } from "./resolve-document.js";
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

/** Analyse one document with the extractor's models and lexicons: everything up to the relation decision. */
export function analyzeDocument(extractor: Extractor, doc: Document): DocumentAnalysis {
  const { gazetteer, lexicon, clock } = extractor;
  clock?.start("tokenize");
  const { sentences, split: longSentences } = splitSentencesCounted(doc.text);
  const perSentence: { mentions: EntityMention[]; demonyms: DemonymMention[]; pos: string[]; tree: () => DependencyTree }[] = [];
  const allMentions: EntityMention[] = [];
  const allDemonyms: DemonymMention[] = [];
  // Whole-document tagging: the tagger's document-level features see every sentence.
  const words = packedMap(sentences, (sentence) => packedMap(sentence.tokens, (t) => t.text));
  // Each sentence's words with ASCII punctuation, and lowercase: made once, read by every stage below.
  const ascii = packedMap(words, (ws) => packedMap(ws, asciiPunctuation));
  const lower = packedMap(ascii, (ws) => packedMap(ws, (w) => w.toLowerCase()));
  clock?.stop(words.reduce((n, ws) => n + ws.length, 0));
  clock?.start("ner");
  const nerTags = extractor.ner.tagDocument(words);
  clock?.stop();
  const credit: number[] = [];
  clock?.start("pos");
  const posTags = extractor.pos.tagDocument(words);
  clock?.stop();
  clock?.start("mentions");
  for (const [s, sentence] of sentences.entries()) {
    const pos = posTags[s]!;
    // A sentence is parsed once, after tagging, when a rule first reads its tree (sentences naming fewer
    // than two entities give no relation, and most are never parsed); the tree travels with its record.
    let parsed: DependencyTree | undefined;
    const tree = () => {
      if (parsed) return parsed;
      clock?.start("parse");
      parsed = extractor.parser.parse(words[s]!, pos);
      clock?.stop(words[s]!.length);
      return parsed;
    };
    // A byline or an agency credit names who wrote or supplied the story, not what it is about.
    credit[s] = creditStart(gazetteer, words[s]!, lower[s]!);
    const found = withoutCredit(sentenceMentions(gazetteer, doc.text, sentence, ascii[s]!, lower[s]!, nerTags[s]!, pos), credit[s]!);
    perSentence.push({ mentions: found.mentions, demonyms: found.demonyms, pos, tree });
    allMentions.push(...found.mentions);
    allDemonyms.push(...found.demonyms);
  }
  // Second pass: names the document establishes are mentions wherever they recur untagged.
  // (Words with typographic punctuation differ from their ASCII forms, but no name key holds punctuation.)
  const docWords = wordSet(lower);
  const first = resolveDocument(gazetteer, allMentions, allDemonyms, docWords);
  const names = documentNames(gazetteer, first.entities);
  let maxTokens = 1;
  for (const n of names.keys()) maxTokens = Math.max(maxTokens, n.split(" ").length);
  allMentions.length = 0;
  sentences.forEach((sentence, s) => {
    const found = withoutCredit(propagateNames(doc.text, sentence, ascii[s]!, perSentence[s]!, names, maxTokens), credit[s]!);
    perSentence[s] = { mentions: found.mentions, demonyms: found.demonyms, pos: perSentence[s]!.pos, tree: perSentence[s]!.tree };
    allMentions.push(...found.mentions);
  });
  const resolved = resolveDocument(gazetteer, allMentions, allDemonyms, docWords);
  // Descriptions and pronouns: linked to the entity (or the two entities) they refer back to.
  const byId = new Map(resolved.entities.map((e) => [e.id, e]));
  const references = linkReferences({
    gaz: gazetteer,
    text: doc.text,
    sentences,
    lower,
    pos: posTags,
    tree: (s) => perSentence[s]!.tree(),
    mentions: perSentence.map((p) => p.mentions),
    entities: resolved.entities,
    entityOf: resolved.entityOf,
  });
  for (const [m, ids] of references) {
    if (ids.length === 1) resolved.entityOf.set(m, ids[0]!);
    for (const id of ids) byId.get(id)!.mentions.push({ text: m.text, start: m.start, end: m.end, sentence: m.sentence });
    if (m.source === "PRO") perSentence[m.sentence]!.mentions.push(m);
  }
  /** The resolved mentions of a sentence as items, in token order. */
  const itemsOf = (s: number): Item[] => {
    const items: Item[] = [];
    for (const m of perSentence[s]!.mentions) {
      const single = resolved.entityOf.get(m);
      for (const id of references.get(m) ?? (single ? [single] : [])) items.push({ m, id, type: byId.get(id)!.type });
    }
    return items.sort((a, b) => a.m.tokStart - b.m.tokStart || a.m.start - b.m.start);
  };
  // What the document only describes ("a new pipeline to X") becomes an entity of its own.
  const itemsBySentence = sentences.map((sentence, s) => {
    const items = itemsOf(s);
    const described = describedInSentence({ gaz: gazetteer, text: doc.text, sentence, lower: lower[s]!, pos: posTags[s]!, items });
    for (const d of described) {
      const e = describedEntity(d, `e${resolved.entities.length + 1}`);
      resolved.entities.push(e);
      byId.set(e.id, e);
      resolved.entityOf.set(d.m, e.id);
      perSentence[s]!.mentions.push(d.m);
      items.push({ m: d.m, id: e.id, type: e.type });
    }
    return described.length > 0 ? items.sort((a, b) => a.m.tokStart - b.m.tokStart || a.m.start - b.m.start) : items;
  });
  const typeById = new Map<string, EntityType>(resolved.entities.map((e) => [e.id, e.type]));
  const entityByKey = new Map<string, string>();
  for (const e of resolved.entities) if (!e.description) for (const n of [e.name, ...e.aliases]) if (!entityByKey.has(nameKey(n))) entityByKey.set(nameKey(n), e.id);
  clock?.stop();
  clock?.start("relations");

  const inputs: ContextInput[] = sentences.map((sentence, s) => {
    const { demonyms, pos, tree } = perSentence[s]!;
    const items = itemsBySentence[s]!;
    const dems = demonyms.flatMap((d) => {
      const id = resolved.countryOf.get(d);
      return id ? [{ d, id }] : [];
    });
    return { gaz: gazetteer, lex: lexicon, text: doc.text, docId: doc.id, date: doc.date, sentence, words: ascii[s]!, lower: lower[s]!, pos, tree, items, demonyms: dems, typeOf: (id) => typeById.get(id)!, entityOf: (m) => resolved.entityOf.get(m), entityByKey };
  });
  const collector = new ClaimCollector();
  const titled = inputs.map((input) => makeContext(input));
  for (const view of titled) for (const rule of TITLE_RULES) collector.add(view, rule.run(view));
  // Role nominals ("the Norwegian leader") name the person the titles make that country's leader.
  const leaders = [...collector.relations];
  const contexts = titled.map((view, s) => {
    const nominals = roleNominals(view, leaders);
    if (nominals.length === 0) return view; // (its items are in token order already)
    for (const item of nominals) byId.get(item.id)!.mentions.push({ text: item.m.text, start: item.m.start, end: item.m.end, sentence: item.m.sentence });
    const items = [...view.items, ...nominals].sort((a, b) => a.m.tokStart - b.m.tokStart || a.m.start - b.m.start);
    return makeContext({ ...inputs[s]!, items });
  });
  for (const view of contexts) for (const rule of SENTENCE_RULES) collector.add(view, rule.run(view));
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
