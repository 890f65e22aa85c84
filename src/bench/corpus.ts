/**
 * The corpora the benchmark builds (BBC News and Reuters-21578 under ../shared/corpora/news): which are
 * selected (`--only`, `--skip`), a one-line error when one is missing, the input a run reads (the whole
 * corpus, or `--documents N` of its records spread evenly, written to a JSONL file of the run), and the
 * evenly spread sample of Documents the parser benchmark extracts.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { readDocuments } from "../corpus/read.js";
import { NewsgraphError } from "../errors.js";
import { PACKAGE_ROOT } from "../paths.js";
import type { Document } from "../types.js";

export const CORPUS_KEYS = ["bbc", "reuters"] as const;
export type CorpusKey = (typeof CORPUS_KEYS)[number];

export interface BenchCorpus {
  key: CorpusKey;
  name: string;
  path: string;
}

const SHARED_NEWS = join(PACKAGE_ROOT, "..", "shared", "corpora", "news");

export const BENCH_CORPORA: readonly BenchCorpus[] = [
  { key: "bbc", name: "BBC News", path: join(SHARED_NEWS, "bbc", "bbc_news.jsonl") },
  { key: "reuters", name: "Reuters-21578", path: join(SHARED_NEWS, "reuters21578", "reuters21578.jsonl.gz") },
];

function corpusKeys(list: string[], option: string): Set<string> {
  for (const key of list) {
    if (!(CORPUS_KEYS as readonly string[]).includes(key)) throw new NewsgraphError("BAD_ARGUMENT", `bench: ${option} takes ${CORPUS_KEYS.join(", ")} (got ${JSON.stringify(key)})`);
  }
  return new Set(list);
}

/** The corpora selected by `--only` and `--skip` (all by default); a selected corpus that is missing is an error. */
export function selectCorpora(only: string[] | undefined, skip: string[] = [], corpora: readonly BenchCorpus[] = BENCH_CORPORA): BenchCorpus[] {
  const kept = only ? corpusKeys(only, "--only") : new Set<string>(CORPUS_KEYS);
  const skipped = corpusKeys(skip, "--skip");
  const selected = corpora.filter((c) => kept.has(c.key) && !skipped.has(c.key));
  for (const c of selected) {
    if (!existsSync(c.path)) throw new NewsgraphError("INPUT_MISSING", `bench: the ${c.name} corpus is not at ${c.path} (is ../shared/corpora there?); pass --skip ${c.key} to bench without it`, { file: c.path });
  }
  return selected;
}

/** Indices of `count` items spread evenly over `total`. */
function spread(total: number, count: number): number[] {
  const step = Math.max(1, total / count);
  const out: number[] = [];
  for (let i = 0; i < total && out.length < count; i += step) out.push(Math.floor(i));
  return out;
}

/**
 * The file a run of the benchmark reads for a corpus: the corpus itself, or (with `documents`) a JSONL
 * file in `work` holding that many of its records, spread evenly.
 */
export function benchInput(corpus: BenchCorpus, documents: number | undefined, work: string): string {
  if (documents === undefined) return corpus.path;
  const raw = readFileSync(corpus.path);
  const lines = (corpus.path.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8").split("\n").filter((l) => l.trim() !== "");
  const path = join(work, `${corpus.key}-${documents}.jsonl`);
  writeFileSync(path, spread(lines.length, documents).map((i) => lines[i] + "\n").join(""));
  return path;
}

/** `sample` documents spread evenly over the corpus. */
export async function sampleDocuments(path: string, sample: number): Promise<Document[]> {
  const all: Document[] = [];
  for await (const doc of readDocuments([path])) all.push(doc);
  return spread(all.length, sample).map((i) => all[i]!);
}
