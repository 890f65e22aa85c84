/**
 * Training of the part-of-speech tagger on the POS column of CoNLL documents: averaged perceptron, epochs
 * and pruning threshold chosen by token accuracy on dev. Deterministic for a given seed. `trainPosFinal`
 * retrains with that epoch count and threshold fixed on more labeled documents (train + dev), scoring nothing.
 */
import type { ConllDocument } from "./conll-reader.js";
import { freeze, thaw } from "./frozen.js";
import type { ClusterLexicon } from "./clusters.js";
import type { LinearModel } from "./linear-model.js";
import { seededRandom } from "../../random.js";
import { AveragedPerceptron } from "./perceptron.js";
import { PosFeaturizer, type PosModelData } from "./pos-tagger.js";
import { SentenceFeatures } from "./sentence-features.js";
import { freeTagSet } from "./tagset.js";

export interface PosTrainingOptions {
  /** Word clusters for the cluster features (none: those features are constant). */
  clusters?: ClusterLexicon | null;
  maxEpochs?: number;
  seed?: number;
  pruneThresholds?: number[];
  /** Accuracy that may be given up for a smaller model. */
  pruneTolerance?: number;
  log?: (message: string) => void;
}

export const POS_TRAINING_DEFAULTS: Required<PosTrainingOptions> = {
  clusters: null,
  maxEpochs: 8,
  seed: 20030531,
  pruneThresholds: [0, 1, 2, 4, 8],
  pruneTolerance: 0.001,
  log: () => {},
};

export interface PosTrainingReport {
  epochs: number;
  threshold: number;
  devAccuracy: number;
  devAccuracyByEpoch: number[];
  rows: number;
}

/** Tag set, featurizer and a perceptron holding the sentences of `docs` that have every POS tag. */
function prepare(docs: readonly ConllDocument[], clusters: ClusterLexicon | null) {
  const sents = docs.flatMap((d) => d.sentences).filter((s) => s.pos.every((p) => p !== ""));
  const tags = [...new Set(sents.flatMap((s) => s.pos))].sort();
  const index = new Map(tags.map((t, i) => [t, i]));
  const tagset = freeTagSet(tags);
  const featurizer = new PosFeaturizer(clusters);
  const sf = new SentenceFeatures();
  const p = new AveragedPerceptron(tagset);
  const stored = sents.map((s) => {
    featurizer.sentence(featurizer.words(s.words), sf);
    return p.store(sf, Int32Array.from(s.pos, (t) => index.get(t)!));
  });
  return { tags, tagset, featurizer, sf, p, stored };
}

export function trainPos(
  train: readonly ConllDocument[],
  dev: readonly ConllDocument[],
  options: PosTrainingOptions = {},
): { model: PosModelData; report: PosTrainingReport } {
  const o = { ...POS_TRAINING_DEFAULTS, ...options };
  const { tags, tagset, featurizer, sf, p, stored } = prepare(train, o.clusters);
  const devSents = dev.flatMap((d) => d.sentences);
  const devWords = devSents.map((s) => featurizer.words(s.words));
  const accuracy = (m: LinearModel) => {
    let right = 0;
    let total = 0;
    devSents.forEach((s, i) => {
      featurizer.sentence(devWords[i]!, sf);
      const out = new Int32Array(s.words.length);
      m.decode(sf, out);
      for (let k = 0; k < out.length; k++) if (tags[out[k]!] === s.pos[k]) right++;
      total += out.length;
    });
    return total === 0 ? 0 : right / total;
  };
  const random = seededRandom(o.seed);
  const byEpoch: number[] = [];
  let best = { accuracy: -1, epochs: 0, frozen: freeze(p.averaged(), 0) };
  for (let e = 1; e <= o.maxEpochs; e++) {
    p.epoch(stored, random);
    const m = p.averaged();
    const acc = accuracy(m);
    byEpoch.push(acc);
    o.log(`pos epoch ${e}: dev accuracy ${(acc * 100).toFixed(2)}% (${p.table.size} features)`);
    if (acc > best.accuracy) best = { accuracy: acc, epochs: e, frozen: freeze(m, 0) };
  }
  const bestModel = thaw(best.frozen, tagset);
  let chosen = { threshold: 0, accuracy: accuracy(bestModel), frozen: best.frozen };
  const floor = chosen.accuracy - o.pruneTolerance;
  for (const threshold of o.pruneThresholds) {
    const frozen = freeze(bestModel, threshold);
    const acc = accuracy(thaw(frozen, tagset));
    o.log(`pos prune |w| < ${threshold}: ${frozen.keys.length} rows, dev accuracy ${(acc * 100).toFixed(2)}%`);
    if (acc >= floor && threshold >= chosen.threshold) chosen = { threshold, accuracy: acc, frozen };
  }
  const report: PosTrainingReport = {
    epochs: best.epochs,
    threshold: chosen.threshold,
    devAccuracy: chosen.accuracy,
    devAccuracyByEpoch: byEpoch,
    rows: chosen.frozen.keys.length,
  };
  return { model: { tags, weights: chosen.frozen, clusters: o.clusters, info: { ...report } }, report };
}

/**
 * The final POS model: `docs` (train + dev) trained for the epochs of the selection report and pruned at its
 * threshold, nothing scored. Given the training documents alone it is the model `trainPos` chose (which is
 * quantized twice on its way, so a weight may differ in its last rounding).
 */
export function trainPosFinal(
  docs: readonly ConllDocument[],
  chosen: PosTrainingReport,
  options: Pick<PosTrainingOptions, "seed" | "log" | "clusters"> = {},
): PosModelData {
  const o = { ...POS_TRAINING_DEFAULTS, ...options };
  const { tags, p, stored } = prepare(docs, o.clusters);
  const random = seededRandom(o.seed);
  o.log(`final pos: ${chosen.epochs} epochs on ${docs.length} documents`);
  for (let e = 0; e < chosen.epochs; e++) p.epoch(stored, random);
  const weights = freeze(p.averaged(), chosen.threshold);
  return { tags, weights, clusters: o.clusters, info: { ...chosen, rows: weights.keys.length, finalDocuments: docs.length } };
}
