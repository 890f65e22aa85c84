/**
 * The build as users run it, from the compiled CLI in a child process: the full build with the default
 * workers (wall time, CPU, peak RSS and stage times from its `--json` summary), the time to add one
 * article to the built graph (a build whose cache holds every document but that one), the CLI's cold
 * start on the built graph (`neighbors` and `stats` in a fresh process, medians), and `neighbors` in
 * process (p50/p99 over up to 1,000 entities).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { NewsgraphError } from "../errors.js";
import type { BuildSummary } from "../pipeline/build.js";
import { PACKAGE_ROOT } from "../paths.js";
import { GRAPH_FILE } from "../graph/write.js";
import { loadGraph } from "../query/load.js";
import { runNeighbors } from "../query/neighbors.js";
import type { BenchCorpus } from "./corpus.js";
import { verdict } from "./targets.js";

export const FULL_BUILD_DEFAULTS = {
  /** Entities queried for the in-process neighbors latency. */
  entities: 1000,
  /** Fresh processes timed per cold-start command (the median counts). */
  coldStarts: 5,
};

/** The article added to a built graph to time an incremental rebuild (general text, no real names). */
const ADDED_ARTICLE = `Harbour Authority Signs Port Deal
date 2024-03-05
The Northland Harbour Authority signed a twenty-year agreement with Baltic Freight Lines on Tuesday to expand the
container terminal at Port Elwood. Chief executive Maria Lindqvist said the deal would double capacity by 2028.
Transport minister Jonas Berg welcomed the agreement and said the government would fund a new rail link to the port.`;

const CLI = join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");

/** The CLI's `build --json` summary. */
type CliBuild = BuildSummary & { peakRssMb: number; cpuSeconds: number };

function runCli(args: string[]): { ms: number; stdout: string } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: "utf8", maxBuffer: 1 << 26 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new NewsgraphError("BAD_ARGUMENT", `bench: newsgraph ${args.join(" ")} failed: ${r.stderr.trim().split("\n")[0] ?? ""}`);
  return { ms, stdout: r.stdout };
}

function cliBuild(inputs: string[], out: string): { ms: number; summary: CliBuild } {
  const { ms, stdout } = runCli(["build", ...inputs, "--out", out, "--json", "--no-progress"]);
  return { ms, summary: JSON.parse(stdout) as CliBuild };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

/** Median wall time of `runs` fresh processes running the CLI with `args`. */
function coldStart(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(runCli(args).ms);
  return percentile(times.sort((a, b) => a - b), 0.5);
}

export interface FullBuildBench {
  corpus: BenchCorpus;
  /** Wall time of the CLI process, and its summary. */
  ms: number;
  summary: CliBuild;
  addOne: { ms: number; cpuSeconds: number; extracted: number; cached: number };
  coldStart: { neighborsMs: number; statsMs: number };
  neighbors: { queries: number; p50: number; p99: number };
}

/** Fail early, with one line, when the CLI is not compiled. */
export function requireCli(): void {
  if (!existsSync(CLI)) throw new NewsgraphError("BAD_ARGUMENT", `bench: ${CLI} not found; run npx tsc -p tsconfig.json first`);
}

/** The graph folder of a corpus under `work`, built by the CLI when the build section has not made it yet. */
export function builtGraphFolder(corpus: BenchCorpus, input: string, work: string): string {
  const out = join(work, `build-${corpus.key}`);
  if (!existsSync(join(out, GRAPH_FILE))) {
    requireCli();
    cliBuild([input], out);
  }
  return out;
}

/** Build the corpus input with the CLI into a folder under `work`, add one article, then time queries on the graph. */
export function benchFullBuild(corpus: BenchCorpus, input: string, work: string, options = FULL_BUILD_DEFAULTS): FullBuildBench {
  requireCli();
  const out = join(work, `build-${corpus.key}`);
  const full = cliBuild([input], out);

  // Add one article to the built graph (first, while this process holds little memory).
  const extra = join(work, "added");
  mkdirSync(extra, { recursive: true });
  writeFileSync(join(extra, "harbour-deal.txt"), ADDED_ARTICLE);
  const added = cliBuild([input, extra], out);

  // Neighbors in process over evenly spread entities (node keys, so no name is ambiguous).
  const kg = loadGraph(out);
  const keys = kg.graph.nodes().sort();
  const step = Math.max(1, keys.length / options.entities);
  const times: number[] = [];
  for (let i = 0; i < keys.length && times.length < options.entities; i += step) {
    const key = keys[Math.floor(i)]!;
    const q = performance.now();
    runNeighbors(kg, key);
    times.push(performance.now() - q);
  }
  times.sort((a, b) => a - b);

  const probe = keys[Math.floor(keys.length / 2)]!;
  return {
    corpus,
    ms: full.ms,
    summary: full.summary,
    addOne: { ms: added.ms, cpuSeconds: added.summary.cpuSeconds, extracted: added.summary.extracted, cached: added.summary.cached },
    coldStart: {
      neighborsMs: coldStart(["neighbors", probe, "--graph", out, "--json"], options.coldStarts),
      statsMs: coldStart(["stats", "--graph", out, "--json"], options.coldStarts),
    },
    neighbors: { queries: times.length, p50: percentile(times, 0.5), p99: percentile(times, 0.99) },
  };
}

const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const withTarget = (text: string, target: string) => (target ? `${text} (${target})` : text);

/** The report of one corpus. */
export function formatFullBuildBench(b: FullBuildBench): string {
  const s = b.summary;
  const key = b.corpus.key;
  const stages = Object.entries(s.stages)
    .map(([k, v]) => `${k} ${secs(v)}`)
    .join(", ");
  return [
    `${b.corpus.name}: ${s.documents} documents, ${(s.bytes / 1e6).toFixed(2)} MB of text, ${s.stories} stories -> ${s.nodes} nodes, ${s.edges} edges`,
    `  full build (CLI, ${s.workers} workers): ${withTarget(`${secs(b.ms)} wall`, verdict("buildMs", key, b.ms))}, ${(s.documents / (b.ms / 1000)).toFixed(1)} docs/s, ` +
      `CPU ${s.cpuSeconds.toFixed(1)} s (${(s.cpuSeconds / (b.ms / 1000)).toFixed(2)} cores busy), ${withTarget(`peak RSS ${s.peakRssMb} MB`, verdict("peakRssMb", key, s.peakRssMb))}`,
    `    stages: ${stages}`,
    `  add one article to the built graph: ${withTarget(secs(b.addOne.ms), verdict("addOneMs", key, b.addOne.ms))} wall, CPU ${b.addOne.cpuSeconds.toFixed(1)} s (extracted ${b.addOne.extracted}, from cache ${b.addOne.cached})`,
    `  CLI cold start on this graph, median: ${withTarget(`neighbors --json ${secs(b.coldStart.neighborsMs)}`, verdict("coldStartMs", key, b.coldStart.neighborsMs))}, ` +
      withTarget(`stats --json ${secs(b.coldStart.statsMs)}`, verdict("coldStartMs", key, b.coldStart.statsMs)),
    `  neighbors in process over ${b.neighbors.queries} entities: p50 ${b.neighbors.p50.toFixed(3)} ms, p99 ${b.neighbors.p99.toFixed(3)} ms`,
  ].join("\n");
}
