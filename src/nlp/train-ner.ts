#!/usr/bin/env node
/**
 * `npm run train:ner [-- DATA_DIR]`: trains the NER tagger in two steps (the POS tagger is trained with
 * the parser, by `npm run train:parser`, on Universal Dependencies). Selection: train on
 * CoNLL-2003 train.txt, choosing epochs and pruning on dev.txt, and print those dev figures. Final model:
 * retrain with the chosen hyperparameters fixed on train.txt + dev.txt (the casing lexicon included), the
 * usual last step for CoNLL-2003 systems; `--select-only` keeps the train-only model instead. test.txt is
 * never read. The word clusters are the shared src/nlp/models/clusters.bin (`npm run train:clusters`, from
 * unlabeled news and the train text), the same for both models; the casing lexicon is induced here from
 * the news text and the labeled text. Writes src/nlp/models/ner.bin. DATA_DIR defaults to
 * ../shared/corpora/conll2003 relative to the package root. The same data gives the same model bytes (fixed
 * seed, no clocks or randomness in the models).
 */
import { mkdirSync, writeFileSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Command } from "commander";
import { scoreChunks } from "../eval/conll.js";
import { PACKAGE_ROOT, modelPath } from "../paths.js";
import { handleError } from "../cli/output.js";
import { loadClusters } from "./tagger/clusters.js";
import { readConll, type ConllDocument } from "./tagger/conll-reader.js";
import { buildGazetteerData } from "./tagger/gazetteer.js";
import { encodeNerModel } from "./tagger/ner-tagger.js";
import { trainNer, trainNerFinal } from "./tagger/ner-training.js";
import { readUnlabeledSentences } from "./tagger/unlabeled.js";
import { buildCasingLexicon } from "./tagger/word-lexicons.js";

const DEFAULT_DATA = join(PACKAGE_ROOT, "..", "shared", "corpora", "conll2003");
const DEFAULT_UNLABELED = [
  join(PACKAGE_ROOT, "..", "shared", "corpora", "news", "reuters21578", "reuters21578.jsonl.gz"),
  join(PACKAGE_ROOT, "..", "shared", "corpora", "news", "bbc", "bbc_news.jsonl"),
];

function writeAtomic(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
}

const pct = (x: number) => (x * 100).toFixed(2);
const mb = (bytes: Uint8Array) => `${(bytes.length / 1e6).toFixed(2)} MB`;
const words = (docs: readonly ConllDocument[]) => docs.flatMap((d) => d.sentences.map((s) => s.words));

function main(): void {
  const program = new Command()
    .name("train-ner")
    .argument("[data]", "folder with CoNLL-2003 train.txt and dev.txt", DEFAULT_DATA)
    .option("--out <dir>", "where to write the models", dirname(modelPath("ner.bin")))
    .option("--unlabeled <files...>", "JSONL(.gz) news text for the casing lexicon", DEFAULT_UNLABELED)
    .option("--no-unlabeled", "induce the casing lexicon from the labeled CoNLL text only")
    .option("--clusters <file>", "word clusters (made by npm run train:clusters)", modelPath("clusters.bin"))
    .option("--select-only", "keep the models trained on train.txt alone (skip the final retraining on train + dev)")
    .option("--quiet", "print only the final figures")
    .parse(process.argv);
  const dataDir = resolve(program.args[0] ?? DEFAULT_DATA);
  const opts = program.opts<{ clusters: string; out: string; selectOnly?: boolean; quiet?: boolean; unlabeled: string[] | false }>();
  const log = opts.quiet ? () => {} : (m: string) => process.stderr.write(`${m}\n`);
  const t0 = performance.now();
  const train = readConll(join(dataDir, "train.txt"));
  const dev = readConll(join(dataDir, "dev.txt"));
  const devGold = dev.flatMap((d) => d.sentences.map((s) => s.tags));

  const final = !opts.selectOnly;
  const both = [...train, ...dev];

  const clusters = loadClusters(opts.clusters);
  const unlabeled = opts.unlabeled ? readUnlabeledSentences(opts.unlabeled) : [];
  const lexiconsOf = (docs: readonly ConllDocument[]) => {
    const start = performance.now();
    const text = [...unlabeled, ...words(docs)];
    const lexicons = { gazetteer: buildGazetteerData(), casing: buildCasingLexicon(text), clusters };
    log(`lexicons: ${text.length} sentences of text, ${lexicons.casing.keys.length} casing entries; ${clusters.keys.length} clustered words (${((performance.now() - start) / 1000).toFixed(1)} s)`);
    return lexicons;
  };
  const { model, report } = trainNer(train, dev, lexiconsOf(train), (pred) => scoreChunks(devGold, pred).overall.f1, { log });
  process.stdout.write(
    `NER selection on train: dev F1 ${pct(report.devF1)} (stage 1: ${report.epochs1} epochs, stage 2: ${report.epochs2} epochs, ` +
      `pruned |w| < ${report.threshold}, ${report.rows1 + report.rows2} feature rows)\n`,
  );
  const chosen = final ? trainNerFinal(both, lexiconsOf(both), report, { log }) : model;
  const bytes = encodeNerModel(chosen);
  writeAtomic(join(opts.out, "ner.bin"), bytes);
  const rows = chosen.stage1.keys.length + (chosen.stage2?.keys.length ?? 0);
  process.stdout.write(`NER model: ${final ? `retrained on train + dev (${both.length} documents)` : "train only"}, ${rows} feature rows, ner.bin ${mb(bytes)}\n`);
  process.stdout.write(`trained in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}

try {
  main();
} catch (err) {
  handleError(err);
}
