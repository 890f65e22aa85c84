/**
 * `newsgraph path <from> <to>`: the k shortest paths between two entities over typed relations, each hop
 * with its relation, direction, polarity and one supporting sentence.
 */
import type { Command } from "commander";
import { NewsgraphError } from "../../errors.js";
import { numberArgument } from "../../query/check.js";
import { relationArrow } from "../../query/edge-view.js";
import { evidenceDamage } from "../../query/evidence.js";
import { DEFAULT_GRAPH_DIR, openGraph } from "../../query/load.js";
import { PATH_DEFAULTS, runPath, type PathHop, type PathResult } from "../../query/path.js";
import { printJson, printWarning } from "../output.js";

interface PathCliOptions {
  graph: string;
  k: string;
  any?: boolean;
  json?: boolean;
}

function formatHop(hop: PathHop): string[] {
  const lines = [`  ${hop.from.label} ${relationArrow(hop.relation, hop.direction, hop.negated, hop.modality)} ${hop.to.label} (${hop.to.type})`];
  if (hop.evidence) lines.push(`      [${hop.evidence.doc}${hop.evidence.date ? ` ${hop.evidence.date}` : ""}] ${hop.evidence.sentence}`);
  if (hop.alternatives.length > 0) {
    lines.push(`      also: ${hop.alternatives.map((a) => relationArrow(a.relation, a.direction, a.negated)).join(" ")}`);
  }
  return lines;
}

/** Human listing of paths. */
export function formatPaths(result: PathResult): string {
  return result.paths
    .flatMap((p, i) => [`${i > 0 ? "\n" : ""}path ${i + 1}: ${p.length} hop${p.length === 1 ? "" : "s"}`, ...p.hops.flatMap(formatHop)])
    .join("\n");
}

export function registerPath(program: Command): void {
  program
    .command("path")
    .description("show how two entities are connected: the k shortest paths, each hop with its evidence")
    .argument("<from>", "first entity (name, alias or key)")
    .argument("<to>", "second entity (name, alias or key)")
    .option("-g, --graph <dir>", "graph folder written by `newsgraph build`", DEFAULT_GRAPH_DIR)
    .option("-k, --k <n>", "how many paths", String(PATH_DEFAULTS.k))
    .option("--any", "also walk co-occurrence links and claims that are not facts (negated, possible, former)")
    .option("--json", "print JSON")
    .action((from: string, to: string, opts: PathCliOptions) => {
      const kg = openGraph(opts.graph, printWarning);
      const result = runPath(kg, from, to, { k: numberArgument("k", opts.k), any: opts.any === true });
      if (result.paths.length === 0) {
        const over = result.any ? "" : " over typed relations (--any also walks co-occurrence links)";
        throw new NewsgraphError("NO_PATH", `no path between ${result.from.label} and ${result.to.label}${over}`, {
          from: result.from.key,
          to: result.to.key,
        });
      }
      printWarning(evidenceDamage(kg));
      if (opts.json) printJson(result);
      else process.stdout.write(formatPaths(result) + "\n");
    });
}
