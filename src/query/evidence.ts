/**
 * Access to the evidence of an edge and to document dates. All queries read evidence through
 * `edgeEvidence`, so a sidecar with the full evidence per edge (graph.json keeps a capped number) only
 * needs to change this file.
 */
import { openEvidenceSidecar, type EvidenceSidecar } from "../graph/write.js";
import type { Evidence } from "../types.js";
import { compareStrings } from "./compare.js";
import { IndexedGraph } from "./indexed-graph.js";
import type { LoadedGraph } from "./load.js";

/** The evidence sidecar of each loaded graph folder, opened on first use. */
const sidecars = new WeakMap<LoadedGraph, EvidenceSidecar | null>();

/**
 * The evidence of an edge — the full list from the folder's evidence.jsonl when graph.json holds a capped
 * one — each item dated from its document when it carries no date itself.
 */
export function edgeEvidence(kg: LoadedGraph, edge: string): Evidence[] {
  let sidecar = sidecars.get(kg);
  if (sidecar === undefined) {
    const lines = kg.graph instanceof IndexedGraph ? kg.graph.evidenceLines() : undefined;
    sidecar = (kg.dir ? openEvidenceSidecar(kg.dir, lines) : undefined) ?? null;
    sidecars.set(kg, sidecar);
  }
  const evidence = sidecar?.get(edge) ?? kg.graph.getEdgeAttribute(edge, "evidence");
  return evidence.map((ev) => {
    const date = ev.date ?? kg.documents.get(ev.doc)?.date;
    return date === undefined || ev.date !== undefined ? ev : { ...ev, date };
  });
}

/**
 * What a query should warn about the folder's evidence sidecar once it has read it: its damaged lines
 * (cut short, not JSON), whose edges fell back to the evidence graph.json keeps. Undefined when none.
 */
export function evidenceDamage(kg: LoadedGraph): string | undefined {
  const sidecar = sidecars.get(kg);
  if (!sidecar || sidecar.damaged.length === 0) return undefined;
  const lines = [...new Set(sidecar.damaged)].sort((a, b) => a - b);
  const where = lines.length === 1 ? `${sidecar.path}:${lines[0]}: a damaged line` : `${sidecar.path}: ${lines.length} damaged lines (first ${lines[0]})`;
  return `${where} (cut short or not JSON); the edges on ${lines.length === 1 ? "it" : "them"} show only the evidence graph.json keeps (rebuild to repair)`;
}

/** The known dates of an edge: those of its evidence and of its documents, deduplicated and sorted. */
export function edgeDates(kg: LoadedGraph, edge: string): string[] {
  const dates = new Set<string>();
  for (const ev of edgeEvidence(kg, edge)) if (ev.date) dates.add(ev.date);
  for (const doc of kg.graph.getEdgeAttribute(edge, "docs")) {
    const date = kg.documents.get(doc)?.date;
    if (date) dates.add(date);
  }
  return [...dates].sort();
}

/** Order evidence newest document first; undated items last, then by document and offset. */
export function newestFirst(a: Evidence, b: Evidence): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? 1 : -1;
  }
  return compareStrings(a.doc, b.doc) || a.start - b.start;
}

/** Order evidence oldest document first; undated items last. */
export function oldestFirst(a: Evidence, b: Evidence): number {
  if (a.date !== b.date) {
    if (a.date === undefined) return 1;
    if (b.date === undefined) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return compareStrings(a.doc, b.doc) || a.start - b.start;
}

/** An evidence item with the title of its document, for display. */
export interface CitedEvidence extends Evidence {
  title?: string;
}

/** Add the document title (when documents.jsonl has one) to an evidence item. */
export function cite(kg: LoadedGraph, ev: Evidence): CitedEvidence {
  const title = kg.documents.get(ev.doc)?.title;
  return title === undefined ? ev : { ...ev, title };
}
