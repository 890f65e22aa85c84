/**
 * The relation decision of a document. The classifier scores every candidate pair (the rules' outputs are
 * among its features) and an edge is kept at or above the minimum confidence. A rule edge of a type the
 * dev data measures carries the rule's dev precision as its confidence and is kept by the same bar (a
 * rule whose precision reached the override level, 0.9, passes every default bar). Types no dev data
 * labels stay with the rules, without a confidence. Every edge gets claim qualities from the tree (negation,
 * modality); then document-level inference adds its edges, also by their dev precision.
 */
import type { DocRelation, EntityType, RelationType } from "../../types.js";
import { SYMMETRIC_RELATIONS } from "../../types.js";
import type { DocumentAnalysis } from "../index.js";
import { fitsSignature, type Lexicon } from "../lexicon.js";
import type { Anchor } from "./candidates.js";
import { INFERENCE_STEPS } from "./inference.js";
import { claimQualities, modalityOf } from "./modality.js";
import { documentAnchors, documentPairs } from "./pairs.js";
import type { RelationModel } from "./relation-model.js";

const MAX_PREDICATE_WORDS = 6;
/** The lowest confidence a build's extraction keeps (the build then applies its minimum; no default is lower). */
export const CANDIDATE_FLOOR = 0.2;

/** Whether any of the classes admits a (source, target) type pair, memoized per pair of types. */
export function classFits(lex: Lexicon, classes: readonly RelationType[]): (source: EntityType, target: EntityType) => boolean {
  const memo = new Map<string, boolean>();
  return (source, target) => {
    const key = `${source}>${target}`;
    let fit = memo.get(key);
    if (fit === undefined) memo.set(key, (fit = classes.some((c) => fitsSignature(lex, c, source, target))));
    return fit;
  };
}

/** The entity a speaker token names, when it is neither side of the claim. */
function speakerOf(list: Anchor[], token: number | undefined, source: string, target: string): string | undefined {
  if (token === undefined) return undefined;
  const a = list.find((x) => x.tokStart <= token && token < x.tokEnd);
  return a && a.id !== source && a.id !== target ? a.id : undefined;
}

/** The closest mentions of two entities in a sentence's anchors. */
function closestPair(list: Anchor[], s: string, t: string): [Anchor, Anchor] | undefined {
  let best: [Anchor, Anchor] | undefined;
  let gap = Infinity;
  for (const a of list) {
    if (a.id !== s) continue;
    for (const b of list) {
      if (b.id !== t) continue;
      const d = Math.abs(a.tokStart - b.tokStart);
      if (d < gap) [best, gap] = [[a, b], d];
    }
  }
  return best;
}

/**
 * Which relations reach the minimum confidence: `minConfidence` for every type, else the model's own for
 * each type (chosen on dev data). Relations without a confidence (types no dev data scores, negated
 * claims) always do.
 */
export function confidenceFilter(model: RelationModel | { thresholdOf(relation: RelationType): number } | null, minConfidence?: number): (r: DocRelation) => boolean {
  return (r) => r.confidence === undefined || r.confidence >= (minConfidence ?? model?.thresholdOf(r.relation) ?? 0);
}

/** The relations of an analysed document that reach the minimum confidence (see `confidenceFilter`). */
export function decideRelations(a: DocumentAnalysis, lex: Lexicon, model: RelationModel | null, minConfidence?: number): DocRelation[] {
  return proposeRelations(a, lex, model).filter(confidenceFilter(model, minConfidence));
}

/**
 * The relations kept so far, by what they claim (source, relation, target, negation, modality, sentence;
 * a symmetric relation either way round): a claim read twice is kept once, at its surest confidence.
 */
class KeptRelations {
  private readonly byClaim = new Map<string, DocRelation>();

  keep(r: DocRelation): void {
    const key = `${r.source}|${r.relation}|${r.target}|${r.negated}|${r.modality}|${r.evidence.start}`;
    const seen = this.byClaim.get(key) ?? (SYMMETRIC_RELATIONS.has(r.relation) ? this.byClaim.get(`${r.target}|${r.relation}|${r.source}|${r.negated}|${r.modality}|${r.evidence.start}`) : undefined);
    if (!seen) this.byClaim.set(key, r);
    // A surer reading raises a measured edge; an unmeasured one (no confidence) stays unmeasured.
    else if (seen.confidence !== undefined && r.confidence !== undefined && r.confidence > seen.confidence) seen.confidence = r.confidence;
  }

  list(): DocRelation[] {
    return [...this.byClaim.values()];
  }
}

// The steps of `proposeRelations` are functions of their own: V8 optimizes each on its own, and one that
// meets a new shape is recompiled alone, not the whole decision with the pairs' features inlined into it.

/** The rules' edges, with claim qualities from the tree; a rule of a trained type stands on its dev precision. */
function keepRuleEdges(a: DocumentAnalysis, model: RelationModel | null, anchors: Anchor[][], floor: number, kept: KeptRelations): void {
  const sentenceAt = new Map(a.contexts.map((ctx, k) => [ctx.evidence.start, k]));
  for (const r of a.ruleRelations) {
    if (r.relation === "co_occurs") {
      kept.keep(r);
      continue;
    }
    const measured = model?.rulePrecision.get(`${r.rule}|${r.relation}`);
    // A rule of a trained type stands on its dev precision, as a classified edge on its confidence.
    // (Negated claims stay with the rules: no dev data labels negation.)
    if (measured && !r.negated && measured.precision < floor) continue;
    const k = sentenceAt.get(r.evidence.start);
    const pair = k === undefined ? undefined : closestPair(anchors[k]!, r.source, r.target);
    const q = pair ? claimQualities(a.contexts[k!]!, pair[0], pair[1]) : { negated: false, possible: false, former: false };
    const out: DocRelation = { ...r, negated: r.negated || q.negated, modality: modalityOf(q, r.relation) };
    const speaker = pair ? speakerOf(anchors[k!]!, (q as { speaker?: number }).speaker, r.source, r.target) : undefined;
    if (speaker) out.attributedTo = speaker;
    // (A negated claim's confidence is not measured: no dev data labels negation.)
    if (measured && !out.negated) out.confidence = measured.precision;
    kept.keep(out);
  }
}

/** The classifier's edges: every candidate pair scored, each class from the floor up that fits the pair's types. */
function keepClassifiedEdges(a: DocumentAnalysis, lex: Lexicon, model: RelationModel, anchors: Anchor[][], floor: number, explain: boolean, kept: KeptRelations): void {
  const fits = classFits(lex, model.classes);
  for (const { sentence, ctx, candidate, features } of documentPairs(a, fits, anchors)) {
    const { source, target } = candidate;
    const scores = model.score(features);
    let q: ReturnType<typeof claimQualities> | undefined;
    for (let c = 0; c < model.classes.length; c++) {
      const relation = model.classes[c]!;
      const confidence = scores.confidence[c]!;
      if (confidence < floor || !fitsSignature(lex, relation, source.type, target.type)) continue;
      q ??= claimQualities(ctx, source, target);
      const [first, last] = source.tokStart < target.tokStart ? [source, target] : [target, source];
      const between = ctx.words.slice(first.tokEnd, last.tokStart);
      const speaker = speakerOf(anchors[sentence]!, q.speaker, source.id, target.id);
      kept.keep({
        ...(speaker ? { attributedTo: speaker } : {}),
        source: source.id,
        target: target.id,
        relation,
        negated: q.negated,
        predicate: between.length <= MAX_PREDICATE_WORDS ? between.join(" ") : "",
        rule: "classifier",
        evidence: ctx.evidence,
        confidence: Math.round(confidence * 1000) / 1000,
        modality: modalityOf(q, relation),
        ...(explain ? { features: scores.top(c) } : {}),
      });
    }
  }
}

/** Document-level inference over the edges decided so far: an inference is as sure as its rule on dev data, and no surer than the edge it starts from. */
function keepInferredEdges(a: DocumentAnalysis, model: RelationModel | null, anchors: Anchor[][], floor: number, kept: KeptRelations): void {
  const decided = kept.list();
  for (const step of INFERENCE_STEPS) {
    for (const r of step.infer(a, anchors, decided)) {
      const measured = model?.rulePrecision.get(`${r.rule}|${r.relation}`);
      if (measured) r.confidence = Math.min(measured.precision, r.confidence ?? 1);
      if (measured && r.confidence! < floor) continue;
      kept.keep(r);
    }
  }
}

/**
 * Every relation of an analysed document from the candidate floor up, with its confidence: what a build
 * caches, so that any minimum confidence can be applied afterwards with the same result as deciding
 * with it. `explain: false` leaves out the classifier's top features (the build does not keep them).
 */
export function proposeRelations(a: DocumentAnalysis, lex: Lexicon, model: RelationModel | null, options: { explain?: boolean } = {}): DocRelation[] {
  const floor = model ? CANDIDATE_FLOOR : 0;
  const anchors = documentAnchors(a);
  const kept = new KeptRelations();
  keepRuleEdges(a, model, anchors, floor, kept);
  if (model) keepClassifiedEdges(a, lex, model, anchors, floor, options.explain ?? true, kept);
  keepInferredEdges(a, model, anchors, floor, kept);
  return kept.list();
}
