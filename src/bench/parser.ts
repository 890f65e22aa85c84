/**
 * Benchmark of the dependency parser, on one core: model load time and size; its speed as the pipeline
 * calls it, inside the extraction of news documents (BBC, Reuters-21578: sentences split by
 * nlp/sentences.ts, tagged by the pipeline's POS tagger, parsed when a relation rule first reads the
 * tree), per token parsed, with the share of sentences the extraction had parsed; the same sentences
 * parsed again on their own (what the parser does when the other stages do not share its caches); and its
 * speed over the UD dev files (tags from our POS tagger, tagging not timed). Times are CPU time, which a
 * busy machine inflates less than wall time: the parsing thread's own where the platform gives it
 * (bench/cpu-clocks.ts), else the process's.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadExtractor } from "../extract/extractor.js";
import { extractDocument } from "../extract/index.js";
import { readConllu } from "../nlp/parser/conllu.js";
import { decodeParserModel, DependencyParser, type SentenceParser } from "../nlp/parser/parser.js";
import { alignTreebank } from "../nlp/parser/treebank.js";
import { splitSentences } from "../nlp/sentences.js";
import { loadClusters, loadPosTagger } from "../nlp/tagger/index.js";
import { modelPath, PACKAGE_ROOT } from "../paths.js";
import { processCpuMs, threadCpuClock } from "./cpu-clocks.js";
import { sampleDocuments } from "./corpus.js";

const NEWS = join(PACKAGE_ROOT, "..", "shared", "corpora", "news");

export const PARSER_BENCH_DEFAULTS = {
  ud: [join(PACKAGE_ROOT, "..", "shared", "corpora", "ud", "en_ewt-ud-dev.conllu"), join(PACKAGE_ROOT, "..", "shared", "corpora", "ud", "en_gum-news-ud-dev.conllu")],
  news: [
    { name: "BBC", path: join(NEWS, "bbc", "bbc_news.jsonl") },
    { name: "Reuters-21578", path: join(NEWS, "reuters21578", "reuters21578.jsonl.gz") },
  ],
  /** Documents per news corpus, spread evenly over it. */
  documents: 500,
  /** Timed passes over the same sentences (the best counts). */
  passes: 3,
  loads: 5,
} as const;

/** The parser in the extraction of one news corpus. */
export interface PipelineParse {
  corpus: string;
  documents: number;
  sentences: number;
  parsedSentences: number;
  parsedTokens: number;
  /** Tokens parsed per CPU second of parsing, inside the extraction. */
  tokensPerSecond: number;
  /** The same sentences parsed again on their own (best pass). */
  aloneTokensPerSecond: number;
  extractSeconds: number;
  parseSeconds: number;
}

export interface ParserBench {
  /** CPU milliseconds to read and build the model (median). */
  loadMs: number;
  bytes: number;
  /** Treebank tokens parsed per second (best pass). */
  tokensPerSecond: number;
  treebankTokens: number;
  /** In the extraction of news documents, one entry per corpus found. */
  pipeline: PipelineParse[];
}

/** CPU seconds so far: this thread's own, or the process's (the clock chosen at the first call). */
let cpuMs: (() => number) | undefined;
const cpuSeconds = () => (cpuMs ??= threadCpuClock() ?? processCpuMs)() / 1000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Tokens per CPU second of the best of `passes` runs of `parseAll` (which parses `tokens` tokens). */
function bestRate(tokens: number, parseAll: () => void): number {
  let best = Infinity;
  for (let pass = 0; pass < PARSER_BENCH_DEFAULTS.passes; pass++) {
    const t0 = cpuSeconds();
    parseAll();
    best = Math.min(best, cpuSeconds() - t0);
  }
  return tokens / best;
}

/** A parser that records the sentences it forwards and the CPU time they took. */
class TimedParser implements SentenceParser {
  seconds = 0;
  tokens = 0;
  readonly inputs: [readonly string[], readonly string[]][] = [];
  constructor(private readonly inner: SentenceParser) {}
  parse(words: readonly string[], tags: readonly string[]) {
    const t0 = cpuSeconds();
    const tree = this.inner.parse(words, tags);
    this.seconds += cpuSeconds() - t0;
    this.tokens += words.length;
    this.inputs.push([words, tags]);
    return tree;
  }
}

async function benchPipeline(parser: DependencyParser, corpus: string, path: string): Promise<PipelineParse> {
  const docs = await sampleDocuments(path, PARSER_BENCH_DEFAULTS.documents);
  const timed = new TimedParser(parser);
  const extractor = loadExtractor({ parser: timed });
  const t0 = cpuSeconds();
  for (const d of docs) extractDocument(extractor, d);
  const extractSeconds = cpuSeconds() - t0;
  let sentences = 0;
  for (const d of docs) sentences += splitSentences(d.text).length;
  return {
    corpus,
    documents: docs.length,
    sentences,
    parsedSentences: timed.inputs.length,
    parsedTokens: timed.tokens,
    tokensPerSecond: timed.tokens / timed.seconds,
    aloneTokensPerSecond: bestRate(timed.tokens, () => timed.inputs.forEach(([words, tags]) => parser.parse(words, tags))),
    extractSeconds,
    parseSeconds: timed.seconds,
  };
}

export async function benchParser(): Promise<ParserBench> {
  const path = modelPath("parser.bin");
  const loads: number[] = [];
  let parser: DependencyParser | undefined;
  for (let i = 0; i < PARSER_BENCH_DEFAULTS.loads; i++) {
    const t0 = cpuSeconds();
    parser = DependencyParser.fromData(decodeParserModel(readFileSync(path), path, loadClusters()));
    loads.push((cpuSeconds() - t0) * 1000);
  }
  const loaded = parser!;
  let tokensPerSecond = 0;
  let treebankTokens = 0;
  const files = PARSER_BENCH_DEFAULTS.ud.filter((f) => existsSync(f));
  if (files.length > 0) {
    const bank = alignTreebank(files.flatMap((f) => readConllu(f)), loadPosTagger());
    for (const p of bank.pairs) treebankTokens += p.aligned.tokens.length;
    bank.pairs.forEach((p, i) => loaded.parse(p.aligned.tokens, bank.tags[i]!));
    tokensPerSecond = bestRate(treebankTokens, () => bank.pairs.forEach((p, i) => loaded.parse(p.aligned.tokens, bank.tags[i]!)));
  }
  const pipeline: PipelineParse[] = [];
  for (const { name, path: news } of PARSER_BENCH_DEFAULTS.news) if (existsSync(news)) pipeline.push(await benchPipeline(loaded, name, news));
  return { loadMs: median(loads), bytes: statSync(path).size, tokensPerSecond, treebankTokens, pipeline };
}

/** Human lines of a parser benchmark. */
export function formatParserBench(b: ParserBench): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const lines = [`model ${(b.bytes / 1e6).toFixed(2)} MB, load ${b.loadMs.toFixed(0)} ms CPU`];
  if (b.treebankTokens > 0) lines.push(`UD dev (EWT + GUM news), ${n(b.treebankTokens)} tokens: ${n(b.tokensPerSecond)} tokens/s`);
  for (const p of b.pipeline) {
    lines.push(
      `in the extraction of ${n(p.documents)} ${p.corpus} documents: ${n(p.tokensPerSecond)} tokens/s while parsing (${n(p.aloneTokensPerSecond)} tokens/s for the same sentences alone); ` +
        `${n(p.parsedSentences)} of ${n(p.sentences)} sentences parsed (${n(p.parsedTokens)} tokens), ${p.parseSeconds.toFixed(2)} s of ${p.extractSeconds.toFixed(2)} s extraction (CPU)`,
    );
  }
  return lines.join("\n");
}
