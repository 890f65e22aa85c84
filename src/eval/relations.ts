/**
 * Scores an Extractor on a labelled relation corpus (DWIE, CoNLL04, Re-DocRED): each document's text is
 * extracted, its entities aligned to the gold entities by overlapping mentions, and its relations scored
 * pair by pair (relation-score.ts) on the types the corpus annotates: as the build keeps them (the
 * model's per-type minimum confidences, or one bar given), and over a range of minimum confidences. Negated edges and possibilities are not facts and are not scored. Entities are scored
 * too: a gold person, organization or location is found when one of our entities overlaps its mentions;
 * an entity of ours that overlaps no gold mention is a false positive.
 */
import { sha256 } from "../corpus/read.js";
import type { Extractor } from "../extract/extractor.js";
import { lookupName } from "../extract/gazetteer.js";
import { analyzeDocument } from "../extract/index.js";
import { confidenceFilter, proposeRelations } from "../extract/relations/decide.js";
import type { DocRelation, EntityType, RelationType } from "../types.js";
import { score, type Score } from "./gold.js";
import { alignEntities, isAnnotated, readRelationCorpus, type LabelledDocument, type RelationCorpus } from "./relation-corpora.js";
import { RelationTally, THRESHOLDS, type RelationScores, type ScoredEdge } from "./relation-score.js";

export interface RelationEvalReport extends RelationScores {
  corpus: RelationCorpus;
  documents: number;
  /** The one bar of the headline figures, or "model" for the model's per-type defaults. */
  minConfidence: number | "model";
  entities: Score;
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
  return { corpus, documents: docs.length, minConfidence: options.minConfidence ?? "model", entities: score(eTp, eFp, eFn), relations, byRelation, thresholds: curve.result().thresholds };
}
