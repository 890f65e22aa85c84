/** `newsgraph stats`: counts by entity type and relation, the most connected entities, communities, suspect labels. */
import type { Command } from "commander";
import { numberArgument } from "../../query/check.js";
import { DEFAULT_GRAPH_DIR, openGraph } from "../../query/load.js";
import { STATS_DEFAULTS, runStats, type GraphStats } from "../../query/stats.js";
import { describeReason } from "../../query/suspects.js";
import { formatTable, printJson, printWarning } from "../output.js";

interface StatsCliOptions {
  graph: string;
  top: string;
  suspects: string;
  json?: boolean;
}

/** Human summary of graph statistics. */
export function formatStats(s: GraphStats): string {
  const { checked, suspects } = s.suspects;
  const junk =
    checked === 0
      ? []
      : suspects.length === 0
        ? ["", `no suspect labels among the ${checked} most-mentioned entities`]
        : [
            "",
            `${suspects.length} suspect labels among the ${checked} most-mentioned entities:`,
            formatTable(["suspect", "type", "mentions", "reason"], suspects.map((e) => [e.label, e.type, e.mentions, e.reasons.map(describeReason).join("; ")])),
          ];
  return [
    `${s.name || "graph"}: ${s.documents} documents, ${s.nodes} entities, ${s.edges} edges (${s.typedEdges} typed, ${s.negatedEdges} negated, ${s.edges - s.typedEdges} co-occurrence)`,
    "",
    formatTable(["entity type", "count"], s.entityTypes.map((t) => [t.type, t.count])),
    "",
    formatTable(["relation", "edges", "negated", "sentences"], s.relations.map((r) => [r.relation, r.edges, r.negated, r.weight])),
    "",
    formatTable(["top entity", "type", "typed links", "all links", "mentions"], s.topEntities.map((e) => [e.label, e.type, e.typedDegree, e.degree, e.mentions])),
    "",
    `${s.communityCount} communities${s.communities.length < s.communityCount ? `, largest ${s.communities.length}` : ""}:`,
    formatTable(["community", "size", "best connected"], s.communities.map((c) => [c.id, c.size, c.members.map((m) => m.label).join(", ")])),
    ...junk,
  ].join("\n");
}

export function registerStats(program: Command): void {
  program
    .command("stats")
    .description("summarize a graph: entities by type, relations, top entities, communities, suspect labels")
    .option("-g, --graph <dir>", "graph folder written by `newsgraph build`", DEFAULT_GRAPH_DIR)
    .option("-n, --top <n>", "how many top entities and communities to list", String(STATS_DEFAULTS.top))
    .option("--suspects <n>", "how many of the most-mentioned entities to check for junk labels (0: none)", String(STATS_DEFAULTS.suspects))
    .option("--json", "print JSON")
    .action((opts: StatsCliOptions) => {
      const top = numberArgument("top", opts.top);
      const suspects = numberArgument("suspects", opts.suspects);
      const stats = runStats(openGraph(opts.graph, printWarning), { top, communities: top, suspects });
      if (opts.json) printJson(stats);
      else process.stdout.write(formatStats(stats) + "\n");
    });
}
