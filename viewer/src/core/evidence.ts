/**
 * Order and completeness of an edge's evidence. graph.json may keep only the first sentences of an edge
 * (the build's cap); the edge's `weight` still counts them all, and the rest live in the graph folder's
 * evidence.jsonl. Evidence is listed oldest first, undated last, then by document and position.
 */
import type { EdgeAttributes, Evidence } from "./model.js";

export function compareEvidence(a: Evidence, b: Evidence): number {
  return (a.date ?? "9999").localeCompare(b.date ?? "9999") || a.doc.localeCompare(b.doc) || a.start - b.start;
}

export function sortedEvidence(evidence: readonly Evidence[]): Evidence[] {
  return [...evidence].sort(compareEvidence);
}

/** graph.json holds fewer sentences than support the edge. */
export function evidenceCapped(attrs: EdgeAttributes): boolean {
  return attrs.weight > attrs.evidence.length;
}
