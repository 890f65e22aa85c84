/**
 * Order and completeness of an edge's evidence. graph.json may keep only the first sentences of an edge
 * (the build's cap); the edge's `weight` still counts them all, and the rest live in the graph folder's
 * evidence.jsonl. Evidence is listed newest first, undated last, then by document and position; the same
 * sentence carried by near-duplicate stories is one item that says in how many other stories it is.
 */
import type { EdgeAttributes, Evidence } from "./model.js";

export function compareEvidence(a: Evidence, b: Evidence): number {
  return (b.date ?? "").localeCompare(a.date ?? "") || a.doc.localeCompare(b.doc) || a.start - b.start;
}

export function sortedEvidence(evidence: readonly Evidence[]): Evidence[] {
  return [...evidence].sort(compareEvidence);
}

/** One evidence item as listed: a sentence, and how many other stories carry the same sentence. */
export interface EvidenceItem {
  evidence: Evidence;
  alsoIn: number;
}

/** What makes two sentences the same: case, spacing and quote marks do not. */
function sentenceKey(sentence: string): string {
  return sentence.toLowerCase().replace(/[“”„«»]/g, '"').replace(/[’‘`]/g, "'").replace(/\s+/g, " ").trim();
}

/** Evidence in order with repeats of one sentence collapsed into its first (newest) item. */
export function collapseEvidence(evidence: readonly Evidence[]): EvidenceItem[] {
  const items = new Map<string, { evidence: Evidence; docs: Set<string> }>();
  for (const ev of sortedEvidence(evidence)) {
    const key = sentenceKey(ev.sentence);
    const item = items.get(key);
    if (item) item.docs.add(ev.doc);
    else items.set(key, { evidence: ev, docs: new Set([ev.doc]) });
  }
  return [...items.values()].map(({ evidence: ev, docs }) => ({ evidence: ev, alsoIn: docs.size - 1 }));
}

/** graph.json holds fewer sentences than support the edge. */
export function evidenceCapped(attrs: EdgeAttributes): boolean {
  return attrs.weight > attrs.evidence.length;
}
