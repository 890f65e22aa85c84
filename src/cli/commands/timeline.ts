/** `newsgraph timeline <entity>`: an entity's relations as dated events, oldest first. */
import type { Command } from "commander";
import { relationArrow } from "../../query/edge-view.js";
import { evidenceDamage } from "../../query/evidence.js";
import { DEFAULT_GRAPH_DIR, openGraph } from "../../query/load.js";
import { runTimeline, type TimelineResult } from "../../query/timeline.js";
import { formatTable, printJson, printWarning } from "../output.js";

interface TimelineCliOptions {
  graph: string;
  any?: boolean;
  since?: string;
  until?: string;
  json?: boolean;
}

/** Longest sentence shown in the human table. */
const SENTENCE_WIDTH = 100;

/** Human table of a timeline. */
export function formatTimeline(result: TimelineResult): string {
  const { entity, entries } = result;
  if (entries.length === 0) return `${entity.label} (${entity.type}) has no dated relations to show.`;
  const clip = (s: string) => (s.length > SENTENCE_WIDTH ? `${s.slice(0, SENTENCE_WIDTH - 1)}…` : s);
  return `${entity.label} (${entity.type}): ${entries.length} event${entries.length === 1 ? "" : "s"}\n\n${formatTable(
    ["date", "doc", "relation", "with", "sentence"],
    entries.map((e) => [e.date ?? "undated", e.doc, relationArrow(e.relation, e.direction, e.negated), e.other.label, clip(e.sentence)]),
  )}`;
}

export function registerTimeline(program: Command): void {
  program
    .command("timeline")
    .description("list an entity's relations by document date, one line per supporting sentence")
    .argument("<entity>", "entity name, alias or key (case-insensitive, typos tolerated)")
    .option("-g, --graph <dir>", "graph folder written by `newsgraph build`", DEFAULT_GRAPH_DIR)
    .option("--any", "also list co-occurrence links")
    .option("--since <date>", "only events dated on or after YYYY[-MM[-DD]]")
    .option("--until <date>", "only events dated on or before YYYY[-MM[-DD]]")
    .option("--json", "print JSON")
    .action((entity: string, opts: TimelineCliOptions) => {
      const kg = openGraph(opts.graph, printWarning);
      const result = runTimeline(kg, entity, {
        any: opts.any === true,
        ...(opts.since !== undefined && { since: opts.since }),
        ...(opts.until !== undefined && { until: opts.until }),
      });
      printWarning(evidenceDamage(kg));
      if (opts.json) printJson(result);
      else process.stdout.write(formatTimeline(result) + "\n");
    });
}
