/**
 * Training of the two-stage NER tagger on CoNLL documents. Stage one is trained on all training documents
 * with the number of epochs chosen on dev; its tags on the training documents, which stage two learns to
 * read, come from k-fold jackknifing (each fold tagged by a stage-one model that never saw it), so stage
 * two does not learn to trust tags that are better than they will be at run time. Stage two's epochs and
 * the pruning threshold of both stages are then chosen on dev. Deterministic for a given seed.
 * `trainNerFinal` then retrains the same pipeline with those hyperparameters fixed on more labeled documents
 * (train + dev, the usual final step for CoNLL-2003 systems); it reads no scores, so no test data is involved.
 */
import type { ConllDocument } from "./conll-reader.js";
import { freeze, thawShared, type FrozenLinear } from "./frozen.js";
import { FeatureTable } from "./feature-table.js";
import { LinearModel } from "./linear-model.js";
import { FrozenLexicons, type NerLexiconData } from "./ner-lexicons.js";
import { NerFeaturizer, type NerDocument, type StageOneTags } from "./ner-features.js";
import type { NerModelData } from "./ner-tagger.js";
import { seededRandom } from "../../random.js";
import { AveragedPerceptron, type TrainingSentence } from "./perceptron.js";
import { SentenceFeatures } from "./sentence-features.js";
import { bilouTagSet, bilouToIob2, iobToBilou, type TagSet } from "./tagset.js";

export interface NerTrainingOptions {
  /** Largest number of epochs tried per stage. */
  maxEpochs?: number;
  /** Folds of the jackknife that produces stage-one tags on the training data. */
  folds?: number;
  /** Seed of the epoch shuffles. */
  seed?: number;
  /** Pruning thresholds tried (absolute weight); the largest within `pruneTolerance` of the best dev F1 wins. */
  pruneThresholds?: number[];
  pruneTolerance?: number;
  /** Train the second (document-aggregation) stage. */
  twoStage?: boolean;
  /** Progress messages. */
  log?: (message: string) => void;
}

export const NER_TRAINING_DEFAULTS: Required<NerTrainingOptions> = {
  maxEpochs: 16,
  folds: 5,
  seed: 20030531,
  pruneThresholds: [0, 0.5, 1, 2, 3, 5, 8],
  pruneTolerance: 0,
  twoStage: true,
  log: () => {},
};

/** Scores dev predictions (IOB2 tags per sentence, in dev order); higher is better. */
export type DevScorer = (predicted: string[][]) => number;

interface Corpus {
  docs: NerDocument[];
  /** Gold BILOU class ids per document and sentence. */
  gold: Int32Array[][];
}

export interface NerTrainingReport {
  epochs1: number;
  epochs2: number;
  threshold: number;
  devF1: number;
  devF1ByEpoch1: number[];
  devF1ByEpoch2: number[];
  devF1ByThreshold: Record<string, number>;
  rows1: number;
  rows2: number;
}

/** Entity types of a CoNLL corpus, sorted. */
export function entityTypes(docs: readonly ConllDocument[]): string[] {
  const types = new Set<string>();
  for (const d of docs) for (const s of d.sentences) for (const t of s.tags) if (t !== "O") types.add(t.slice(2));
  return [...types].sort();
}

class NerTrainer {
  readonly tagset: TagSet;
  readonly featurizer: NerFeaturizer;
  private readonly sf = new SentenceFeatures();
  private readonly extra = new SentenceFeatures();

  constructor(
    readonly types: string[],
    lexicons: NerLexiconData,
    private readonly options: Required<NerTrainingOptions>,
  ) {
    this.tagset = bilouTagSet(types);
    this.featurizer = new NerFeaturizer(new FrozenLexicons(lexicons), types.length);
  }

  corpus(docs: readonly ConllDocument[]): Corpus {
    const index = new Map(this.tagset.names.map((n, i) => [n, i]));
    return {
      docs: docs.map((d) => this.featurizer.prepare(d.sentences.map((s) => s.words))),
      gold: docs.map((d) => d.sentences.map((s) => Int32Array.from(iobToBilou(s.tags), (t) => index.get(t) ?? 0))),
    };
  }

  /** Fill the features of a sentence: local ones in this.sf, second-stage ones (when stage-one tags are given) in this.extra. */
  private features(doc: NerDocument, s: number, stage1: StageOneTags | null): SentenceFeatures | null {
    this.featurizer.sentence(doc, s, this.sf);
    if (!stage1) return null;
    this.featurizer.stageTwo(doc, s, stage1, this.extra);
    return this.extra;
  }

  private sentences(p: AveragedPerceptron, corpus: Corpus, docIds: readonly number[], stage1: (StageOneTags | null)[]): TrainingSentence[] {
    const out: TrainingSentence[] = [];
    for (const d of docIds) {
      const doc = corpus.docs[d]!;
      for (let s = 0; s < doc.words.length; s++) {
        const extra = this.features(doc, s, stage1[d] ?? null);
        out.push(p.store(this.sf, corpus.gold[d]![s]!, extra, extra !== null));
      }
    }
    return out;
  }

  /** Class ids of every sentence of the given documents. */
  decode(model: LinearModel, corpus: Corpus, docIds: readonly number[], stage1: (StageOneTags | null)[]): Int32Array[][] {
    return docIds.map((d) => {
      const doc = corpus.docs[d]!;
      return doc.words.map((ws, s) => {
        const out = new Int32Array(ws.length);
        const extra = this.features(doc, s, stage1[d] ?? null);
        const local = model.lookup(this.sf, new Int32Array(this.sf.starts[ws.length]!));
        if (extra) local.ends = this.sf.cores;
        model.decodeRows(ws.length, local, extra ? model.lookup(extra) : null, this.sf.conjA, this.sf.conjB, out);
        return out;
      });
    });
  }

  /** Stage-one tags of every document, each fold tagged by a stage-one model trained on the other folds. */
  jackknife(corpus: Corpus, epochs: number): (StageOneTags | null)[] {
    const all = corpus.docs.map((_, i) => i);
    const none = new Array<StageOneTags | null>(corpus.docs.length).fill(null);
    const folds = this.options.folds;
    const tags: Int32Array[][] = new Array(corpus.docs.length);
    for (let k = 0; k < folds; k++) {
      const inFold = all.filter((d) => d % folds === k);
      const rest = all.filter((d) => d % folds !== k);
      const m = this.trainFixed(corpus, rest, none, epochs);
      this.decode(m, corpus, inFold, none).forEach((c, i) => (tags[inFold[i]!] = c));
      this.options.log(`jackknife fold ${k + 1}/${folds} done`);
    }
    return this.aggregate(corpus, all, tags);
  }

  aggregate(corpus: Corpus, docIds: readonly number[], classes: Int32Array[][]): (StageOneTags | null)[] {
    const out: (StageOneTags | null)[] = new Array(corpus.docs.length).fill(null);
    docIds.forEach((d, i) => (out[d] = this.featurizer.stageOne(corpus.docs[d]!, classes[i]!)));
    return out;
  }

  iob(classes: Int32Array[][]): string[][] {
    return classes.flatMap((doc) => doc.map((cs) => bilouToIob2(Array.from(cs, (c) => this.tagset.names[c]!))));
  }

  /** Train for a fixed number of epochs. */
  trainFixed(corpus: Corpus, docIds: readonly number[], stage1: (StageOneTags | null)[], epochs: number): LinearModel {
    const p = new AveragedPerceptron(this.tagset);
    const sents = this.sentences(p, corpus, docIds, stage1);
    const random = seededRandom(this.options.seed);
    for (let e = 0; e < epochs; e++) p.epoch(sents, random);
    return p.averaged();
  }

  /** Train, scoring each epoch on dev; returns the best epoch's model. */
  trainSelected(
    corpus: Corpus,
    stage1: (StageOneTags | null)[],
    dev: Corpus,
    devStage1: (StageOneTags | null)[],
    score: DevScorer,
    label: string,
  ): { model: LinearModel; epochs: number; byEpoch: number[] } {
    const p = new AveragedPerceptron(this.tagset);
    const all = corpus.docs.map((_, i) => i);
    const devIds = dev.docs.map((_, i) => i);
    const sents = this.sentences(p, corpus, all, stage1);
    const random = seededRandom(this.options.seed);
    let best: { model: LinearModel; epochs: number } | null = null;
    let bestF1 = -1;
    const byEpoch: number[] = [];
    for (let e = 1; e <= this.options.maxEpochs; e++) {
      const t0 = performance.now();
      const errorRate = p.epoch(sents, random);
      const model = p.averaged();
      const f1 = score(this.iob(this.decode(model, dev, devIds, devStage1)));
      byEpoch.push(f1);
      this.options.log(`${label} epoch ${e}: train error ${(errorRate * 100).toFixed(2)}%, dev F1 ${(f1 * 100).toFixed(2)} (${((performance.now() - t0) / 1000).toFixed(1)} s, ${p.table.size} features)`);
      if (f1 > bestF1) {
        bestF1 = f1;
        // Freeze losslessly now: the table keeps growing in later epochs.
        best = { model: compact(model, this.tagset), epochs: e };
      }
    }
    return { ...best!, byEpoch };
  }
}

/** A model with its own table holding only its rows (threshold 0 keeps every non-zero row, unquantized). */
function compact(model: LinearModel, tagset: TagSet): LinearModel {
  const C = model.nClasses;
  const keys = model.table.keysByRow();
  const weights = model.floatWeights();
  const rows = weights.length / C;
  const table = new FeatureTable(rows);
  for (let r = 0; r < rows; r++) table.intern(keys[r]!);
  return new LinearModel(tagset, table, weights);
}

/** Train the NER model; `score` measures dev predictions (entity F1). */
export function trainNer(
  train: readonly ConllDocument[],
  dev: readonly ConllDocument[],
  lexicons: NerLexiconData,
  score: DevScorer,
  options: NerTrainingOptions = {},
): { model: NerModelData; report: NerTrainingReport } {
  const o = { ...NER_TRAINING_DEFAULTS, ...options };
  const types = entityTypes(train);
  const trainer = new NerTrainer(types, lexicons, o);
  const trainCorpus = trainer.corpus(train);
  const devCorpus = trainer.corpus(dev);
  const allDev = devCorpus.docs.map((_, i) => i);
  const none = new Array<StageOneTags | null>(train.length).fill(null);
  const noneDev = new Array<StageOneTags | null>(dev.length).fill(null);

  const s1 = trainer.trainSelected(trainCorpus, none, devCorpus, noneDev, score, "stage 1");
  let s2: { model: LinearModel; epochs: number; byEpoch: number[] } | null = null;
  if (o.twoStage) {
    const trainAgg = trainer.jackknife(trainCorpus, s1.epochs);
    const devAgg = trainer.aggregate(devCorpus, allDev, trainer.decode(s1.model, devCorpus, allDev, noneDev));
    s2 = trainer.trainSelected(trainCorpus, trainAgg, devCorpus, devAgg, score, "stage 2");
  }

  // Pruning and quantization, scored end to end on dev.
  const byThreshold: Record<string, number> = {};
  const candidates: { threshold: number; f1: number; stage1: FrozenLinear; stage2: FrozenLinear | null }[] = [];
  for (const threshold of o.pruneThresholds) {
    const f1 = freeze(s1.model, threshold);
    const f2 = s2 ? freeze(s2.model, threshold) : null;
    const [m1, m2] = thawShared(f2 ? [f1, f2] : [f1], trainer.tagset);
    const c1 = trainer.decode(m1!, devCorpus, allDev, noneDev);
    const classes = m2 ? trainer.decode(m2, devCorpus, allDev, trainer.aggregate(devCorpus, allDev, c1)) : c1;
    const devF1 = score(trainer.iob(classes));
    byThreshold[String(threshold)] = devF1;
    o.log(`prune |w| < ${threshold}: ${f1.keys.length + (f2?.keys.length ?? 0)} rows, dev F1 ${(devF1 * 100).toFixed(2)} (stage 1 alone ${(score(trainer.iob(c1)) * 100).toFixed(2)})`);
    candidates.push({ threshold, f1: devF1, stage1: f1, stage2: f2 });
  }
  const bestF1 = Math.max(...candidates.map((c) => c.f1));
  const chosen = candidates.filter((c) => c.f1 >= bestF1 - o.pruneTolerance).sort((a, b) => b.threshold - a.threshold)[0]!;
  const report: NerTrainingReport = {
    epochs1: s1.epochs,
    epochs2: s2?.epochs ?? 0,
    threshold: chosen.threshold,
    devF1: chosen.f1,
    devF1ByEpoch1: s1.byEpoch,
    devF1ByEpoch2: s2?.byEpoch ?? [],
    devF1ByThreshold: byThreshold,
    rows1: chosen.stage1.keys.length,
    rows2: chosen.stage2?.keys.length ?? 0,
  };
  return {
    model: { types, stage1: chosen.stage1, stage2: chosen.stage2, lexicons, info: { ...report } },
    report,
  };
}

/**
 * The final NER model: the pipeline of `trainNer` run on `docs` (train + dev) with the hyperparameters of
 * its report fixed (epochs of each stage, epochs2 = 0 meaning one stage, pruning threshold), nothing scored.
 * Given the training documents alone it reproduces the model `trainNer` chose. `info` keeps the selection
 * report (its dev figures are those of the train-only model) with the final row counts and document count.
 */
export function trainNerFinal(
  docs: readonly ConllDocument[],
  lexicons: NerLexiconData,
  chosen: NerTrainingReport,
  options: Omit<NerTrainingOptions, "maxEpochs" | "pruneThresholds" | "pruneTolerance" | "twoStage"> = {},
): NerModelData {
  const o = { ...NER_TRAINING_DEFAULTS, ...options };
  const types = entityTypes(docs);
  const trainer = new NerTrainer(types, lexicons, o);
  const corpus = trainer.corpus(docs);
  const all = corpus.docs.map((_, i) => i);
  const none = new Array<StageOneTags | null>(docs.length).fill(null);
  o.log(`final stage 1: ${chosen.epochs1} epochs on ${docs.length} documents`);
  const stage1 = freeze(trainer.trainFixed(corpus, all, none, chosen.epochs1), chosen.threshold);
  let stage2: FrozenLinear | null = null;
  if (chosen.epochs2 > 0) {
    const agg = trainer.jackknife(corpus, chosen.epochs1);
    o.log(`final stage 2: ${chosen.epochs2} epochs`);
    stage2 = freeze(trainer.trainFixed(corpus, all, agg, chosen.epochs2), chosen.threshold);
  }
  const info = { ...chosen, rows1: stage1.keys.length, rows2: stage2?.keys.length ?? 0, finalDocuments: docs.length };
  return { types, stage1, stage2, lexicons, info };
}
