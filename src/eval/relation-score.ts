/**
 * Pair-level relation scoring against a labelled corpus. A gold unit is an ordered pair of gold entities
 * with the set of our relation types its labels map to (DWIE labels hierarchies: a head of state is also
 * a citizen); it is found when a predicted edge of one of those types (or a type the corpus map declares
 * compatible) links it. A predicted edge is a true positive when it finds a gold pair, else a false
 * positive (also when an endpoint matches no gold entity). Tallied at a list of confidence thresholds at
 * once, for the precision–recall table; edges without a confidence count at every threshold.
 */
import { SYMMETRIC_RELATIONS, type RelationType } from "../types.js";
import { score, type Score } from "./gold.js";

export interface ScoredEdge {
  /** Gold entity index or an unaligned marker of the source and target. */
  h: string;
  t: string;
  relation: RelationType;
  confidence?: number;
}

interface Counts {
  tp: number;
  fp: number;
  found: number;
  gold: number;
}

export interface RelationScores {
  relations: Score;
  byRelation: Partial<Record<RelationType, Score>>;
  /** Precision, recall and F1 over minimum confidences. */
  thresholds: { minConfidence: number; p: number; r: number; f1: number }[];
}

/** The rows of the precision–recall table (the build's extraction keeps edges from 0.1 up). */
export const THRESHOLDS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

export class RelationTally {
  private readonly at: Counts[];
  private readonly thresholds: number[];
  private readonly perType = new Map<RelationType, Counts>();

  constructor(
    private readonly compatible: Map<RelationType, Set<RelationType>>,
    /** The threshold whose figures are the headline and the per-type table. */
    private readonly minConfidence: number,
    thresholds: number[] = THRESHOLDS,
  ) {
    this.thresholds = [...new Set([...thresholds, minConfidence])].sort((a, b) => a - b);
    this.at = this.thresholds.map(() => ({ tp: 0, fp: 0, found: 0, gold: 0 }));
  }

  private fits(goldTypes: Set<RelationType> | undefined, relation: RelationType): boolean {
    if (!goldTypes) return false;
    for (const g of goldTypes) if (g === relation || this.compatible.get(g)?.has(relation)) return true;
    return false;
  }

  private type(relation: RelationType): Counts {
    let c = this.perType.get(relation);
    if (!c) this.perType.set(relation, (c = { tp: 0, fp: 0, found: 0, gold: 0 }));
    return c;
  }

  /** One document: its gold pairs ("h|t" → types) and its predicted edges (deduplicated here). */
  add(gold: Map<string, Set<RelationType>>, edges: ScoredEdge[]): void {
    const best = new Map<string, ScoredEdge>();
    for (const e of edges) {
      const key = `${e.h}|${e.relation}|${e.t}`;
      const seen = best.get(key);
      if (!seen || (seen.confidence !== undefined && (e.confidence === undefined || e.confidence > seen.confidence))) best.set(key, e);
    }
    const judged = [...best.values()].map((e) => {
      const pair = this.fits(gold.get(`${e.h}|${e.t}`), e.relation) ? `${e.h}|${e.t}` : SYMMETRIC_RELATIONS.has(e.relation) && this.fits(gold.get(`${e.t}|${e.h}`), e.relation) ? `${e.t}|${e.h}` : undefined;
      return { e, pair, conf: e.confidence ?? Infinity };
    });
    this.thresholds.forEach((tau, k) => {
      const counts = this.at[k]!;
      const found = new Set<string>();
      for (const { pair, conf } of judged) {
        if (conf < tau) continue;
        if (pair) {
          counts.tp++;
          found.add(pair);
        } else counts.fp++;
      }
      counts.found += found.size;
      counts.gold += gold.size;
    });
    // Per type, at the headline threshold.
    const found = new Set<string>();
    for (const { e, pair, conf } of judged) {
      if (conf < this.minConfidence) continue;
      const c = this.type(e.relation);
      if (pair) {
        c.tp++;
        found.add(pair);
      } else c.fp++;
    }
    for (const [pair, types] of gold) {
      for (const t of types) {
        const c = this.type(t);
        c.gold++;
        if (found.has(pair)) c.found++;
      }
    }
  }

  result(): RelationScores {
    const pr = (c: Counts): Score => {
      const s = score(c.tp, c.fp, c.gold - c.found);
      const r = c.gold === 0 ? 0 : c.found / c.gold;
      const f1 = s.p + r === 0 ? 0 : (2 * s.p * r) / (s.p + r);
      return { ...s, r, f1 };
    };
    const headline = pr(this.at[this.thresholds.indexOf(this.minConfidence)]!);
    const byRelation: Partial<Record<RelationType, Score>> = {};
    for (const [rel, c] of [...this.perType].sort((a, b) => a[0].localeCompare(b[0]))) byRelation[rel] = pr(c);
    return {
      relations: headline,
      byRelation,
      thresholds: this.thresholds.map((minConfidence, i) => {
        const s = pr(this.at[i]!);
        return { minConfidence, p: s.p, r: s.r, f1: s.f1 };
      }),
    };
  }
}
