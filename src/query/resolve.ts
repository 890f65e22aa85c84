/**
 * Name resolution and fuzzy search over entity labels and aliases. A typed name is compared with every
 * entity's label and aliases after normalization (case, accents, punctuation) and matched by the best
 * kind that applies: exact label > exact alias > prefix (every typed word starts a word of the name) >
 * substring > fuzzy (a few typos).
 * Resolution takes the unique entity of the best kind and otherwise fails with the closest candidates.
 */
import { NewsgraphError } from "../errors.js";
import type { EntityType } from "../types.js";
import type { EntityRef } from "./edge-view.js";
import { compareStrings } from "./compare.js";
import { editDistance, nameTokens, normalizeName, typoBudget } from "./fuzzy.js";
import type { LoadedGraph } from "./load.js";
import { checkTypes } from "./check.js";

/** How a name matched, best first. */
export const MATCH_KINDS = ["exact", "alias", "prefix", "substring", "fuzzy"] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

export interface EntityMatch extends EntityRef {
  /** The label or alias that matched. */
  matched: string;
  kind: MatchKind;
  /** Edit distance for fuzzy matches, 0 otherwise. */
  distance: number;
  mentions: number;
}

export interface SearchOptions {
  /** Most results returned; 0 for all. */
  limit?: number;
  /** Only entities of these types. */
  types?: EntityType[];
}

export const SEARCH_DEFAULTS: Required<SearchOptions> = { limit: 20, types: [] };

/** Entities whose label or an alias matches `text`, best match first. */
export function searchEntities(kg: LoadedGraph, text: string, options: SearchOptions = {}): EntityMatch[] {
  const { limit, types } = { ...SEARCH_DEFAULTS, ...options };
  checkTypes(types);
  const query = normalizeName(text);
  if (!query) return [];
  const matches: EntityMatch[] = [];
  kg.graph.forEachNode((key, attrs) => {
    if (types.length > 0 && !types.includes(attrs.type)) return;
    const best = bestMatch(query, [attrs.label, ...attrs.aliases]);
    if (best) matches.push({ key, label: attrs.label, type: attrs.type, mentions: attrs.mentions ?? 0, ...best });
  });
  matches.sort(compareMatches);
  return limit > 0 ? matches.slice(0, limit) : matches;
}

/**
 * The node key an entity name stands for. A node key (`person:jane-doe`) is accepted as is. Throws
 * ENTITY_UNKNOWN or ENTITY_AMBIGUOUS with a one-line message listing the closest candidates.
 */
export function resolveEntity(kg: LoadedGraph, name: string): string {
  const text = name.trim();
  if (!text) throw new NewsgraphError("BAD_ARGUMENT", "an entity name is required");
  if (kg.graph.hasNode(text)) return text;
  const matches = searchEntities(kg, text, { limit: 0 });
  const first = matches[0];
  if (first === undefined) {
    const closest = closestEntities(kg, text, 3);
    const hint = closest.length > 0 ? `; closest: ${closest.map(describe).join(", ")}` : " (no similar names in the graph)";
    throw new NewsgraphError("ENTITY_UNKNOWN", `unknown entity "${text}"${hint}`, { name: text, candidates: closest });
  }
  const tied = matches.filter((m) => m.kind === first.kind && m.distance === first.distance);
  if (tied.length === 1) return first.key;
  const shown = tied.slice(0, 5);
  const more = tied.length > shown.length ? ` and ${tied.length - shown.length} more` : "";
  throw new NewsgraphError(
    "ENTITY_AMBIGUOUS",
    `"${text}" is ambiguous: ${shown.map((m) => `${describe(m)} [${m.key}]`).join(", ")}${more}; give a fuller name or the key`,
    { name: text, candidates: tied },
  );
}

/** Entities whose names are closest to `text` by edit distance, however far: suggestions for a miss. */
export function closestEntities(kg: LoadedGraph, text: string, count: number): EntityRef[] {
  const query = normalizeName(text);
  const scored: { ref: EntityRef; ratio: number; mentions: number }[] = [];
  kg.graph.forEachNode((key, attrs) => {
    let ratio = 1;
    for (const name of [attrs.label, ...attrs.aliases]) {
      const norm = normalizeName(name);
      for (const candidate of [norm, ...nameTokens(norm)]) {
        const length = Math.max(query.length, candidate.length, 1);
        ratio = Math.min(ratio, editDistance(query, candidate) / length);
      }
    }
    if (ratio <= 0.6) scored.push({ ref: { key, label: attrs.label, type: attrs.type }, ratio, mentions: attrs.mentions ?? 0 });
  });
  scored.sort((a, b) => a.ratio - b.ratio || b.mentions - a.mentions || compareStrings(a.ref.key, b.ref.key));
  return scored.slice(0, count).map((s) => s.ref);
}

function bestMatch(query: string, names: string[]): { matched: string; kind: MatchKind; distance: number } | undefined {
  let best: { matched: string; kind: MatchKind; distance: number } | undefined;
  names.forEach((name, i) => {
    const match = matchKind(query, normalizeName(name), i === 0);
    if (match && (!best || (kindRank(match.kind) - kindRank(best.kind) || match.distance - best.distance) < 0)) {
      best = { matched: name, ...match };
    }
  });
  return best;
}

function kindRank(kind: MatchKind): number {
  return MATCH_KINDS.indexOf(kind);
}

function matchKind(query: string, name: string, isLabel: boolean): { kind: MatchKind; distance: number } | undefined {
  if (!name) return undefined;
  if (name === query) return { kind: isLabel ? "exact" : "alias", distance: 0 };
  const words = nameTokens(name);
  const queryWords = nameTokens(query);
  if (queryWords.every((q) => words.some((w) => w.startsWith(q)))) return { kind: "prefix", distance: 0 };
  if (query.length >= 3 && name.includes(query)) return { kind: "substring", distance: 0 };
  const budget = typoBudget(query.length);
  if (budget === 0) return undefined;
  let distance = editDistance(query, name, budget);
  if (queryWords.length === 1) for (const w of words) distance = Math.min(distance, editDistance(query, w, budget));
  return distance <= budget ? { kind: "fuzzy", distance } : undefined;
}

function compareMatches(a: EntityMatch, b: EntityMatch): number {
  return (
    kindRank(a.kind) - kindRank(b.kind) ||
    a.distance - b.distance ||
    b.mentions - a.mentions ||
    compareStrings(a.label, b.label) ||
    compareStrings(a.key, b.key)
  );
}

function describe(ref: EntityRef): string {
  return `${ref.label} (${ref.type})`;
}
