/** `search`: fuzzy search over entity labels and aliases (see resolve.ts for the matching rules). */
import type { EntityMatch, SearchOptions } from "./resolve.js";
import { SEARCH_DEFAULTS, searchEntities } from "./resolve.js";
import { checkInteger } from "./check.js";
import type { LoadedGraph } from "./load.js";

export interface SearchResult {
  query: string;
  results: EntityMatch[];
}

export function runSearch(kg: LoadedGraph, text: string, options: SearchOptions = {}): SearchResult {
  checkInteger("limit", options.limit ?? SEARCH_DEFAULTS.limit, 0);
  return { query: text, results: searchEntities(kg, text, options) };
}
