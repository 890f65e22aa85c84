/**
 * The relation corpora (DWIE, CoNLL04, Re-DocRED) read into one shape: a document's text rebuilt from
 * its tokens, its gold entities as character spans, and its gold relations mapped to our vocabulary by
 * src/kb/relation-corpus-map.json. `alignEntities` maps the entities an extraction found to gold
 * entities by overlapping mentions, and `goldPairs` gives the gold relations between them: the trainer
 * and the scorers read the same thing.
 */
import { readFileSync } from "node:fs";
import { NewsgraphError } from "../errors.js";
import { kbPath } from "../paths.js";
import { isRelationType, type DocEntity, type EntityType, type RelationType } from "../types.js";

export type RelationCorpus = "dwie" | "conll04" | "redocred";

interface LabelMapping {
  label: string;
  relation: RelationType;
  reason: string;
  reverse?: boolean;
  targets?: EntityType[];
  byTitle?: boolean;
}

interface CorpusMapping {
  /** A label with this suffix is the relation to a country's adjective entity (DWIE "-x"). */
  adjectiveSuffix?: string;
  /** "relation" or "relation:targetType". */
  annotates: string[];
  labels: LabelMapping[];
  compatible?: Partial<Record<RelationType, RelationType[]>>;
}

/** One gold relation in our vocabulary, between gold entity indices. */
export interface GoldLabel {
  h: number;
  t: number;
  relation: RelationType;
  targets?: EntityType[];
  byTitle?: boolean;
}

export interface LabelledDocument {
  id: string;
  text: string;
  /** Gold mentions as character spans, with their gold entity. */
  mentions: { g: number; start: number; end: number }[];
  /** Gold entity types as the corpus writes them ("type::person", "Peop", "PER"). */
  goldTypes: string[];
  /** Gold entities that are adjectives of a country (DWIE "German"), mapped to the country entity. */
  countryOfDemonym: Map<number, number>;
  labels: GoldLabel[];
}

export interface RelationCorpusData {
  corpus: RelationCorpus;
  documents: LabelledDocument[];
  /**
   * The relation types the corpus labels wherever they hold (with the target types it does, or null for
   * all): a pair it does not label is a negative for these only.
   */
  annotates: Map<RelationType, Set<EntityType> | null>;
  /** Predicted types that satisfy a gold type (the gold type itself always does). */
  compatible: Map<RelationType, Set<RelationType>>;
}

function readMapping(corpus: RelationCorpus): CorpusMapping {
  const path = kbPath("relation-corpus-map.json");
  const all = JSON.parse(readFileSync(path, "utf8")) as Record<string, CorpusMapping>;
  const m = all[corpus];
  if (!m) throw new NewsgraphError("KB_INVALID", `${path}: no mapping for ${corpus}`, { file: path });
  for (const l of m.labels) if (!isRelationType(l.relation)) throw new NewsgraphError("KB_INVALID", `${path}: ${corpus} label ${l.label} maps to unknown relation "${l.relation}"`, { file: path });
  return m;
}

function readJson<T>(path: string, what: string): T {
  try {
    return JSON.parse(readFileSync(path, "utf8")) as T;
  } catch (err) {
    throw new NewsgraphError("INPUT_JSONL", `${path}: cannot read ${what} (${(err as Error).message})`, { file: path });
  }
}

const WORD_END = /[\p{L}\p{N}]$/u;
const WORD_START = /^[\p{L}\p{N}]/u;

/**
 * Text of a token list joined by spaces (a "\n" token ends a line), and each token's character span. A
 * hyphen token between two words is the corpus tokenizer's split of one hyphenated word ("al - Assad",
 * "North Rhine - Westphalia") and is joined back without spaces, as the word was written.
 */
export function joinTokens(tokens: string[]): { text: string; spans: [number, number][] } {
  const spans: [number, number][] = [];
  let text = "";
  const inWord = (i: number) => tokens[i] === "-" && WORD_END.test(tokens[i - 1] ?? "") && WORD_START.test(tokens[i + 1] ?? "");
  for (const [i, tok] of tokens.entries()) {
    if (tok === "\n") {
      text = text.trimEnd() + "\n";
      spans.push([text.length, text.length]);
      continue;
    }
    if (text.length > 0 && !text.endsWith("\n") && !inWord(i) && !inWord(i - 1)) text += " ";
    spans.push([text.length, text.length + tok.length]);
    text += tok;
  }
  return { text, spans };
}

function mapLabels(mapping: CorpusMapping, raw: { r: string; h: number; t: number }[], countryOfDemonym = new Map<number, number>()): GoldLabel[] {
  const byLabel = new Map(mapping.labels.map((l) => [l.label, l]));
  const suffix = mapping.adjectiveSuffix;
  const out: GoldLabel[] = [];
  const seen = new Set<string>();
  for (const l of raw) {
    const adjective = suffix !== undefined && l.r.endsWith(suffix);
    const m = byLabel.get(adjective ? l.r.slice(0, -suffix.length) : l.r);
    if (!m) continue;
    let [h, t] = m.reverse ? [l.t, l.h] : [l.h, l.t];
    if (adjective) t = countryOfDemonym.get(t) ?? t;
    const key = `${h}|${m.relation}|${t}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const label: GoldLabel = { h, t, relation: m.relation };
    if (m.targets) label.targets = m.targets;
    if (m.byTitle) label.byTitle = true;
    out.push(label);
  }
  return out;
}

interface DocRedDocument {
  title: string;
  sents: string[][];
  vertexSet: { pos: [number, number]; sent_id?: number; type: string }[][];
  labels: { r: string; h: number; t: number }[];
}

/** Read a corpus file: DWIE (DocRED layout, document-wide token positions), Re-DocRED, or CoNLL04 (SpERT JSON). */
export function readRelationCorpus(corpus: RelationCorpus, path: string): RelationCorpusData {
  const mapping = readMapping(corpus);
  const compatible = new Map<RelationType, Set<RelationType>>();
  for (const [gold, preds] of Object.entries(mapping.compatible ?? {})) compatible.set(gold as RelationType, new Set(preds));
  const documents: LabelledDocument[] = [];
  if (corpus === "conll04") {
    const data = readJson<{ tokens: string[]; entities: { type: string; start: number; end: number }[]; relations: { type: string; head: number; tail: number }[]; orig_id?: number }[]>(path, "CoNLL04 data");
    if (!Array.isArray(data) || !data.every((d) => Array.isArray(d.tokens) && Array.isArray(d.entities))) throw new NewsgraphError("INPUT_JSONL", `${path}: not a CoNLL04 (SpERT) array`, { file: path });
    data.forEach((d, k) => {
      const { text, spans } = joinTokens(d.tokens);
      documents.push({
        id: `conll04-${d.orig_id ?? k}`,
        text,
        mentions: d.entities.map((e, g) => ({ g, start: spans[e.start]![0], end: spans[e.end - 1]![1] })),
        goldTypes: d.entities.map((e) => e.type),
        countryOfDemonym: new Map(),
        labels: mapLabels(mapping, d.relations.map((r) => ({ r: r.type, h: r.head, t: r.tail }))),
      });
    });
  } else {
    const data = readJson<DocRedDocument[]>(path, `${corpus} data`);
    if (!Array.isArray(data) || !data.every((d) => Array.isArray(d.sents) && Array.isArray(d.vertexSet))) throw new NewsgraphError("INPUT_JSONL", `${path}: not a DocRED-layout array`, { file: path });
    for (const d of data) {
      const { text, spans } = joinTokens(d.sents.flat());
      // DWIE positions count over the whole document; DocRED's count within the mention's sentence.
      const offsets: number[] = [];
      let n = 0;
      for (const s of d.sents) {
        offsets.push(n);
        n += s.length;
      }
      const at = (m: { pos: [number, number]; sent_id?: number }, k: number) => (corpus === "redocred" ? offsets[m.sent_id ?? 0]! + m.pos[k]! : m.pos[k]!);
      const countryOfDemonym = new Map<number, number>();
      for (const l of d.labels) if (corpus === "dwie" && l.r === "gpe0") countryOfDemonym.set(l.h, l.t);
      documents.push({
        id: d.title,
        text,
        mentions: d.vertexSet.flatMap((ms, g) => ms.map((m) => ({ g, start: spans[at(m, 0)]![0], end: spans[at(m, 1) - 1]![1] }))),
        goldTypes: d.vertexSet.map((ms) => ms[0]?.type ?? ""),
        countryOfDemonym,
        labels: mapLabels(mapping, d.labels, countryOfDemonym),
      });
    }
  }
  const annotates = new Map<RelationType, Set<EntityType> | null>();
  for (const entry of mapping.annotates) {
    const [relation, target] = entry.split(":") as [RelationType, EntityType | undefined];
    if (!target) annotates.set(relation, null);
    else if (annotates.get(relation) !== null) annotates.set(relation, new Set([...(annotates.get(relation) ?? []), target]));
  }
  return { corpus, documents, annotates, compatible };
}

/** Whether the corpus labels a relation wherever it holds for a target of this type (else: positives only). */
export function isAnnotated(data: RelationCorpusData, relation: RelationType, targetType: EntityType): boolean {
  const targets = data.annotates.get(relation);
  return targets === null || (targets !== undefined && targets.has(targetType));
}

/** Our entity id → gold entity index, by the gold entity most of its mentions overlap. */
export function alignEntities(doc: LabelledDocument, entities: DocEntity[]): Map<string, number> {
  const goldOf = new Map<string, number>();
  const sorted = [...doc.mentions].sort((a, b) => a.start - b.start);
  for (const e of entities) {
    const votes = new Map<number, number>();
    for (const m of e.mentions) {
      for (const s of sorted) {
        if (s.start >= m.end) break;
        if (m.start < s.end) votes.set(s.g, (votes.get(s.g) ?? 0) + 1);
      }
    }
    const best = [...votes].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (best) goldOf.set(e.id, e.type === "country" ? (doc.countryOfDemonym.get(best[0]) ?? best[0]) : best[0]);
  }
  return goldOf;
}

/**
 * The gold relation types between two of our entities (source → target), given their alignment: each
 * mapped label between their gold entities whose target condition our target's type meets. `titleOf`
 * refines a "works for" label by the person's title (leader_of / official_of / works_for).
 */
export function goldTypesOf(labels: GoldLabel[], gs: number | undefined, gt: number | undefined, targetType: EntityType, refine: (label: GoldLabel) => RelationType): RelationType[] {
  if (gs === undefined || gt === undefined || gs === gt) return [];
  const out: RelationType[] = [];
  for (const l of labels) {
    if (l.h !== gs || l.t !== gt) continue;
    if (l.targets && !l.targets.includes(targetType)) continue;
    const relation = l.byTitle ? refine(l) : l.relation;
    if (!out.includes(relation)) out.push(relation);
  }
  return out;
}
