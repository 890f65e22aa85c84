/**
 * `newsgraph build <inputs...>`: build a graph folder from articles, with a progress bar on stderr
 * (documents, docs/s, ETA) and a summary (documents, stories, entities by type, relations by type, time
 * taken) at the end.
 */
import { describeLimits } from "../../pipeline/limits-summary.js";
import type { Command } from "commander";
import { build, BUILD_DEFAULTS, type BuildProgress, type BuildSummary } from "../../pipeline/build.js";
import { defaultWorkers } from "../../pipeline/pool.js";
import { formatTable, printJson } from "../output.js";
import { checkInteger, confidenceArgument, numberArgument } from "../../query/check.js";

interface BuildCliOptions {
  out: string;
  skipBad?: boolean;
  aliases?: string;
  name?: string;
  json?: boolean;
  progress: boolean;
  cache: boolean;
  workers: string;
  evidenceCap: string;
  minConfidence?: string;
  wait?: boolean;
}

/** What the summary adds for the CLI: the process's peak resident memory and CPU time (all threads). */
export interface BuildReport extends BuildSummary {
  peakRssMb: number;
  cpuSeconds: number;
}

/** Human summary of a build. */
export function formatBuildSummary(s: BuildReport): string {
  const byType = Object.entries(s.entitiesByType).sort((a, b) => b[1] - a[1]);
  const byRelation = Object.entries(s.relationsByType).sort((a, b) => b[1] - a[1]);
  const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `built ${s.out}: ${s.documents} documents, ${s.nodes} entities, ${s.edges} relations in ${secs(s.ms)}`,
    `stories: ${s.stories} (${s.exactDuplicates} exact and ${s.nearDuplicates} near duplicates); extracted ${s.extracted}, from cache ${s.cached}, ` +
      `${s.workers === 1 ? "in process" : `${s.workers} workers`}; peak memory ${s.peakRssMb} MB, CPU ${s.cpuSeconds.toFixed(1)} s`,
    `stages: extract ${secs(s.stages.extract)}, resolve ${secs(s.stages.resolve)}, assemble ${secs(s.stages.assemble)}, ` +
      `layout ${secs(s.stages.layout)}, write ${secs(s.stages.write)}`,
    ...[describeLimits(s.limits)].filter((line) => line !== undefined),
    "",
    formatTable(["entity type", "count"], byType),
    "",
    formatTable(["relation", "count"], byRelation),
  ].join("\n");
}

const clock = (s: number) => {
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(Math.round(s % 60)).padStart(2, "0")}s` : `${Math.round(s)}s`;
};

/** One progress line: a bar when the total is known, documents, docs/s and ETA. */
export function formatProgress(p: BuildProgress, seconds: number, width = 24): string {
  const rate = seconds > 0 ? p.done / seconds : 0;
  if (p.stage) return `${p.stage}: ${p.done} documents extracted in ${clock(seconds)}`;
  if (p.total === undefined || p.total === 0) return `extracting: ${p.done} documents, ${rate.toFixed(0)} docs/s`;
  const share = Math.min(1, p.done / p.total);
  const filled = Math.round(share * width);
  const eta = rate > 0 ? clock(Math.max(0, p.total - p.done) / rate) : "?";
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${p.done}/${p.total} documents, ${rate.toFixed(0)} docs/s, ETA ${eta}`;
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
    .option("-w, --workers <n>", "extraction threads (1 = in process)", String(defaultWorkers()))
    .option("--no-cache", "ignore and do not write the extraction cache of the output folder")
    .option("--evidence-cap <n>", "evidence sentences per edge in graph.json (all go to evidence.jsonl)", String(BUILD_DEFAULTS.evidenceCap))
    .option("--min-confidence <x>", "one minimum confidence (0-1) for classified edges of every type (default: each type's own, chosen on dev data)")
    .option("--wait", "wait for another build writing the same output folder to finish (default: fail at once)")
    .option("--no-progress", "do not show progress on stderr")
    .option("--json", "print the summary as JSON")
    .action(async (inputs: string[], opts: BuildCliOptions) => {
      const started = performance.now();
      let last = 0;
      let shown = false;
      const showProgress = opts.progress && process.stderr.isTTY;
      const workers = numberArgument("workers", opts.workers);
      checkInteger("workers", workers, 1);
      const evidenceCap = numberArgument("evidence-cap", opts.evidenceCap);
      checkInteger("evidence-cap", evidenceCap, 1);
      const summary = await build(inputs, {
        out: opts.out,
        workers,
        cache: opts.cache,
        evidenceCap,
        ...(opts.minConfidence !== undefined ? { minConfidence: confidenceArgument("min-confidence", opts.minConfidence) } : {}),
        ...(opts.skipBad ? { skipBad: true } : {}),
        ...(opts.aliases ? { aliases: opts.aliases } : {}),
        ...(opts.name ? { name: opts.name } : {}),
        ...(opts.wait ? { wait: true, onWait: (pid: number) => process.stderr.write(`newsgraph: waiting for the build of PID ${pid} to finish writing ${opts.out}\n`) } : {}),
        onWarning: (message) => process.stderr.write(`${shown ? "\n" : ""}newsgraph: warning: ${message}\n`),
        ...(showProgress
          ? {
              onProgress: (p: BuildProgress) => {
                const t = performance.now();
                if (t - last < 200 && !p.stage) return;
                last = t;
                shown = true;
                process.stderr.write(`\r${formatProgress(p, (t - started) / 1000)}\x1b[K`);
              },
            }
          : {}),
      });
      if (shown) process.stderr.write("\n");
      const usage = process.resourceUsage();
      const report: BuildReport = { ...summary, peakRssMb: Math.round(usage.maxRSS / 1024), cpuSeconds: Math.round((usage.userCPUTime + usage.systemCPUTime) / 1e4) / 100 };
      if (opts.json) printJson(report);
      else process.stdout.write(formatBuildSummary(report) + "\n");
    });
}
