/** `newsgraph why <a> <b>`: every edge between two entities with all its evidence, newest document first. */
import type { Command } from "commander";
import { claimNote, relationArrow } from "../../query/edge-view.js";
import { evidenceDamage } from "../../query/evidence.js";
import { DEFAULT_GRAPH_DIR, openGraph } from "../../query/load.js";
import { runWhy, type WhyResult } from "../../query/why.js";
import { printJson, printWarning } from "../output.js";

interface WhyCliOptions {
  graph: string;
  json?: boolean;
}

/** Human listing of the edges between two entities and their evidence. */
export function formatWhy(result: WhyResult): string {
  const { a, b, groups } = result;
  if (groups.length === 0) {
    return `No edge links ${a.label} and ${b.label} directly; \`newsgraph path\` finds indirect connections.`;
  }
  const count = groups.reduce((n, g) => n + g.edges.length, 0);
  const lines = [`${a.label} (${a.type}) and ${b.label} (${b.type}): ${count} edge${count === 1 ? "" : "s"}`];
  for (const group of groups) {
    for (const e of group.edges) {
      const predicate = e.predicate ? `  "${e.predicate}"` : "";
      const note = claimNote(e);
      lines.push("", `${a.label} ${relationArrow(group.relation, e.direction, e.negated, e.modality)} ${b.label}${predicate}  weight ${e.weight}, ${e.docs.length} document${e.docs.length === 1 ? "" : "s"}${note ? `; ${note}` : ""}`);
      for (const ev of e.evidence) {
        lines.push(`  ${ev.date ?? "undated"}  ${ev.doc}${ev.title ? `  ${ev.title}` : ""}`, `      ${ev.sentence}`);
      }
    }
  }
  return lines.join("\n");
}

export function registerWhy(program: Command): void {
  program
    .command("why")
    .description("show every edge between two entities with all its evidence, newest document first")
    .argument("<a>", "first entity (name, alias or key)")
    .argument("<b>", "second entity (name, alias or key)")
    .option("-g, --graph <dir>", "graph folder written by `newsgraph build`", DEFAULT_GRAPH_DIR)
    .option("--json", "print JSON")
    .action((a: string, b: string, opts: WhyCliOptions) => {
      const kg = openGraph(opts.graph, printWarning);
      const result = runWhy(kg, a, b);
      printWarning(evidenceDamage(kg));
      if (opts.json) printJson(result);
      else process.stdout.write(formatWhy(result) + "\n");
    });
}
