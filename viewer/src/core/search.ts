/**
 * Type-ahead search over entity labels and aliases. Names are folded (case, accents, punctuation) and a
 * match scores by how it matches: the whole name, the name's start, a word's start, or anywhere; ties go
 * to the better connected entity. "pu" finds "Jane Pullman" through a word start before "Kapur" inside.
 */
import { foldAccents } from "../../../src/nlp/normalize.js";
import type { EntityType, ViewerGraph } from "./model.js";
import { runSteps } from "./steps.js";

export interface SearchEntry {
  node: string;
  label: string;
  type: EntityType;
  /** Label then aliases, as written and folded; the label comes first. */
  names: { text: string; folded: string }[];
  /** Tie-breaker: larger first. */
  weight: number;
}

export interface SearchHit {
  node: string;
  label: string;
  type: EntityType;
  /** The alias that matched, when it was not the label. */
  via?: string;
  score: number;
}

export type SearchIndex = readonly SearchEntry[];

/** Lower case, without accents (the build's own folding: "Løkke" = "Lokke"), with runs of punctuation and spaces folded to one space. */
export function foldName(text: string): string {
  return foldAccents(text)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Entities indexed between two pauses of `searchIndexSteps`. */
const ENTITIES_PER_STEP = 1000;

export function buildSearchIndex(graph: ViewerGraph, weight: (node: string) => number): SearchIndex {
  return runSteps(searchIndexSteps(graph, weight));
}

/** The same, pausing (yielding) every thousand entities so that a caller can spread the work. */
export function* searchIndexSteps(graph: ViewerGraph, weight: (node: string) => number): Generator<void, SearchIndex, void> {
  const entries: SearchEntry[] = [];
  for (const { node, attributes: attrs } of graph.nodeEntries()) {
    if (entries.length % ENTITIES_PER_STEP === ENTITIES_PER_STEP - 1) yield;
    const seen = new Set<string>();
    const names: SearchEntry["names"] = [];
    for (const text of [attrs.label, ...attrs.aliases]) {
      const folded = foldName(text);
      if (folded === "" || seen.has(folded)) continue;
      seen.add(folded);
      names.push({ text, folded });
    }
    entries.push({ node, label: attrs.label, type: attrs.type, names, weight: weight(node) });
  }
  return entries;
}

function matchScore(name: string, query: string): number {
  if (name === query) return 4;
  if (name.startsWith(query)) return 3;
  if (name.includes(" " + query)) return 2;
  if (name.includes(query)) return 1;
  return 0;
}

/**
 * The best matches for a query, best first: by how well a name matches, then by connectedness (so that
 * an alias shared by several entities finds the prominent one), then label before alias.
 */
export function searchEntities(index: SearchIndex, query: string, limit: number): SearchHit[] {
  const q = foldName(query);
  if (q === "") return [];
  const found: { hit: SearchHit; weight: number; viaAlias: boolean }[] = [];
  for (const entry of index) {
    let best = 0;
    let bestName = -1;
    entry.names.forEach((name, i) => {
      const match = matchScore(name.folded, q);
      if (match > best) {
        best = match;
        bestName = i;
      }
    });
    if (bestName < 0) continue;
    const hit: SearchHit = { node: entry.node, label: entry.label, type: entry.type, score: best };
    if (bestName > 0) hit.via = entry.names[bestName]!.text;
    found.push({ hit, weight: entry.weight, viaAlias: bestName > 0 });
  }
  found.sort(
    (a, b) =>
      b.hit.score - a.hit.score ||
      b.weight - a.weight ||
      Number(a.viaAlias) - Number(b.viaAlias) ||
      a.hit.label.localeCompare(b.hit.label) ||
      (a.hit.node < b.hit.node ? -1 : 1),
  );
  return found.slice(0, limit).map((f) => f.hit);
}
