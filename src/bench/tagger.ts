/**
 * Benchmark of the sequence taggers: model load time (reading and decoding the model file and the shared
 * word clusters, building the feature tables) and tagging throughput in tokens per second on one core,
 * through tagDocument as the extraction calls it. News documents (BBC News, Reuters-21578 when ../shared is
 * present) are split by the pipeline's own sentence splitter and tagged once each by freshly loaded taggers,
 * as an extraction worker sees them; CoNLL dev documents (or any text files or folders) are tagged over and
 * over by warm taggers, the best pass counting.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { PACKAGE_ROOT, modelPath } from "../paths.js";
import { readConll } from "../nlp/tagger/conll-reader.js";
import { decodeNerModel, decodePosModel, loadClusters, NerTagger, PosTagger, type Tagger } from "../nlp/tagger/index.js";
import { splitSentencesCounted } from "../nlp/sentences.js";

/** A JSONL news corpus (one {"text": ...} record a line, gzipped or not). */
export interface TaggerNewsInput {
  name: string;
  path: string;
}

export interface TaggerBenchOptions {
  /** A CoNLL file, or text files/folders, tagged by warm taggers; default CoNLL dev, else the package's seeds/. */
  input?: string;
  /** News corpora tagged once by fresh taggers (those missing are skipped); default BBC News and Reuters-21578. */
  news?: TaggerNewsInput[];
  /** Documents of each news corpus, evenly spread. */
  sample?: number;
  /** Passes over the warm input after one warm-up pass (the best pass counts). */
  passes?: number;
  /** Loads timed: the first, in a process that has loaded no model (as an extraction worker), and the median of the others. */
  loads?: number;
}

const SHARED = join(PACKAGE_ROOT, "..", "shared", "corpora");

export const TAGGER_BENCH_DEFAULTS = {
  conll: join(SHARED, "conll2003", "dev.txt"),
  seeds: join(PACKAGE_ROOT, "seeds"),
  news: [
    { name: "BBC News", path: join(SHARED, "news", "bbc", "bbc_news.jsonl") },
    { name: "Reuters-21578", path: join(SHARED, "news", "reuters21578", "reuters21578.jsonl.gz") },
  ] as TaggerNewsInput[],
  sample: 1000,
  passes: 3,
  loads: 5,
} as const;

export interface TaggerRate {
  /** Tokens per wall-clock second. */
  tokensPerSecond: number;
  /** Tokens per second of CPU time used by the process: the one-core rate on a busy machine. */
  tokensPerCpuSecond: number;
}

/** Tagging of one input by both taggers. */
export interface TaggerRun {
  input: string;
  documents: number;
  tokens: number;
  /** "fresh": one pass of freshly loaded taggers (news); "warm": the best of several passes after a warm-up. */
  mode: "fresh" | "warm";
  ner: TaggerRate;
  pos: TaggerRate;
}

export interface TaggerLoad {
  /** Time of the process's first load of the model (as an extraction worker loads it), in milliseconds. */
  firstLoadMs: number;
  /** Median time of the later loads, in milliseconds. */
  loadMs: number;
  /** Size of the model file in bytes. */
  bytes: number;
}

export interface TaggerBench {
  runs: TaggerRun[];
  ner: TaggerLoad;
  pos: TaggerLoad;
}

type Documents = string[][][];

const loaders = {
  ner: (bytes: Uint8Array): Tagger => NerTagger.fromData(decodeNerModel(bytes, "ner.bin", loadClusters())),
  pos: (bytes: Uint8Array): Tagger => PosTagger.fromData(decodePosModel(bytes, "pos.bin", loadClusters())),
};
const FILES = { ner: "ner.bin", pos: "pos.bin" } as const;

/** A document's words, sentence by sentence, as the extraction splits it (src/extract/index.ts). */
function pipelineWords(text: string): string[][] {
  return splitSentencesCounted(text).sentences.map((s) => s.tokens.map((t) => t.text));
}

/** Documents (lists of tokenized sentences) of a CoNLL file or of text files/folders. */
function localDocuments(input: string): Documents {
  if (input.endsWith(".txt") && statSync(input).isFile() && /^-DOCSTART-|^\S+ \S+ \S+ \S+$/m.test(readFileSync(input, "utf8").slice(0, 2000))) {
    return readConll(input).map((d) => d.sentences.map((s) => s.words));
  }
  const files = statSync(input).isDirectory()
    ? readdirSync(input)
        .filter((f) => /\.(txt|md)$/.test(f))
        .sort()
        .map((f) => join(input, f))
    : [input];
  return files.map((f) => pipelineWords(readFileSync(f, "utf8")));
}

/** `sample` documents, evenly spread, of a JSONL news corpus, with their text as the corpus reader trims it. */
function newsDocuments(path: string, sample: number): Documents {
  const bytes = readFileSync(path);
  const lines = (path.endsWith(".gz") ? gunzipSync(bytes) : bytes).toString("utf8").split("\n").filter((l) => l.trim() !== "");
  const step = Math.max(1, lines.length / sample);
  const docs: Documents = [];
  for (let i = 0; i < lines.length && docs.length < sample; i += step) {
    const text = (JSON.parse(lines[Math.floor(i)]!) as { text: string }).text.replace(/\r\n?/g, "\n").trim();
    docs.push(pipelineWords(text));
  }
  return docs;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function countTokens(docs: Documents): number {
  let tokens = 0;
  for (const d of docs) for (const s of d) tokens += s.length;
  return tokens;
}

function load(which: keyof typeof FILES): Tagger {
  return loaders[which](readFileSync(modelPath(FILES[which])));
}

function timeLoads(which: keyof typeof FILES, loads: number): TaggerLoad {
  const times: number[] = [];
  for (let i = 0; i < loads; i++) {
    const t0 = performance.now();
    load(which);
    times.push(performance.now() - t0);
  }
  return { firstLoadMs: times[0]!, loadMs: median(times.slice(1)), bytes: statSync(modelPath(FILES[which])).size };
}

/** Wall and CPU milliseconds of one pass of a tagger over the documents. */
function pass(tagger: Tagger, docs: Documents): { wall: number; cpu: number } {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const d of docs) tagger.tagDocument(d);
  const cpu = process.cpuUsage(c0);
  return { wall: performance.now() - t0, cpu: (cpu.user + cpu.system) / 1000 };
}

function rate(tokens: number, ms: { wall: number; cpu: number }): TaggerRate {
  return { tokensPerSecond: tokens / (ms.wall / 1000), tokensPerCpuSecond: tokens / (ms.cpu / 1000) };
}

/** One pass of a freshly loaded tagger. */
function fresh(which: keyof typeof FILES, docs: Documents, tokens: number): TaggerRate {
  return rate(tokens, pass(load(which), docs));
}

/** The best of `passes` passes of a tagger after a warm-up pass. */
function warm(which: keyof typeof FILES, docs: Documents, tokens: number, passes: number): TaggerRate {
  const tagger = load(which);
  pass(tagger, docs);
  let best = { wall: Infinity, cpu: Infinity };
  for (let p = 0; p < passes; p++) {
    const ms = pass(tagger, docs);
    best = { wall: Math.min(best.wall, ms.wall), cpu: Math.min(best.cpu, ms.cpu) };
  }
  return rate(tokens, best);
}

/** Measure load time and throughput of the NER and POS taggers. */
export function benchTagger(options: TaggerBenchOptions = {}): TaggerBench {
  const input = options.input ?? (existsSync(TAGGER_BENCH_DEFAULTS.conll) ? TAGGER_BENCH_DEFAULTS.conll : TAGGER_BENCH_DEFAULTS.seeds);
  const news = (options.news ?? TAGGER_BENCH_DEFAULTS.news).filter((n) => existsSync(n.path));
  const sample = options.sample ?? TAGGER_BENCH_DEFAULTS.sample;
  const passes = options.passes ?? TAGGER_BENCH_DEFAULTS.passes;
  const loads = Math.max(2, options.loads ?? TAGGER_BENCH_DEFAULTS.loads);
  // Loads first, while no model is loaded yet.
  const ner = timeLoads("ner", loads);
  const pos = timeLoads("pos", loads);
  const runs: TaggerRun[] = [];
  for (const n of news) {
    const docs = newsDocuments(n.path, sample);
    const tokens = countTokens(docs);
    runs.push({ input: n.name, documents: docs.length, tokens, mode: "fresh", ner: fresh("ner", docs, tokens), pos: fresh("pos", docs, tokens) });
  }
  const docs = localDocuments(input);
  const tokens = countTokens(docs);
  runs.push({ input, documents: docs.length, tokens, mode: "warm", ner: warm("ner", docs, tokens, passes), pos: warm("pos", docs, tokens, passes) });
  return { runs, ner, pos };
}

/** Human lines of a tagger benchmark. */
export function formatTaggerBench(b: TaggerBench): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const speed = (r: TaggerRate) => `${n(r.tokensPerCpuSecond)} tokens/CPU-s (${n(r.tokensPerSecond)}/s wall)`;
  const lines = b.runs.map(
    (r) =>
      `${r.input} (${n(r.documents)} documents, ${n(r.tokens)} tokens, ${r.mode === "fresh" ? "one pass, fresh taggers" : "warm, best pass"}): ` +
      `NER ${speed(r.ner)}, POS ${speed(r.pos)}`,
  );
  const loadLine = (name: string, l: TaggerLoad) =>
    `${name} load ${l.firstLoadMs.toFixed(0)} ms first in the process, ${l.loadMs.toFixed(0)} ms reloaded, model ${(l.bytes / 1e6).toFixed(2)} MB`;
  return [...lines, `${loadLine("NER", b.ner)}; ${loadLine("POS", b.pos)}`].join("\n");
}
