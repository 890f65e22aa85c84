/**
 * Scores an Extractor on a labelled relation corpus (DWIE, CoNLL04, Re-DocRED): each document's text is
 * extracted, its entities aligned to the gold entities by overlapping mentions, and its relations scored
 * pair by pair (relation-score.ts) on the types the corpus annotates: as the build keeps them (the
 * model's per-type minimum confidences, or one bar given), and over a range of minimum confidences. Negated edges and possibilities are not facts and are not scored. Entities are scored
 * too, two ways: by mentions (a gold person, organization, location or event is found when one of our
 * entities overlaps its mentions; an entity of ours that overlaps no gold mention is a false positive),
 * and by name as a reader of the graph sees it (a node is right when its label or an alias is the text of
 * one of the gold entity's mentions; a node matching no gold entity counts against precision).
 */
import { sha256 } from "../corpus/read.js";
import type { Extractor } from "../extract/extractor.js";
import { lookupName, type Gazetteer } from "../extract/gazetteer.js";
import { analyzeDocument } from "../extract/index.js";
import { confidenceFilter, proposeRelations } from "../extract/relations/decide.js";
import { nameKey } from "../nlp/normalize.js";
import type { DocEntity, DocRelation, EntityType, RelationType } from "../types.js";
import { score, type Score } from "./gold.js";
import { alignEntities, isAnnotated, readRelationCorpus, type LabelledDocument, type RelationCorpus } from "./relation-corpora.js";
import { RelationTally, THRESHOLDS, type RelationScores, type ScoredEdge } from "./relation-score.js";

export interface RelationEvalReport extends RelationScores {
  corpus: RelationCorpus;
  documents: number;
  /** The one bar of the headline figures, or "model" for the model's per-type defaults. */
  minConfidence: number | "model";
  entities: Score;
  /** Entities as nodes: matched to gold entities by label or alias. */
  entitiesByName: Score;
}

const SCORED_ENTITY_TYPES = new Set(["type::person", "type::organization", "type::location", "type::event", "Peop", "Org", "Loc", "PER", "ORG", "LOC"]);

export interface RelationEvalOptions {
  limit?: number;
  /** One bar for the headline figures; defaults to the model's per-type minimum confidences (chosen on dev). */
  minConfidence?: number;
}

/** Gold pairs of a document ("h|t" → our types), given the types of our aligned entities. */
export function goldPairs(doc: LabelledDocument, typeOfGold: (g: number) => EntityType | undefined): Map<string, Set<RelationType>> {
  const out = new Map<string, Set<RelationType>>();
  for (const l of doc.labels) {
    if (l.h === l.t) continue;
    if (l.targets) {
      const type = typeOfGold(l.t);
      if (!type || !l.targets.includes(type)) continue;
    }
    const key = `${l.h}|${l.t}`;
    const set = out.get(key) ?? new Set<RelationType>();
    set.add(l.relation);
    out.set(key, set);
  }
  return out;
}

/** Our type of a gold entity: that of the entity aligned to it, else what the gazetteer says of its name. */
export function goldTyper(extractor: Extractor, doc: LabelledDocument, entities: { id: string; type: EntityType }[], goldOf: Map<string, number>): (g: number) => EntityType | undefined {
  const ours = new Map<number, EntityType>();
  for (const e of entities) {
    const g = goldOf.get(e.id);
    if (g !== undefined && !ours.has(g)) ours.set(g, e.type);
  }
  return (g) => {
    const t = ours.get(g);
    if (t) return t;
    const m = doc.mentions.find((x) => x.g === g);
    return m ? lookupName(extractor.gazetteer, doc.text.slice(m.start, m.end))?.type : undefined;
  };
}

export function evalRelations(extractor: Extractor, corpus: RelationCorpus, path: string, options: RelationEvalOptions = {}): RelationEvalReport {
  const data = readRelationCorpus(corpus, path);
  const docs = data.documents.slice(0, options.limit ?? Infinity);
  const headline = new RelationTally(data.compatible, 0, [0]);
  const curve = new RelationTally(data.compatible, THRESHOLDS[0]!);
  let eTp = 0, eFp = 0, eFn = 0;
  let nTp = 0, nFp = 0, nFn = 0;
  for (const doc of docs) {
    const analysis = analyzeDocument(extractor, { id: doc.id, path, sha256: sha256(doc.text), text: doc.text });
    // Deciding is proposing and then keeping what reaches the bar: the proposals serve both tallies.
    const all = proposeRelations(analysis, extractor.lexicon, extractor.relations);
    const decided = all.filter(confidenceFilter(extractor.relations, options.minConfidence));
    const goldOf = alignEntities(doc, analysis.entities);
    const found = new Set(goldOf.values());
    for (const e of analysis.entities) if (!goldOf.has(e.id)) eFp++;
    doc.goldTypes.forEach((type, g) => {
      if (!SCORED_ENTITY_TYPES.has(type)) return;
      if (found.has(g)) eTp++;
      else eFn++;
    });
    const byName = matchByName(extractor.gazetteer, doc, analysis.entities.filter((e) => !e.description));
    nFp += byName.unmatched;
    doc.goldTypes.forEach((type, g) => {
      if (!SCORED_ENTITY_TYPES.has(type)) return;
      if (byName.found.has(g)) nTp++;
      else nFn++;
    });
    const gold = goldPairs(doc, goldTyper(extractor, doc, analysis.entities, goldOf));
    const typeOf = new Map(analysis.entities.map((e) => [e.id, e.type]));
    const scored = (relations: DocRelation[]): ScoredEdge[] =>
      relations
        .filter((r) => !r.negated && r.modality !== "possible" && r.relation !== "co_occurs")
        // An edge the corpus would not label is scored only when it finds a gold pair.
        .filter((r) => isAnnotated(data, r.relation, typeOf.get(r.target)!) || gold.get(`${goldOf.get(r.source)}|${goldOf.get(r.target)}`)?.has(r.relation))
        .map((r) => {
          const e: ScoredEdge = { h: String(goldOf.get(r.source) ?? `p${r.source}`), t: String(goldOf.get(r.target) ?? `p${r.target}`), relation: r.relation };
          if (r.confidence !== undefined) e.confidence = r.confidence;
          return e;
        });
    headline.add(gold, scored(decided).map(({ confidence: _c, ...e }) => e));
    curve.add(gold, scored(all));
  }
  const { relations, byRelation } = headline.result();
  return { corpus, documents: docs.length, minConfidence: options.minConfidence ?? "model", entities: score(eTp, eFp, eFn), entitiesByName: score(nTp, nFp, nFn), relations, byRelation, thresholds: curve.result().thresholds };
}

/**
 * Our entities matched to gold entities by label or alias: name keys equal to a gold mention's text, or
 * for a country, to one of its demonyms the gold names it by.
 */
function matchByName(gaz: Gazetteer, doc: LabelledDocument, entities: readonly DocEntity[]): { found: Set<number>; unmatched: number } {
  const goldByKey = new Map<string, Set<number>>();
  const add = (key: string, g: number) => goldByKey.set(key, (goldByKey.get(key) ?? new Set<number>()).add(g));
  for (const m of doc.mentions) {
    const surface = doc.text.slice(m.start, m.end);
    add(nameKey(surface), m.g);
    // A country the document names only by its demonym ("German") is that country.
    const country = gaz.demonyms.get(surface.toLowerCase());
    if (country) add(nameKey(country), m.g);
  }
  const found = new Set<number>();
  let unmatched = 0;
  for (const e of entities) {
    const hits = [e.name, ...e.aliases].flatMap((n) => [...(goldByKey.get(nameKey(n)) ?? [])]);
    if (hits.length === 0) unmatched++;
    for (const g of hits) found.add(doc.countryOfDemonym.get(g) ?? g);
  }
  return { found, unmatched };
}
