/**
 * The relation decision of a document. The classifier scores every candidate pair (the rules' outputs are
 * among its features) and an edge is kept at or above the minimum confidence. A rule edge of a type the
 * dev data measures carries the rule's dev precision as its confidence and is kept by the same bar; a rule
 * whose precision reached the override level (0.9) is kept whatever the bar. Types no dev data labels stay
 * with the rules, without a confidence. Every edge gets claim qualities from the tree (negation,
 * modality); then document-level inference adds its edges, also by their dev precision.
 */
import type { DocRelation, RelationType } from "../../types.js";
import { SYMMETRIC_RELATIONS } from "../../types.js";
import type { DocumentAnalysis } from "../index.js";
import { fitsSignature, type Lexicon } from "../lexicon.js";
import type { Anchor } from "./candidates.js";
import { INFERENCE_STEPS } from "./inference.js";
import { claimQualities, modalityOf } from "./modality.js";
import { documentAnchors, documentPairs } from "./pairs.js";
import type { RelationModel } from "./relation-model.js";

const MAX_PREDICATE_WORDS = 6;

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
 * The relations of an analysed document. `minConfidence` replaces the model's per-type minimum
 * confidences (chosen on dev data) by one bar for every type.
 */
export function decideRelations(a: DocumentAnalysis, lex: Lexicon, model: RelationModel | null, minConfidence?: number): DocRelation[] {
  const bar = (relation: RelationType) => minConfidence ?? model?.thresholdOf(relation) ?? 0;
  const anchors = documentAnchors(a);
  const sentenceAt = new Map(a.contexts.map((ctx, k) => [ctx.sentence.start, k]));
  const kept = new Map<string, DocRelation>();
  const keep = (r: DocRelation) => {
    const key = `${r.source}|${r.relation}|${r.target}|${r.negated}|${r.modality}|${r.evidence.start}`;
    const mirror = `${r.target}|${r.relation}|${r.source}|${r.negated}|${r.modality}|${r.evidence.start}`;
    const seen = kept.get(key) ?? (SYMMETRIC_RELATIONS.has(r.relation) ? kept.get(mirror) : undefined);
    if (!seen) kept.set(key, r);
    else if ((r.confidence ?? 0) > (seen.confidence ?? 0)) seen.confidence = r.confidence;
  };

  for (const r of a.ruleRelations) {
    if (r.relation === "co_occurs") {
      keep(r);
      continue;
    }
    const measured = model?.rulePrecision.get(`${r.rule}|${r.relation}`);
    // A rule of a trained type stands on its dev precision, as a classified edge on its confidence.
    // (Negated claims stay with the rules: no dev data labels negation.)
    if (measured && !r.negated && measured.precision < bar(r.relation) && !model!.overrides.has(`${r.rule}|${r.relation}`)) continue;
    const k = sentenceAt.get(r.evidence.start);
    const pair = k === undefined ? undefined : closestPair(anchors[k]!, r.source, r.target);
    const q = pair ? claimQualities(a.contexts[k!]!, pair[0], pair[1]) : { negated: false, possible: false, former: false };
    const out: DocRelation = { ...r, negated: r.negated || q.negated, modality: modalityOf(q, r.relation) };
    if (measured) out.confidence = measured.precision;
    keep(out);
  }

  if (model) {
    for (const { ctx, candidate, features } of documentPairs(a, anchors)) {
      const { source, target } = candidate;
      const scores = model.score(features);
      let q: ReturnType<typeof claimQualities> | undefined;
      model.classes.forEach((relation, c) => {
        const confidence = scores.confidence[c]!;
        if (confidence < bar(relation) || !fitsSignature(lex, relation, source.type, target.type)) return;
        q ??= claimQualities(ctx, source, target);
        const [first, last] = source.tokStart < target.tokStart ? [source, target] : [target, source];
        const between = ctx.words.slice(first.tokEnd, last.tokStart);
        keep({
          source: source.id,
          target: target.id,
          relation,
          negated: q.negated,
          predicate: between.length <= MAX_PREDICATE_WORDS ? between.join(" ") : "",
          rule: "classifier",
          evidence: ctx.evidence,
          confidence: Math.round(confidence * 1000) / 1000,
          modality: modalityOf(q, relation),
          features: scores.top(c),
        });
      });
    }
  }

  const decided = [...kept.values()];
  for (const step of INFERENCE_STEPS) {
    for (const r of step.infer(a, anchors, decided)) {
      const measured = model?.rulePrecision.get(`${r.rule}|${r.relation}`);
      if (measured) r.confidence = measured.precision;
      if (measured && measured.precision < bar(r.relation) && !model!.overrides.has(`${r.rule}|${r.relation}`)) continue;
      keep(r);
    }
  }
  return [...kept.values()];
}
