/**
 * Name resolution and fuzzy search over entity labels and aliases. A typed name is compared with every
 * entity's label and aliases after normalization (case, accents, punctuation) and matched by the best
 * kind that applies: exact label > exact alias > prefix (every typed word starts a word of the name) >
 * substring > fuzzy (a few typos).
 * Resolution takes the unique entity of the best kind and otherwise fails with the closest candidates.
 * Typed names longer than MAX_NAME_CHARS match nothing and are not compared at all, so the work of a
 * lookup is bounded whatever the input's length.
 */
import { echoInput, NewsgraphError } from "../errors.js";
import type { EntityType } from "../types.js";
import type { EntityRef } from "./edge-view.js";
import { compareStrings } from "./compare.js";
import { editDistance, nameTokens, normalizeName, typoBudget, type MatchWork } from "./fuzzy.js";
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
  /** Counts the matching work done (for tests and benchmarks). */
  work?: MatchWork;
}

export const SEARCH_DEFAULTS: Required<Omit<SearchOptions, "work">> = { limit: 20, types: [] };

/** Longest typed name compared with the graph's names (longer ones match nothing). */
export const MAX_NAME_CHARS = 200;

/** A typed name normalized for matching, or "" when it is empty or longer than MAX_NAME_CHARS. */
function lookupQuery(text: string): string {
  const query = normalizeName(text);
  return query.length > MAX_NAME_CHARS ? "" : query;
}

/** Entities whose label or an alias matches `text`, best match first. */
export function searchEntities(kg: LoadedGraph, text: string, options: SearchOptions = {}): EntityMatch[] {
  const { limit, types } = { ...SEARCH_DEFAULTS, ...options };
  checkTypes(types);
  const query = lookupQuery(text);
  if (!query) return [];
  const queryWords = nameTokens(query);
  const matches: EntityMatch[] = [];
  kg.graph.forEachNode((key, attrs) => {
    if (types.length > 0 && !types.includes(attrs.type)) return;
    const best = bestMatch(query, queryWords, [attrs.label, ...attrs.aliases], options.work);
    if (best) matches.push({ key, label: attrs.label, type: attrs.type, mentions: attrs.mentions ?? 0, ...best });
  });
  matches.sort(compareMatches);
  return limit > 0 ? matches.slice(0, limit) : matches;
}

/**
 * The node key an entity name stands for. A node key (`person:jane-doe`) is accepted as is. Throws
 * ENTITY_UNKNOWN or ENTITY_AMBIGUOUS with a one-line message listing the closest candidates.
 */
export function resolveEntity(kg: LoadedGraph, name: string, work?: MatchWork): string {
  const text = name.trim();
  if (!text) throw new NewsgraphError("BAD_ARGUMENT", "an entity name is required");
  if (kg.graph.hasNode(text)) return text;
  const matches = searchEntities(kg, text, { limit: 0, ...(work ? { work } : {}) });
  const first = matches[0];
  if (first === undefined) {
    const closest = closestEntities(kg, text, 3, work);
    const tooLong = !lookupQuery(text) ? ` (${text.length} characters; names are compared up to ${MAX_NAME_CHARS})` : "";
    const hint = closest.length > 0 ? `; closest: ${closest.map(describe).join(", ")}` : tooLong || " (no similar names in the graph)";
    throw new NewsgraphError("ENTITY_UNKNOWN", `unknown entity "${echoInput(text)}"${hint}`, { name: text, candidates: closest });
  }
  const tied = matches.filter((m) => m.kind === first.kind && m.distance === first.distance);
  if (tied.length === 1) return first.key;
  const shown = tied.slice(0, 5);
  const more = tied.length > shown.length ? ` and ${tied.length - shown.length} more` : "";
  throw new NewsgraphError(
    "ENTITY_AMBIGUOUS",
    `"${echoInput(text)}" is ambiguous: ${shown.map((m) => `${describe(m)} [${m.key}]`).join(", ")}${more}; give a fuller name or the key`,
    { name: text, candidates: tied },
  );
}

/** Edits per character a suggestion may be from the typed name. */
const SUGGESTION_RATIO = 0.6;

/** Entities whose names are closest to `text` by edit distance (within SUGGESTION_RATIO): suggestions for a miss. */
export function closestEntities(kg: LoadedGraph, text: string, count: number, work?: MatchWork): EntityRef[] {
  const query = lookupQuery(text);
  if (!query) return [];
  const scored: { ref: EntityRef; ratio: number; mentions: number }[] = [];
  kg.graph.forEachNode((key, attrs) => {
    let ratio = 1;
    for (const name of [attrs.label, ...attrs.aliases]) {
      const norm = normalizeName(name);
      for (const candidate of [norm, ...nameTokens(norm)]) {
        const length = Math.max(query.length, candidate.length, 1);
        ratio = Math.min(ratio, editDistance(query, candidate, Math.floor(SUGGESTION_RATIO * length), work) / length);
      }
    }
    if (ratio <= SUGGESTION_RATIO) scored.push({ ref: { key, label: attrs.label, type: attrs.type }, ratio, mentions: attrs.mentions ?? 0 });
  });
  scored.sort((a, b) => a.ratio - b.ratio || b.mentions - a.mentions || compareStrings(a.ref.key, b.ref.key));
  return scored.slice(0, count).map((s) => s.ref);
}

function bestMatch(query: string, queryWords: string[], names: string[], work?: MatchWork): { matched: string; kind: MatchKind; distance: number } | undefined {
  let best: { matched: string; kind: MatchKind; distance: number } | undefined;
  names.forEach((name, i) => {
    const match = matchKind(query, queryWords, normalizeName(name), i === 0, work);
    if (match && (!best || (kindRank(match.kind) - kindRank(best.kind) || match.distance - best.distance) < 0)) {
      best = { matched: name, ...match };
    }
  });
  return best;
}

function kindRank(kind: MatchKind): number {
  return MATCH_KINDS.indexOf(kind);
}

function matchKind(query: string, queryWords: string[], name: string, isLabel: boolean, work?: MatchWork): { kind: MatchKind; distance: number } | undefined {
  if (!name) return undefined;
  if (name === query) return { kind: isLabel ? "exact" : "alias", distance: 0 };
  const words = nameTokens(name);
  if (queryWords.every((q) => words.some((w) => w.startsWith(q)))) return { kind: "prefix", distance: 0 };
  if (query.length >= 3 && name.includes(query)) return { kind: "substring", distance: 0 };
  const budget = typoBudget(query.length);
  if (budget === 0) return undefined;
  let distance = editDistance(query, name, budget, work);
  if (queryWords.length === 1) for (const w of words) distance = Math.min(distance, editDistance(query, w, budget, work));
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
