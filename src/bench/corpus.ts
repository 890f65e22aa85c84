/**
 * Benchmark of the build at corpus scale, on the shared news corpora (BBC News, Reuters-21578): the
 * compiled CLI's full build (documents, MB, wall time, docs/s, MB/s, peak RSS, time per stage);
 * compromise's people/organizations/places over a sample of the same texts against our extraction of the
 * same sample on one core, with the speed ratio; neighbors latency in process (p50/p99 over up to 1,000
 * entities); CLI cold start on the built graph; and the time to add one article to the built graph
 * (an incremental rebuild that re-extracts that article only).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nlp from "compromise";
import { readDocuments } from "../corpus/read.js";
import { NewsgraphError } from "../errors.js";
import { loadExtractor } from "../extract/extractor.js";
import { extractDocument } from "../extract/index.js";
import { PACKAGE_ROOT } from "../paths.js";
import { loadGraph } from "../query/load.js";
import { runNeighbors } from "../query/neighbors.js";
import type { Document } from "../types.js";

export interface BenchCorpus {
  name: string;
  path: string;
}

export interface CorpusBenchOptions {
  corpora?: BenchCorpus[];
  /** Documents of each corpus (evenly spread) that compromise and our one-core extraction both process. */
  sample?: number;
  /** Entities queried for the neighbors latency. */
  entities?: number;
  /** CLI cold starts timed (the median counts). */
  coldStarts?: number;
}

const SHARED_NEWS = join(PACKAGE_ROOT, "..", "shared", "corpora", "news");

export const CORPUS_BENCH_DEFAULTS: Required<CorpusBenchOptions> = {
  corpora: [
    { name: "BBC News", path: join(SHARED_NEWS, "bbc", "bbc_news.jsonl") },
    { name: "Reuters-21578", path: join(SHARED_NEWS, "reuters21578", "reuters21578.jsonl.gz") },
  ],
  sample: 1000,
  entities: 1000,
  coldStarts: 5,
};

/** The article added to a built graph to time an incremental rebuild (general text, no real names). */
const ADDED_ARTICLE = `Harbour Authority Signs Port Deal
date 2024-03-05
The Northland Harbour Authority signed a twenty-year agreement with Baltic Freight Lines on Tuesday to expand the
container terminal at Port Elwood. Chief executive Maria Lindqvist said the deal would double capacity by 2028.
Transport minister Jonas Berg welcomed the agreement and said the government would fund a new rail link to the port.`;

const CLI = join(PACKAGE_ROOT, "dist", "src", "cli", "main.js");

interface CliBuild {
  documents: number;
  bytes: number;
  nodes: number;
  edges: number;
  stories: number;
  extracted: number;
  cached: number;
  workers: number;
  peakRssMb: number;
  cpuSeconds: number;
  stages: Record<string, number>;
}

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

/** `sample` documents spread evenly over the corpus. */
export async function sampleDocuments(path: string, sample: number): Promise<Document[]> {
  const all: Document[] = [];
  for await (const doc of readDocuments([path])) all.push(doc);
  const step = Math.max(1, all.length / sample);
  const out: Document[] = [];
  for (let i = 0; i < all.length && out.length < sample; i += step) out.push(all[Math.floor(i)]!);
  return out;
}

export interface ExtractorRate {
  ms: number;
  mbPerSecond: number;
  docsPerSecond: number;
}

export interface CorpusBenchRow {
  corpus: string;
  build: { documents: number; mb: number; fileMb: number; ms: number; cpuSeconds: number; docsPerSecond: number; mbPerSecond: number; peakRssMb: number; nodes: number; edges: number; stories: number; workers: number; stages: Record<string, number> };
  sample: { documents: number; mb: number; ours: ExtractorRate; compromise: ExtractorRate; ratio: number; buildRatio: number };
  neighbors: { queries: number; p50: number; p99: number };
  coldStartMs: number;
  addOne: { ms: number; extracted: number; cached: number };
}

/** Size of an input file once decompressed, in MB. */
function inputMegabytes(path: string): number {
  const raw = readFileSync(path);
  return (path.endsWith(".gz") ? gunzipSync(raw) : raw).length / 1e6;
}

function rate(ms: number, docs: Document[]): ExtractorRate {
  const mb = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1e6;
  return { ms, mbPerSecond: mb / (ms / 1000), docsPerSecond: docs.length / (ms / 1000) };
}

/** Run the corpus benchmark (skips corpora that are not present). */
export async function benchCorpora(options: CorpusBenchOptions = {}): Promise<CorpusBenchRow[]> {
  const o = { ...CORPUS_BENCH_DEFAULTS, ...options };
  if (!existsSync(CLI)) throw new NewsgraphError("BAD_ARGUMENT", `bench: ${CLI} not found; run npx tsc -p tsconfig.json first`);
  const work = mkdtempSync(join(tmpdir(), "newsgraph-bench-"));
  const rows: CorpusBenchRow[] = [];
  try {
    for (const corpus of o.corpora) {
      if (!existsSync(corpus.path)) continue;
      const out = join(work, corpus.name.replace(/\W+/g, "-"));
      const full = cliBuild([corpus.path], out);
      const s = full.summary;
      const mb = s.bytes / 1e6;

      // Add one article to the built graph (first, while this process holds little memory).
      const extra = join(work, "added");
      mkdirSync(extra, { recursive: true });
      writeFileSync(join(extra, "harbour-deal.txt"), ADDED_ARTICLE);
      const added = cliBuild([corpus.path, extra], out);

      // Same sample for both extractors, one core each, models loaded beforehand.
      const docs = await sampleDocuments(corpus.path, o.sample);
      const extractor = loadExtractor();
      let t = performance.now();
      for (const d of docs) extractDocument(extractor, d);
      const ours = rate(performance.now() - t, docs);
      t = performance.now();
      for (const d of docs) {
        const parsed = nlp(d.text);
        parsed.people().out("array");
        parsed.organizations().out("array");
        parsed.places().out("array");
      }
      const compromise = rate(performance.now() - t, docs);
      const sampleMb = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1e6;

      // Neighbors in process over evenly spread entities (node keys, so no name is ambiguous).
      const kg = loadGraph(out);
      const keys = kg.graph.nodes().sort();
      const step = Math.max(1, keys.length / o.entities);
      const times: number[] = [];
      for (let i = 0; i < keys.length && times.length < o.entities; i += step) {
        const key = keys[Math.floor(i)]!;
        const q = performance.now();
        runNeighbors(kg, key);
        times.push(performance.now() - q);
      }
      times.sort((a, b) => a - b);

      // CLI cold start: a neighbors query on the built graph, from a fresh process.
      const probe = keys[Math.floor(keys.length / 2)]!;
      const starts: number[] = [];
      for (let i = 0; i < o.coldStarts; i++) starts.push(runCli(["neighbors", probe, "--graph", out, "--json"]).ms);
      starts.sort((a, b) => a - b);

      rows.push({
        corpus: corpus.name,
        build: {
          documents: s.documents,
          mb,
          fileMb: inputMegabytes(corpus.path),
          ms: full.ms,
          cpuSeconds: s.cpuSeconds,
          docsPerSecond: s.documents / (full.ms / 1000),
          mbPerSecond: mb / (full.ms / 1000),
          peakRssMb: s.peakRssMb,
          nodes: s.nodes,
          edges: s.edges,
          stories: s.stories,
          workers: s.workers,
          stages: s.stages,
        },
        sample: { documents: docs.length, mb: sampleMb, ours, compromise, ratio: ours.mbPerSecond / compromise.mbPerSecond, buildRatio: mb / (full.ms / 1000) / compromise.mbPerSecond },
        neighbors: { queries: times.length, p50: percentile(times, 0.5), p99: percentile(times, 0.99) },
        coldStartMs: percentile(starts, 0.5),
        addOne: { ms: added.ms, extracted: added.summary.extracted, cached: added.summary.cached },
      });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return rows;
}

const f1 = (x: number) => x.toFixed(1);
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** The report: one block per corpus. */
export function formatCorpusBench(rows: CorpusBenchRow[]): string {
  if (rows.length === 0) return `no corpus found under ${SHARED_NEWS}`;
  return rows
    .map((r) => {
      const b = r.build;
      const stages = Object.entries(b.stages)
        .map(([k, v]) => `${k} ${secs(v)}`)
        .join(", ");
      return [
        `${r.corpus}: ${b.documents} documents, ${b.mb.toFixed(2)} MB of text (${b.fileMb.toFixed(2)} MB of JSONL), ${b.stories} stories -> ${b.nodes} nodes, ${b.edges} edges`,
        `  full build (CLI, ${b.workers} workers): ${secs(b.ms)} wall, ${f1(b.docsPerSecond)} docs/s, ${b.mbPerSecond.toFixed(3)} MB/s of text, peak RSS ${b.peakRssMb} MB`,
        `    CPU ${b.cpuSeconds.toFixed(1)} s over ${secs(b.ms)} wall = ${(b.cpuSeconds / (b.ms / 1000)).toFixed(2)} cores busy on average; stages: ${stages}`,
        `  same ${r.sample.documents} sampled documents (${r.sample.mb.toFixed(2)} MB), one core each:`,
        `    newsgraph extraction: ${secs(r.sample.ours.ms)}, ${f1(r.sample.ours.docsPerSecond)} docs/s, ${r.sample.ours.mbPerSecond.toFixed(3)} MB/s`,
        `    compromise people/organizations/places: ${secs(r.sample.compromise.ms)}, ${f1(r.sample.compromise.docsPerSecond)} docs/s, ${r.sample.compromise.mbPerSecond.toFixed(3)} MB/s`,
        `    speed ratio: ${f1(r.sample.ratio)}x on one core; full build ${f1(r.sample.buildRatio)}x compromise's one-core rate`,
        `  neighbors in process over ${r.neighbors.queries} entities: p50 ${r.neighbors.p50.toFixed(3)} ms, p99 ${r.neighbors.p99.toFixed(3)} ms`,
        `  CLI cold start (neighbors --json on this graph, median): ${secs(r.coldStartMs)}`,
        `  add one article to the built graph: ${secs(r.addOne.ms)} (extracted ${r.addOne.extracted}, from cache ${r.addOne.cached})`,
      ].join("\n");
    })
    .join("\n\n");
}
