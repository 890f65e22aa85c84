#!/usr/bin/env node
/**
 * `npm run train:clusters`: induces the word clusters shared by the NER tagger, the POS tagger and the
 * parser (src/nlp/models/clusters.bin) from unlabeled text: the Reuters-21578 and BBC news texts, plus the
 * words (no labels) of the CoNLL-2003 and UD English training files. Brown-style classes by the exchange
 * algorithm, nested over several granularities (brown-clusters.ts). Dev and test files are never read. The
 * same text gives the same bytes.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Command } from "commander";
import { handleError } from "../cli/output.js";
import { modelPath, PACKAGE_ROOT } from "../paths.js";
import { readConllu } from "./parser/conllu.js";
import { alignTreebank } from "./parser/treebank.js";
import { BROWN_DEFAULTS, buildBrownClusters } from "./tagger/brown-clusters.js";
import { encodeClusters } from "./tagger/clusters.js";
import { readConll } from "./tagger/conll-reader.js";
import { readUnlabeledSentences } from "./tagger/unlabeled.js";

const CORPORA = join(PACKAGE_ROOT, "..", "shared", "corpora");
const DEFAULT_UNLABELED = [join(CORPORA, "news", "reuters21578", "reuters21578.jsonl.gz"), join(CORPORA, "news", "bbc", "bbc_news.jsonl")];
const DEFAULT_CONLL = [join(CORPORA, "conll2003", "train.txt")];
const DEFAULT_UD = [join(CORPORA, "ud", "en_ewt-ud-train.conllu"), join(CORPORA, "ud", "en_gum-news-ud-train.conllu")];

function main(): void {
  const program = new Command()
    .name("train-clusters")
    .option("--out <file>", "where to write the clusters", modelPath("clusters.bin"))
    .option("--unlabeled <files...>", "JSONL(.gz) news text (the `text` field)", DEFAULT_UNLABELED)
    .option("--conll <files...>", "CoNLL-2003 training files (words only)", DEFAULT_CONLL)
    .option("--ud <files...>", "UD CoNLL-U training files (words only)", DEFAULT_UD)
    .option("--levels <sizes>", "classes per level, coarse to fine", BROWN_DEFAULTS.levels.join(","))
    .option("--min-count <n>", "words seen fewer times are not clustered", String(BROWN_DEFAULTS.minCount))
    .option("--passes <n>", "largest number of exchange passes per level", String(BROWN_DEFAULTS.maxPasses))
    .option("--quiet", "print only the summary")
    .parse(process.argv);
  const opts = program.opts<{ out: string; unlabeled: string[]; conll: string[]; ud: string[]; levels: string; minCount: string; passes: string; quiet?: boolean }>();
  const log = opts.quiet ? () => {} : (m: string) => process.stderr.write(`${m}\n`);
  const t0 = performance.now();
  const sentences = [
    ...readUnlabeledSentences(opts.unlabeled),
    ...opts.conll.flatMap((f) => readConll(f).flatMap((d) => d.sentences.map((s) => s.words))),
    ...alignTreebank(opts.ud.flatMap((f) => readConllu(f)), null).pairs.map((p) => p.aligned.tokens),
  ];
  let tokens = 0;
  for (const s of sentences) tokens += s.length;
  log(`text: ${sentences.length} sentences, ${tokens} tokens (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  const levels = opts.levels.split(",").map(Number);
  const minCount = Number(opts.minCount);
  const maxPasses = Number(opts.passes);
  const clusters = buildBrownClusters(sentences, { levels, minCount, maxPasses, log });
  const bytes = encodeClusters(clusters, { levels, minCount, maxPasses, sentences: sentences.length, tokens });
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(`${opts.out}.tmp`, bytes);
  renameSync(`${opts.out}.tmp`, opts.out);
  process.stdout.write(
    `clusters: ${clusters.keys.length} words in ${levels.join("/")} classes, from ${tokens} tokens; ${opts.out} ${(bytes.length / 1e6).toFixed(2)} MB (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`,
  );
}

try {
  main();
} catch (err) {
  handleError(err);
}
