/**
 * `newsgraph build <inputs...>`: build a graph folder from articles, with progress on stderr and a
 * summary (documents, entities by type, relations by type, time taken) at the end.
 */
import type { Command } from "commander";
import { build, BUILD_DEFAULTS, type BuildSummary } from "../../build/build.js";
import { formatTable, printJson } from "../output.js";

interface BuildCliOptions {
  out: string;
  skipBad?: boolean;
  aliases?: string;
  name?: string;
  json?: boolean;
  progress: boolean;
}

/** Human summary of a build. */
export function formatBuildSummary(s: BuildSummary): string {
  const byType = Object.entries(s.entitiesByType).sort((a, b) => b[1] - a[1]);
  const byRelation = Object.entries(s.relationsByType).sort((a, b) => b[1] - a[1]);
  return [
    `built ${s.out}: ${s.documents} documents, ${s.nodes} entities, ${s.edges} relations in ${(s.ms / 1000).toFixed(2)} s`,
    "",
    formatTable(["entity type", "count"], byType),
    "",
    formatTable(["relation", "count"], byRelation),
  ].join("\n");
}

export function registerBuild(program: Command): void {
  program
    .command("build")
    .description("build a knowledge graph from article files and folders (.txt, .md, .html, .jsonl, and .gz of them)")
    .argument("<inputs...>", "files or folders of articles")
    .option("-o, --out <dir>", "output graph folder", BUILD_DEFAULTS.out)
    .option("--skip-bad", "warn about and skip unreadable files and malformed JSONL lines instead of failing")
    .option("--aliases <file>", 'alias file: {"merge": [{"label", "names"}], "split": [names]}')
    .option("--name <name>", "graph name (default: the first input's base name)")
    .option("--no-progress", "do not show progress on stderr")
    .option("--json", "print the summary as JSON")
    .action((inputs: string[], opts: BuildCliOptions) => {
      const started = performance.now();
      let last = 0;
      const showProgress = opts.progress && process.stderr.isTTY;
      const summary = build(inputs, {
        out: opts.out,
        ...(opts.skipBad ? { skipBad: true } : {}),
        ...(opts.aliases ? { aliases: opts.aliases } : {}),
        ...(opts.name ? { name: opts.name } : {}),
        onWarning: (message) => process.stderr.write(`newsgraph: warning: ${message}\n`),
        onProgress: (done) => {
          const t = performance.now();
          if (!showProgress || t - last < 200) return;
          last = t;
          const rate = done / ((t - started) / 1000);
          process.stderr.write(`\rextracting: ${done} documents, ${rate.toFixed(0)} docs/s   `);
        },
      });
      if (showProgress && last > 0) process.stderr.write("\n");
      if (opts.json) printJson(summary);
      else process.stdout.write(formatBuildSummary(summary) + "\n");
    });
}
