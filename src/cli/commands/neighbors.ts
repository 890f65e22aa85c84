/**
 * `newsgraph neighbors <entity>`: the entities linked to one entity, strongest link first, with filters on
 * depth, relation, entity type, weight and date.
 */
import type { Command } from "commander";
import { checkRelations, checkTypes, listArgument, numberArgument } from "../../query/check.js";
import { arrow } from "../../query/edge-view.js";
import { evidenceDamage } from "../../query/evidence.js";
import { DEFAULT_GRAPH_DIR, openGraph } from "../../query/load.js";
import { NEIGHBORS_DEFAULTS, runNeighbors, type NeighborsResult } from "../../query/neighbors.js";
import { formatTable, printJson, printWarning } from "../output.js";

interface NeighborsCliOptions {
  graph: string;
  depth: string;
  relation?: string;
  type?: string;
  minWeight: string;
  since?: string;
  until?: string;
  limit: string;
  json?: boolean;
}

/** Human table of a neighbors result. */
export function formatNeighbors(result: NeighborsResult): string {
  const { entity, rows, total } = result;
  if (total === 0) return `${entity.label} (${entity.type}) has no neighbors matching these filters.`;
  const deep = rows.some((r) => r.depth > 1);
  const header = [...(deep ? ["depth", "via"] : []), "neighbor", "type", "relation", "weight", "docs"];
  const body = rows.map((r) => [
    ...(deep ? [r.depth, r.via.label] : []),
    r.label,
    r.type,
    `${arrow(r.direction)} ${r.negated ? "not " : ""}${r.modality === "asserted" ? "" : `${r.modality} `}${r.relation}`,
    r.weight,
    r.docs,
  ]);
  const shown = rows.length < total ? `, showing ${rows.length}` : "";
  return `${entity.label} (${entity.type}): ${total} link${total === 1 ? "" : "s"}${shown}\n\n${formatTable(header, body)}`;
}

export function registerNeighbors(program: Command): void {
  program
    .command("neighbors")
    .description("list the entities linked to an entity: stated relations first, then co-occurrences, strongest first")
    .argument("<entity>", "entity name, alias or key (case-insensitive, typos tolerated)")
    .option("-g, --graph <dir>", "graph folder written by `newsgraph build`", DEFAULT_GRAPH_DIR)
    .option("-d, --depth <n>", "hops to follow", String(NEIGHBORS_DEFAULTS.depth))
    .option("-r, --relation <list>", "only these relations, comma-separated (e.g. meets,visits)")
    .option("-t, --type <list>", "only neighbors of these entity types, comma-separated")
    .option("--min-weight <n>", "only links with at least this many supporting sentences", String(NEIGHBORS_DEFAULTS.minWeight))
    .option("--since <date>", "only links with a document dated on or after YYYY[-MM[-DD]]")
    .option("--until <date>", "only links with a document dated on or before YYYY[-MM[-DD]]")
    .option("-n, --limit <n>", "most rows to show (0 for all)", String(NEIGHBORS_DEFAULTS.limit))
    .option("--json", "print JSON")
    .action((entity: string, opts: NeighborsCliOptions) => {
      const relations = listArgument(opts.relation);
      const types = listArgument(opts.type);
      checkRelations(relations);
      checkTypes(types);
      const kg = openGraph(opts.graph, printWarning);
      const result = runNeighbors(kg, entity, {
        depth: numberArgument("depth", opts.depth),
        relations: [...relations],
        types: [...types],
        minWeight: numberArgument("min-weight", opts.minWeight),
        limit: numberArgument("limit", opts.limit),
        ...(opts.since !== undefined && { since: opts.since }),
        ...(opts.until !== undefined && { until: opts.until }),
      });
      printWarning(evidenceDamage(kg));
      if (opts.json) printJson(result);
      else process.stdout.write(formatNeighbors(result) + "\n");
    });
}
