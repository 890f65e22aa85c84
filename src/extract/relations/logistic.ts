/**
 * Training of the relation classifier: one-vs-rest logistic regression over sparse binary features,
 * AdaGrad steps with L2 decay on the touched weights, examples visited in a seeded order, so the same
 * examples give the same weights. A label of -1 leaves a class out for an example (its corpus does not
 * annotate that relation, or the pair's entity types do not fit it). Platt scaling fits each class's
 * calibration on held-out raw scores.
 */
import { seededRandom } from "../../random.js";
import { sigmoid } from "./relation-model.js";

export interface Example {
  features: Int32Array;
  /** Per class: 1 positive, 0 negative, -1 not trained on this example. */
  labels: Int8Array;
}

export interface LogisticOptions {
  epochs: number;
  rate: number;
  l2: number;
  seed: number;
}

export const LOGISTIC_DEFAULTS: LogisticOptions = { epochs: 5, rate: 0.2, l2: 1e-3, seed: 7 };

export interface LogisticWeights {
  classes: number;
  /** Feature-major: weights[f * classes + c]. */
  weights: Float64Array;
  bias: Float64Array;
}

export function trainLogistic(examples: Example[], features: number, classes: number, options: LogisticOptions = LOGISTIC_DEFAULTS): LogisticWeights {
  const weights = new Float64Array(features * classes);
  const squares = new Float64Array(features * classes);
  const bias = new Float64Array(classes);
  const biasSquares = new Float64Array(classes);
  const order = examples.map((_, i) => i);
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { features: fs, labels } = examples[k]!;
      for (let c = 0; c < classes; c++) {
        const y = labels[c]!;
        if (y < 0) continue;
        let z = bias[c]!;
        for (let n = 0; n < fs.length; n++) z += weights[fs[n]! * classes + c]!;
        const g = sigmoid(z) - y;
        if (Math.abs(g) < 1e-4) continue;
        biasSquares[c]! += g * g;
        bias[c]! -= (options.rate * g) / Math.sqrt(biasSquares[c]!);
        for (let n = 0; n < fs.length; n++) {
          const at = fs[n]! * classes + c;
          const step = g + options.l2 * weights[at]!;
          squares[at]! += step * step;
          weights[at]! -= (options.rate * step) / Math.sqrt(squares[at]!);
        }
      }
    }
  }
  return { classes, weights, bias };
}

/** Raw score (log-odds) of class c for an example's features. */
export function rawScore(w: LogisticWeights, fs: Int32Array, c: number): number {
  let z = w.bias[c]!;
  for (let n = 0; n < fs.length; n++) z += w.weights[fs[n]! * w.classes + c]!;
  return z;
}

/** Platt scaling: a, b minimising the log loss of sigmoid(a z + b) on held-out (score, label) pairs. */
export function fitPlatt(scores: number[], labels: number[]): [number, number] {
  if (scores.length === 0) return [1, 0];
  const positives = labels.filter((y) => y === 1).length;
  // Platt's smoothed targets keep a class with few positives from an overconfident fit.
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (scores.length - positives + 2);
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 200; iter++) {
    let ga = 0, gb = 0, haa = 0, hab = 0, hbb = 0;
    for (let i = 0; i < scores.length; i++) {
      const t = labels[i] === 1 ? hi : lo;
      const p = sigmoid(a * scores[i]! + b);
      const d = p - t;
      const w = Math.max(p * (1 - p), 1e-12);
      ga += d * scores[i]!;
      gb += d;
      haa += w * scores[i]! * scores[i]!;
      hab += w * scores[i]!;
      hbb += w;
    }
    haa += 1e-9;
    hbb += 1e-9;
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-18) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  return [a, b];
}
