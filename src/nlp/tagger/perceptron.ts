/**
 * Training of a greedy tagger with the averaged perceptron (averaged-weights.ts). Training sentences are stored with their static feature
 * rows; tag-history features are built from the gold previous tags (teacher forcing: on CoNLL-2003 dev it
 * beat learning from the model's own previous predictions by about one F1 point). The sentence order of
 * each epoch comes from a seeded generator, so training is reproducible.
 */
import { AveragedWeights } from "./averaged-weights.js";
import type { FeatureTable } from "./feature-table.js";
import { bestAllowed, historyKeys, type LinearModel } from "./linear-model.js";
import type { SentenceFeatures } from "./sentence-features.js";
import type { TagSet } from "./tagset.js";

/** A training sentence: static feature rows per token, the conjoined hashes, and the gold class ids. */
export interface TrainingSentence {
  rows: Int32Array;
  starts: Int32Array;
  conjA: Int32Array;
  conjB: Int32Array;
  gold: Int32Array;
}

export class AveragedPerceptron {
  readonly nClasses: number;
  private readonly weights: AveragedWeights;
  private readonly scores: Float64Array;
  private readonly history = new Int32Array(4);
  private readonly historyRows = new Int32Array(4);

  constructor(readonly tagset: TagSet) {
    this.nClasses = tagset.names.length;
    this.weights = new AveragedWeights(this.nClasses);
    this.scores = new Float64Array(this.nClasses);
  }

  /** The feature table (keys → rows). */
  get table(): FeatureTable {
    return this.weights.table;
  }

  /** Row of a key, created if absent. */
  intern(key: number): number {
    return this.weights.intern(key);
  }

  /**
   * Copy a sentence's static features (only each token's core ones with `coreOnly`) and optional extra
   * features per token into training form, interning their keys.
   */
  store(sf: SentenceFeatures, gold: Int32Array, extra: SentenceFeatures | null = null, coreOnly = false): TrainingSentence {
    const n = sf.n;
    const total = sf.starts[n]! + (extra ? extra.starts[n]! : 0);
    const ends = coreOnly ? sf.cores : sf.starts.subarray(1);
    const rows = new Int32Array(total);
    const starts = new Int32Array(n + 1);
    let k = 0;
    for (let i = 0; i < n; i++) {
      starts[i] = k;
      for (let j = sf.starts[i]!; j < ends[i]!; j++) rows[k++] = this.intern(sf.keys[j]!);
      if (extra) for (let j = extra.starts[i]!; j < extra.starts[i + 1]!; j++) rows[k++] = this.intern(extra.keys[j]!);
    }
    starts[n] = k;
    return { rows: rows.slice(0, k), starts, conjA: sf.conjA.slice(0, n), conjB: sf.conjB.slice(0, n), gold };
  }

  private addRow(row: number): void {
    if (row < 0) return;
    const C = this.nClasses;
    const base = row * C;
    const w = this.weights.w;
    for (let c = 0; c < C; c++) this.scores[c] += w[base + c]!;
  }

  private bump(row: number, c: number, delta: number): void {
    this.weights.bump(row, c, delta);
  }

  /** One left-to-right pass over a sentence with updates (gold tag history); returns the number of tokens mistagged. */
  learn(sent: TrainingSentence): number {
    const n = sent.gold.length;
    const start = this.nClasses;
    let prev1 = start;
    let prev2 = start;
    let errors = 0;
    for (let i = 0; i < n; i++) {
      this.scores.fill(0);
      const a = sent.starts[i]!;
      const b = sent.starts[i + 1]!;
      for (let k = a; k < b; k++) this.addRow(sent.rows[k]!);
      historyKeys(prev1, prev2, sent.conjA[i]!, sent.conjB[i]!, this.history);
      for (let h = 0; h < 4; h++) {
        this.historyRows[h] = this.table.get(this.history[h]!);
        this.addRow(this.historyRows[h]!);
      }
      const pred = bestAllowed(this.scores, this.tagset, prev1, i === n - 1);
      const gold = sent.gold[i]!;
      if (pred !== gold) {
        errors++;
        for (let k = a; k < b; k++) {
          this.bump(sent.rows[k]!, gold, 1);
          this.bump(sent.rows[k]!, pred, -1);
        }
        for (let h = 0; h < 4; h++) {
          const row = this.historyRows[h]! >= 0 ? this.historyRows[h]! : this.intern(this.history[h]!);
          this.bump(row, gold, 1);
          this.bump(row, pred, -1);
        }
      }
      this.weights.clock++;
      prev2 = prev1;
      prev1 = gold;
    }
    return errors;
  }

  /** One epoch over the sentences in a seeded random order; returns the token error rate. */
  epoch(sentences: readonly TrainingSentence[], random: () => number): number {
    const order = sentences.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let errors = 0;
    let tokens = 0;
    for (const i of order) {
      errors += this.learn(sentences[i]!);
      tokens += sentences[i]!.gold.length;
    }
    return tokens === 0 ? 0 : errors / tokens;
  }

  /** The averaged weights, as a model sharing this trainer's feature table. */
  averaged(): LinearModel {
    return this.weights.averaged(this.tagset);
  }
}
