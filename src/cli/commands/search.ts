/** `newsgraph search <text>`: fuzzy search over entity labels and aliases. */
import type { Command } from "commander";
import { checkTypes, listArgument, numberArgument } from "../../query/check.js";
import { DEFAULT_GRAPH_DIR, openGraph } from "../../query/load.js";
import { SEARCH_DEFAULTS } from "../../query/resolve.js";
import { runSearch, type SearchResult } from "../../query/search.js";
import { formatTable, printJson, printWarning } from "../output.js";

interface SearchCliOptions {
  graph: string;
  type?: string;
  limit: string;
  json?: boolean;
}

/** Human table of search results. */
export function formatSearch(result: SearchResult): string {
  if (result.results.length === 0) return `No entity matches "${result.query}".`;
  return formatTable(
    ["entity", "type", "match", "via", "mentions", "key"],
    result.results.map((r) => [r.label, r.type, r.kind, r.matched === r.label ? "" : r.matched, r.mentions, r.key]),
  );
}

export function registerSearch(program: Command): void {
  program
    .command("search")
    .description("search entities by name or alias (case-insensitive, prefixes and typos)")
    .argument("<text>", "text to look for")
    .option("-g, --graph <dir>", "graph folder written by `newsgraph build`", DEFAULT_GRAPH_DIR)
    .option("-t, --type <list>", "only entities of these types, comma-separated")
    .option("-n, --limit <n>", "most results (0 for all)", String(SEARCH_DEFAULTS.limit))
    .option("--json", "print JSON")
    .action((text: string, opts: SearchCliOptions) => {
      const types = listArgument(opts.type);
      checkTypes(types);
      const result = runSearch(openGraph(opts.graph, printWarning), text, { types: [...types], limit: numberArgument("limit", opts.limit) });
      if (opts.json) printJson(result);
      else process.stdout.write(formatSearch(result) + "\n");
    });
}
