/**
 * Document-level inference, each step an id, a pure function of the document's decided relations and
 * analysis, and a reason on every edge it adds. An inferred edge is marked `inferred: true` and its
 * evidence is a real sentence of the document that names both sides (or, for the knowledge base's
 * placement, the sentence that names the place), never a made-up quote.
 */
import type { DocRelation } from "../../types.js";
import type { DocumentAnalysis } from "../index.js";
import type { Anchor } from "./candidates.js";

export interface InferenceStep {
  id: string;
  /** What the step concludes and from what. */
  reason: string;
  infer(a: DocumentAnalysis, anchors: Anchor[][], decided: DocRelation[]): DocRelation[];
}

/** The first sentence naming both entities, else (when `fallback`) the first naming the first one. */
function evidenceFor(a: DocumentAnalysis, anchors: Anchor[][], x: string, y: string, fallback: boolean) {
  const k = anchors.findIndex((list) => list.some((an) => an.id === x) && list.some((an) => an.id === y));
  if (k >= 0) return a.contexts[k]!.evidence;
  if (!fallback) return undefined;
  const j = anchors.findIndex((list) => list.some((an) => an.id === x));
  return j >= 0 ? a.contexts[j]!.evidence : undefined;
}

export const INFERENCE_STEPS: InferenceStep[] = [
  {
    id: "infer-office-citizen",
    reason: "a country's leader or official (asserted, current) is its citizen",
    infer(a, _anchors, decided) {
      const out: DocRelation[] = [];
      const countries = new Set(a.entities.filter((e) => e.type === "country").map((e) => e.id));
      for (const r of decided) {
        if (!countries.has(r.target) || (r.relation !== "leader_of" && r.relation !== "official_of") || r.negated || r.inferred || (r.modality ?? "asserted") !== "asserted") continue;
        const inferred: DocRelation = { source: r.source, target: r.target, relation: "citizen_of", negated: false, predicate: r.predicate, rule: "infer-office-citizen", evidence: r.evidence, modality: "asserted", inferred: true };
        if (r.confidence !== undefined) inferred.confidence = r.confidence;
        out.push(inferred);
      }
      return out;
    },
  },
  {
    id: "infer-title-country",
    reason: "a title without a country ('Chancellor X') takes the one country the document ties to that title",
    infer(a, anchors, decided) {
      const gaz = a.contexts[0]?.gaz;
      if (!gaz) return [];
      const countries = new Set(a.entities.filter((e) => e.type === "country").map((e) => e.id));
      const isOffice = (r: DocRelation) => (r.relation === "leader_of" || r.relation === "official_of") && !r.negated && countries.has(r.target);
      // The countries each title is tied to, and the people already tied to a country by a title.
      const tied = new Map<string, Set<string>>();
      const placed = new Set<string>();
      for (const r of decided) {
        if (!isOffice(r)) continue;
        placed.add(r.source);
        const title = r.predicate.toLowerCase();
        if (!gaz.titles.has(title)) continue;
        tied.set(title, (tied.get(title) ?? new Set<string>()).add(r.target));
      }
      const out: DocRelation[] = [];
      for (const e of a.entities) {
        if (e.type !== "person" || placed.has(e.id)) continue;
        for (const role of e.roles ?? []) {
          const title = role.toLowerCase();
          const relation = gaz.titles.get(title);
          const only = tied.get(title);
          if ((relation !== "leader_of" && relation !== "official_of") || !only || only.size !== 1) continue;
          const country = [...only][0]!;
          const evidence = evidenceFor(a, anchors, e.id, country, true);
          if (evidence) out.push({ source: e.id, target: country, relation, negated: false, predicate: role, rule: "infer-title-country", evidence, modality: "asserted", inferred: true });
          break;
        }
      }
      return out;
    },
  },
  {
    id: "gazetteer-home-country",
    reason: "a place or organization the gazetteer puts in a country the document names is located in it",
    infer(a, anchors) {
      const out: DocRelation[] = [];
      for (const [id, home] of a.homes) {
        const evidence = evidenceFor(a, anchors, id, home.country, true);
        if (evidence) out.push({ source: id, target: home.country, relation: "located_in", negated: false, predicate: "", rule: home.rule, evidence, modality: "asserted", inferred: true });
      }
      return out;
    },
  },
];
