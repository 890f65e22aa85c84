#!/usr/bin/env node
/**
 * `npm run train:parser [-- UD_DIR]`: trains the part-of-speech tagger and the dependency parser so that
 * their tokens and tags agree, on Universal Dependencies English (EWT + GUM news/interview/bio, on our
 * tokenization), with the shared word clusters (src/nlp/models/clusters.bin, `npm run train:clusters`).
 * Selection: the POS tagger's epochs and pruning by accuracy on the dev files (adding CoNLL-2003's automatic POS column lowered it, so it is not used); the
 * parser trained on the train files with jackknifed tags (each quarter tagged by a POS model trained
 * without it, so it learns from the tag errors it meets in use), scored on the dev files (tagged by the
 * train-only POS model) after every epoch; its epoch and pruning by dev LAS within the size budget. Final
 * models: both retrained with those settings fixed on train + dev and written to src/nlp/models/pos.bin
 * and parser.bin (`--select-only` keeps the train-only models). The test files are never read. Same
 * data, same bytes (seeded orders, no clocks in the models).
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Command } from "commander";
import { handleError } from "../cli/output.js";
import { scoreUd } from "../eval/ud.js";
import { modelPath, PACKAGE_ROOT } from "../paths.js";
import { seededRandom } from "../random.js";
import { readConllu } from "./parser/conllu.js";
import { learnExpansion } from "./parser/expansion.js";
import { DependencyParser, encodeParserModel, freezeParser, trainedParser, type ParserModelData, type TrainedParser } from "./parser/parser.js";
import { alignTreebank, relationInventory, trainingTrees, withTags, type AlignedTreebank } from "./parser/treebank.js";
import { ParserTrainer } from "./parser/training.js";
import type { ConllDocument } from "./tagger/conll-reader.js";
import { loadClusters } from "./tagger/clusters.js";
import { encodePosModel, PosTagger } from "./tagger/pos-tagger.js";
import { trainPos, trainPosFinal } from "./tagger/pos-training.js";

const DEFAULT_DATA = join(PACKAGE_ROOT, "..", "shared", "corpora", "ud");
const FOLDS = 4;
const TRAIN = ["en_ewt-ud-train.conllu", "en_gum-news-ud-train.conllu"];
const DEV = ["en_ewt-ud-dev.conllu", "en_gum-news-ud-dev.conllu"];
/** Training settings, fixed: epochs are chosen on dev within this budget. */
const SETTINGS = {
  maxEpochs: 25,
  explore: 0.9,
  seed: 20261204,
  /** Pruning thresholds tried for the move and relation models (every pair). */
  pruneMoves: [1, 1.5, 2, 3],
  pruneRels: [1, 2, 3, 4],
  /** Largest model file. */
  maxBytes: 15e6,
};

function writeAtomic(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, bytes);
  renameSync(`${path}.tmp`, path);
}

function main(): void {
  const program = new Command()
    .name("train-parser")
    .argument("[data]", "folder with the UD English CoNLL-U files", DEFAULT_DATA)
    .option("--out <dir>", "where to write parser.bin and pos.bin", dirname(modelPath("parser.bin")))
    .option("--epochs <n>", "largest number of epochs", String(SETTINGS.maxEpochs))
    .option("--clusters <file>", "word clusters (made by npm run train:clusters)", modelPath("clusters.bin"))
    .option("--select-only", "keep the models trained on the train files alone (skip the final retraining on train + dev)")
    .option("--quiet", "print only the final figures")
    .parse(process.argv);
  const dir = resolve(program.args[0] ?? DEFAULT_DATA);
  const opts = program.opts<{ out: string; epochs: string; clusters: string; selectOnly?: boolean; quiet?: boolean }>();
  const log = opts.quiet ? () => {} : (m: string) => process.stderr.write(`${m}\n`);
  const t0 = performance.now();
  const train = alignTreebank(TRAIN.flatMap((f) => readConllu(join(dir, f))), null);
  const devGold = alignTreebank(DEV.flatMap((f) => readConllu(join(dir, f))), null);
  const clusters = loadClusters(opts.clusters);
  // POS tagger: selection on UD dev, final model on all training sentences.
  const asDoc = (bank: AlignedTreebank, keep: (i: number) => boolean = () => true): ConllDocument => ({
    sentences: bank.pairs.flatMap((p, i) => (keep(i) ? [{ words: p.aligned.tokens, pos: bank.tags[i]!, tags: [] }] : [])),
  });
  const { report } = trainPos([asDoc(train)], [asDoc(devGold)], { log, clusters, maxEpochs: 12 });
  const posData = trainPosFinal([asDoc(train)], report, { log, clusters });
  const tagger = PosTagger.fromData(posData);
  log(`pos: ${report.epochs} epochs, pruned |w| < ${report.threshold}, dev accuracy ${(report.devAccuracy * 100).toFixed(2)}%`);
  // Jackknifed tags of the parser's training sentences.
  const foldOf = (i: number) => Math.floor((i * FOLDS) / train.pairs.length);
  const jackknifed: string[][] = [];
  for (let f = 0; f < FOLDS; f++) {
    const foldTagger = PosTagger.fromData(trainPosFinal([asDoc(train, (i) => foldOf(i) !== f)], report, { clusters }));
    const held = train.pairs.filter((_, i) => foldOf(i) === f);
    jackknifed.push(...foldTagger.tagDocument(held.map((p) => p.aligned.tokens)));
    log(`jackknife fold ${f + 1}/${FOLDS}: ${held.length} sentences tagged`);
  }
  const expansion = learnExpansion(train.pairs);
  const relations = relationInventory(train);
  const trees = trainingTrees(withTags(train, jackknifed), relations);
  const dev = withTags(devGold, tagger.tagDocument(devGold.pairs.map((p) => p.aligned.tokens)));
  log(`train: ${trees.length} trees (${train.pairs.length - trees.length} not mapped onto our tokens), ${relations.length} relations; dev: ${dev.pairs.length} sentences`);
  const trainer = new ParserTrainer(relations, clusters);
  const random = seededRandom(SETTINGS.seed);
  let best: { epoch: number; las: number; uas: number; trained: TrainedParser } | null = null;
  for (let epoch = 1; epoch <= Number(opts.epochs); epoch++) {
    const stats = trainer.epoch(trees, random, epoch > 1 ? SETTINGS.explore : 0);
    const trained = trainer.trained(expansion);
    const score = scoreUd(dev, trainedParser(trained));
    log(`epoch ${epoch}: move errors ${(stats.moveErrors * 100).toFixed(2)}%, relation errors ${(stats.relErrors * 100).toFixed(2)}%; dev UAS ${score.uas.toFixed(4)} LAS ${score.las.toFixed(4)} (${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    if (!best || score.las > best.las) best = { epoch, las: score.las, uas: score.uas, trained };
  }
  if (!best) throw new Error("no epoch trained");
  // Pruning: of the threshold pairs whose file fits the budget, the one with the best dev LAS.
  const fitting: { thresholds: { moves: number; rels: number }; las: number }[] = [];
  let chosen: { thresholds: { moves: number; rels: number }; las: number; uas: number; model: ParserModelData } | null = null;
  for (const moves of SETTINGS.pruneMoves) {
    for (const rels of SETTINGS.pruneRels) {
      const thresholds = { moves, rels };
      const info = { epoch: best.epoch, pruned: thresholds, data: "Universal Dependencies English: EWT train, GUM news/interview/bio train" };
      const model = freezeParser(best.trained, thresholds, info);
      const bytes = encodeParserModel(model).length;
      if (bytes > SETTINGS.maxBytes) {
        log(`prune moves |w| < ${moves}, relations |w| < ${rels}: ${(bytes / 1e6).toFixed(2)} MB, over budget`);
        continue;
      }
      const score = scoreUd(dev, DependencyParser.fromData(model));
      log(`prune moves |w| < ${moves}, relations |w| < ${rels}: ${(bytes / 1e6).toFixed(2)} MB, dev UAS ${score.uas.toFixed(4)} LAS ${score.las.toFixed(4)}`);
      fitting.push({ thresholds, las: score.las });
      if (!chosen || score.las > chosen.las) chosen = { thresholds, las: score.las, uas: score.uas, model: { ...model, info: { ...info, dev: { uas: score.uas, las: score.las } } } };
    }
  }
  if (!chosen) throw new Error("no pruning threshold fits the model size budget");
  let shipped = { pos: posData, parser: chosen.model, what: "selection models (train only)" };
  if (!opts.selectOnly) {
    // Final models: the chosen settings fixed, retrained on train + dev (the usual last step; the dev figures
    // above are the selection models'). Dev sentences keep the tags of the train-only POS model, which never saw them.
    const both = [asDoc(train), asDoc(devGold)];
    const pos = trainPosFinal(both, report, { clusters });
    const finalTrainer = new ParserTrainer(relations, clusters);
    const finalRandom = seededRandom(SETTINGS.seed);
    const allTrees = [...trees, ...trainingTrees(dev, relations)];
    for (let epoch = 1; epoch <= best.epoch; epoch++) finalTrainer.epoch(allTrees, finalRandom, epoch > 1 ? SETTINGS.explore : 0);
    const trained = finalTrainer.trained(expansion);
    // The thresholds in order of dev LAS, the first whose file still fits (more data, more features).
    const ranked = [...fitting].sort((a, b) => b.las - a.las);
    const fit = ranked
      .map(({ thresholds }) => freezeParser(trained, thresholds, { epoch: best!.epoch, pruned: thresholds, data: "Universal Dependencies English: EWT train + dev, GUM news/interview/bio train + dev", selection: chosen!.model.info }))
      .find((m) => encodeParserModel(m).length <= SETTINGS.maxBytes);
    if (!fit) throw new Error("no pruning threshold fits the model size budget for the final model");
    log(`final: ${allTrees.length} trees, ${best.epoch} epochs, pruned moves |w| < ${(fit.info.pruned as { moves: number }).moves}, relations |w| < ${(fit.info.pruned as { rels: number }).rels}`);
    shipped = { pos, parser: fit, what: `retrained on train + dev (${allTrees.length} trees)` };
  }
  const bytes = encodeParserModel(shipped.parser);
  const posBytes = encodePosModel(shipped.pos);
  writeAtomic(join(opts.out, "pos.bin"), posBytes);
  writeAtomic(join(opts.out, "parser.bin"), bytes);
  process.stdout.write(`pos: dev accuracy ${(report.devAccuracy * 100).toFixed(2)}% (UD dev), pos.bin ${(posBytes.length / 1e6).toFixed(2)} MB\n`);
  process.stdout.write(`shipped: ${shipped.what}\n`);
  process.stdout.write(`parser selection: epoch ${best.epoch} of ${opts.epochs}, pruned moves |w| < ${chosen.thresholds.moves}, relations |w| < ${chosen.thresholds.rels}, dev UAS ${chosen.uas.toFixed(4)} LAS ${chosen.las.toFixed(4)}; parser.bin ${(bytes.length / 1e6).toFixed(2)} MB (${((performance.now() - t0) / 1000).toFixed(0)} s)\n`);
}

try {
  main();
} catch (err) {
  handleError(err);
}
