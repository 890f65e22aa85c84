/**
 * Benchmark of the sequence taggers: model load time (reading and decoding the model file and the shared
 * word clusters, building the feature tables) and tagging throughput in tokens per second on one core, over CoNLL dev documents (the
 * default, when ../shared is present) or any text files or folders split by newsgraph's sentence splitter.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT, modelPath } from "../paths.js";
import { readConll } from "../nlp/tagger/conll-reader.js";
import { decodeNerModel, decodePosModel, loadClusters, NerTagger, PosTagger, type Tagger } from "../nlp/tagger/index.js";
import { splitSentences } from "../nlp/sentences.js";

export interface TaggerBenchOptions {
  /** A CoNLL file, or text files/folders; default CoNLL dev, else the package's seeds/. */
  input?: string;
  /** Passes over the input after one warm-up pass (the best pass counts). */
  passes?: number;
  /** Loads timed (the median counts). */
  loads?: number;
}

export const TAGGER_BENCH_DEFAULTS = {
  conll: join(PACKAGE_ROOT, "..", "shared", "corpora", "conll2003", "dev.txt"),
  seeds: join(PACKAGE_ROOT, "seeds"),
  passes: 3,
  loads: 5,
} as const;

export interface TaggerRate {
  /** Tokens per wall-clock second (best pass). */
  tokensPerSecond: number;
  /** Tokens per second of CPU time used by the process (best pass): the one-core rate on a busy machine. */
  tokensPerCpuSecond: number;
  /** Median load time of the model, in milliseconds. */
  loadMs: number;
  /** Size of the model file in bytes. */
  bytes: number;
}

export interface TaggerBench {
  input: string;
  documents: number;
  tokens: number;
  ner: TaggerRate;
  pos: TaggerRate;
}

/** Documents (lists of tokenized sentences) of the benchmark input. */
function benchDocuments(input: string): string[][][] {
  if (input.endsWith(".txt") && statSync(input).isFile() && /^-DOCSTART-|^\S+ \S+ \S+ \S+$/m.test(readFileSync(input, "utf8").slice(0, 2000))) {
    return readConll(input).map((d) => d.sentences.map((s) => s.words));
  }
  const files = statSync(input).isDirectory()
    ? readdirSync(input)
        .filter((f) => /\.(txt|md)$/.test(f))
        .sort()
        .map((f) => join(input, f))
    : [input];
  return files.map((f) => splitSentences(readFileSync(f, "utf8")).map((s) => s.tokens.map((t) => t.text)));
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function rate(file: string, load: (bytes: Uint8Array) => Tagger, docs: string[][][], tokens: number, passes: number, loads: number): TaggerRate {
  const path = modelPath(file);
  const times: number[] = [];
  let tagger: Tagger | undefined;
  for (let i = 0; i < loads; i++) {
    const t0 = performance.now();
    tagger = load(readFileSync(path));
    times.push(performance.now() - t0);
  }
  for (const d of docs) tagger!.tagDocument(d); // warm-up
  let best = Infinity;
  let bestCpu = Infinity;
  for (let p = 0; p < passes; p++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    for (const d of docs) tagger!.tagDocument(d);
    const cpu = process.cpuUsage(c0);
    best = Math.min(best, performance.now() - t0);
    bestCpu = Math.min(bestCpu, (cpu.user + cpu.system) / 1000);
  }
  return { tokensPerSecond: tokens / (best / 1000), tokensPerCpuSecond: tokens / (bestCpu / 1000), loadMs: median(times), bytes: statSync(path).size };
}

/** Measure load time and throughput of the NER and POS taggers. */
export function benchTagger(options: TaggerBenchOptions = {}): TaggerBench {
  const input = options.input ?? (existsSync(TAGGER_BENCH_DEFAULTS.conll) ? TAGGER_BENCH_DEFAULTS.conll : TAGGER_BENCH_DEFAULTS.seeds);
  const passes = options.passes ?? TAGGER_BENCH_DEFAULTS.passes;
  const loads = options.loads ?? TAGGER_BENCH_DEFAULTS.loads;
  const docs = benchDocuments(input);
  let tokens = 0;
  for (const d of docs) for (const s of d) tokens += s.length;
  return {
    input,
    documents: docs.length,
    tokens,
    ner: rate("ner.bin", (b) => NerTagger.fromData(decodeNerModel(b, "ner.bin", loadClusters())), docs, tokens, passes, loads),
    pos: rate("pos.bin", (b) => PosTagger.fromData(decodePosModel(b, "pos.bin", loadClusters())), docs, tokens, passes, loads),
  };
}

/** Human lines of a tagger benchmark. */
export function formatTaggerBench(b: TaggerBench): string {
  const line = (name: string, r: TaggerRate) =>
    `${name}: ${Math.round(r.tokensPerSecond).toLocaleString("en-US")} tokens/s (${Math.round(r.tokensPerCpuSecond).toLocaleString("en-US")} per CPU second), ` +
    `load ${r.loadMs.toFixed(0)} ms, model ${(r.bytes / 1e6).toFixed(2)} MB`;
  return [`input: ${b.input} (${b.documents} documents, ${b.tokens.toLocaleString("en-US")} tokens)`, line("NER", b.ner), line("POS", b.pos)].join("\n");
}
