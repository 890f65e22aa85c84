/**
 * Benchmark of the dependency parser: model load time and size, parsing speed on one core over the UD
 * dev files (tags from our POS tagger, tagging not timed), and its speed inside the extraction pipeline:
 * the time the extraction of news documents spends in the parser, per token parsed, with the share of
 * sentences the extraction had parsed (it parses a sentence only when a relation rule reads its tree).
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
import { sampleDocuments } from "./corpus.js";

export const PARSER_BENCH_DEFAULTS = {
  ud: [join(PACKAGE_ROOT, "..", "shared", "corpora", "ud", "en_ewt-ud-dev.conllu"), join(PACKAGE_ROOT, "..", "shared", "corpora", "ud", "en_gum-news-ud-dev.conllu")],
  news: join(PACKAGE_ROOT, "..", "shared", "corpora", "news", "bbc", "bbc_news.jsonl"),
  documents: 1000,
  passes: 3,
  loads: 5,
} as const;

export interface ParserBench {
  loadMs: number;
  bytes: number;
  /** Treebank tokens parsed per second (best pass). */
  tokensPerSecond: number;
  treebankTokens: number;
  /** In the extraction of news documents: tokens parsed per second of parser time. */
  pipeline: { documents: number; sentences: number; parsedSentences: number; parsedTokens: number; tokensPerSecond: number; extractSeconds: number; parseSeconds: number } | null;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A parser that counts the time and tokens of the parses it forwards. */
class TimedParser implements SentenceParser {
  seconds = 0;
  tokens = 0;
  sentences = 0;
  constructor(private readonly inner: SentenceParser) {}
  parse(words: readonly string[], tags: readonly string[]) {
    const t0 = performance.now();
    const tree = this.inner.parse(words, tags);
    this.seconds += (performance.now() - t0) / 1000;
    this.tokens += words.length;
    this.sentences++;
    return tree;
  }
}

export async function benchParser(): Promise<ParserBench> {
  const path = modelPath("parser.bin");
  const loads: number[] = [];
  let parser: DependencyParser | undefined;
  for (let i = 0; i < PARSER_BENCH_DEFAULTS.loads; i++) {
    const t0 = performance.now();
    parser = DependencyParser.fromData(decodeParserModel(readFileSync(path), path, loadClusters()));
    loads.push(performance.now() - t0);
  }
  const pos = loadPosTagger();
  let best = Infinity;
  let treebankTokens = 0;
  const files = PARSER_BENCH_DEFAULTS.ud.filter((f) => existsSync(f));
  if (files.length > 0) {
    const bank = alignTreebank(files.flatMap((f) => readConllu(f)), pos);
    for (const p of bank.pairs) treebankTokens += p.aligned.tokens.length;
    for (let pass = 0; pass <= PARSER_BENCH_DEFAULTS.passes; pass++) {
      const t0 = performance.now();
      bank.pairs.forEach((p, i) => parser!.parse(p.aligned.tokens, bank.tags[i]!));
      if (pass > 0) best = Math.min(best, performance.now() - t0);
    }
  }
  let pipeline: ParserBench["pipeline"] = null;
  if (existsSync(PARSER_BENCH_DEFAULTS.news)) {
    const docs = await sampleDocuments(PARSER_BENCH_DEFAULTS.news, PARSER_BENCH_DEFAULTS.documents);
    const timed = new TimedParser(parser!);
    const extractor = loadExtractor({ parser: timed });
    const t0 = performance.now();
    for (const d of docs) extractDocument(extractor, d);
    const extractSeconds = (performance.now() - t0) / 1000;
    let sentences = 0;
    for (const d of docs) sentences += splitSentences(d.text).length;
    pipeline = {
      documents: docs.length,
      sentences,
      parsedSentences: timed.sentences,
      parsedTokens: timed.tokens,
      tokensPerSecond: timed.tokens / timed.seconds,
      extractSeconds,
      parseSeconds: timed.seconds,
    };
  }
  return { loadMs: median(loads), bytes: statSync(path).size, tokensPerSecond: treebankTokens / (best / 1000), treebankTokens, pipeline };
}

/** Human lines of a parser benchmark. */
export function formatParserBench(b: ParserBench): string {
  const n = (x: number) => Math.round(x).toLocaleString("en-US");
  const lines = [`model ${(b.bytes / 1e6).toFixed(2)} MB, load ${b.loadMs.toFixed(0)} ms`];
  if (b.treebankTokens > 0) lines.push(`UD dev (EWT + GUM news), ${n(b.treebankTokens)} tokens: ${n(b.tokensPerSecond)} tokens/s`);
  const p = b.pipeline;
  if (p) {
    lines.push(
      `in the extraction of ${n(p.documents)} BBC documents: ${n(p.tokensPerSecond)} tokens/s while parsing; ${n(p.parsedSentences)} of ${n(p.sentences)} sentences parsed ` +
        `(${n(p.parsedTokens)} tokens), ${p.parseSeconds.toFixed(2)} s of ${p.extractSeconds.toFixed(2)} s extraction`,
    );
  }
  return lines.join("\n");
}
