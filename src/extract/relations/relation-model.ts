/**
 * The trained relation classifier: one logistic model per relation type over the string features of a
 * candidate pair (one-vs-rest, so a pair may hold two relations, as "German Chancellor X" is both
 * leader_of and citizen_of), each output calibrated on held-out dev folds (Platt scaling) into a
 * confidence in [0, 1]. The file also carries what training measured of the rules: their precision on dev
 * data (counted from five pairs on), and which rules are precise enough (≥ 0.9) to stand as overrides. Format `newsgraph-relations/1`.
 */
import { readFileSync } from "node:fs";
import { NewsgraphError } from "../../errors.js";
import { hashString } from "../../hash.js";
import { modelPath } from "../../paths.js";
import { isRelationType, type RelationType } from "../../types.js";

export const RELATION_MODEL_FORMAT = "newsgraph-relations/1";

/** Precision of one rule's output on dev data. */
export interface RuleRecord {
  /** "reason|relation". */
  rule: string;
  precision: number;
  /** Dev pairs it produced. */
  support: number;
}

export interface RelationModelData {
  format: string;
  classes: RelationType[];
  /** Per class: bias weight, then Platt scaling (a, b) of the raw score. */
  bias: number[];
  calibration: [number, number][];
  /** Feature names, and per feature the flat pairs [class, weight, class, weight, ...]. */
  features: string[];
  weights: number[][];
  /** The best single minimum confidence on dev folds (what `--min-confidence` replaces). */
  minConfidence: number;
  /** Per class, the minimum confidence of an edge by default, chosen on dev folds. */
  thresholds: number[];
  rules: RuleRecord[];
  info: Record<string, unknown>;
}

/** A classifier's reading of one pair: calibrated confidence per class and the features behind it. */
export interface PairScores {
  confidence: Float64Array;
  /** Per class, the features with the largest positive contributions (up to three). */
  top(classIndex: number): string[];
}

export class RelationModel {
  readonly classes: RelationType[];
  readonly classIndex: Map<RelationType, number>;
  readonly minConfidence: number;
  private readonly thresholds: Map<RelationType, number>;
  /** Rules at or above the override precision on dev, by "reason|relation". */
  readonly overrides: Map<string, RuleRecord>;
  readonly rulePrecision: Map<string, RuleRecord>;
  /**
   * Where each feature's row is: an open-addressing table of [hash, row + 1] pairs (0: an empty slot),
   * probed from the feature's hash. One typed array read finds a feature or tells it unknown, where a
   * Map of the feature strings reads its buckets, its entries and the stored string. Unlike the query
   * index's key table (query/key-table.ts, whose stored format holds rows only), a slot keeps the hash:
   * most features asked for are unknown, and a probe then rejects a slot without reading its string
   * (with key-table's lookup, scoring took about 20% longer).
   */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly weights: Float64Array;
  private readonly bias: Float64Array;
  private readonly calibration: [number, number][];

  constructor(readonly data: RelationModelData) {
    this.classes = data.classes;
    this.classIndex = new Map(data.classes.map((c, i) => [c, i]));
    this.minConfidence = data.minConfidence;
    this.thresholds = new Map(data.classes.map((c, i) => [c, data.thresholds[i] ?? data.minConfidence]));
    this.bias = Float64Array.from(data.bias);
    this.calibration = data.calibration;
    const k = data.classes.length;
    this.weights = new Float64Array(data.features.length * k);
    let slots = 1;
    while (slots < 2 * data.features.length) slots *= 2;
    this.table = new Int32Array(2 * slots);
    this.mask = slots - 1;
    data.features.forEach((name, i) => {
      const pairs = data.weights[i]!;
      for (let j = 0; j + 1 < pairs.length; j += 2) this.weights[i * k + pairs[j]!] = pairs[j + 1]!;
      this.place(name, i);
    });
    // A rule is judged on dev data only once it has produced enough pairs there.
    const measured = data.rules.filter((r) => r.support >= MIN_RULE_SUPPORT);
    this.rulePrecision = new Map(measured.map((r) => [r.rule, r]));
    this.overrides = new Map(measured.filter((r) => r.precision >= OVERRIDE_PRECISION).map((r) => [r.rule, r]));
  }

  /** The default minimum confidence of a relation type's edges (0 for types the model does not know). */
  thresholdOf(relation: RelationType): number {
    return this.thresholds.get(relation) ?? 0;
  }

  /** Put a feature's row in the table (a name given twice keeps its last row). */
  private place(name: string, row: number): void {
    const { table, mask } = this;
    const h = hashString(name);
    let i = h & mask;
    while (table[2 * i + 1]! !== 0 && !(table[2 * i]! === h && this.data.features[table[2 * i + 1]! - 1] === name)) i = (i + 1) & mask;
    table[2 * i] = h;
    table[2 * i + 1] = row + 1;
  }

  /** The offset of a feature's row in `weights`, or -1 for a feature the model does not know. */
  private rowOf(feature: string): number {
    const { table, mask } = this;
    const h = hashString(feature);
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const row = table[2 * i + 1]!;
      if (row === 0) return -1;
      if (table[2 * i]! === h && this.data.features[row - 1] === feature) return (row - 1) * this.classes.length;
    }
  }

  /** Raw scores (log-odds before calibration) of every class for a feature list. */
  raw(features: readonly string[]): Float64Array {
    const z = this.bias.slice();
    const { weights } = this;
    for (const f of features) {
      const at = this.rowOf(f);
      if (at >= 0) for (let c = 0; c < z.length; c++) z[c]! += weights[at + c]!;
    }
    return z;
  }

  score(features: readonly string[]): PairScores {
    const z = this.raw(features);
    const confidence = new Float64Array(z.length);
    for (let c = 0; c < z.length; c++) confidence[c] = calibrate(z[c]!, this.calibration[c]!);
    return {
      confidence,
      top: (c) =>
        features
          .map((f) => {
            const at = this.rowOf(f);
            return { f, w: at < 0 ? 0 : this.weights[at + c]! };
          })
          .filter((x) => x.w > 0)
          .sort((a, b) => b.w - a.w || (a.f < b.f ? -1 : 1))
          .slice(0, 3)
          .map((x) => x.f),
    };
  }
}

/** A rule stands on its own (an override) when its dev precision reaches this on enough pairs. */
export const OVERRIDE_PRECISION = 0.9;
/** Dev pairs a rule must produce before its precision counts (below it, the rule stands unmeasured). */
export const MIN_RULE_SUPPORT = 5;

export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

export function calibrate(z: number, [a, b]: [number, number]): number {
  return sigmoid(a * z + b);
}

/** Read a relation model file (src/nlp/models/relations.json by default). */
export function loadRelationModel(path = modelPath("relations.json")): RelationModel {
  return new RelationModel(readRelationModel(path));
}

/** The per-type minimum confidences of a model file, without building its weights (the build's filter). */
export function loadRelationThresholds(path = modelPath("relations.json")): (relation: RelationType) => number {
  const data = readRelationModel(path);
  const bars = new Map(data.classes.map((c, i) => [c, data.thresholds[i]!]));
  return (relation) => bars.get(relation) ?? 0;
}

function readRelationModel(path: string): RelationModelData {
  let data: RelationModelData;
  try {
    data = JSON.parse(readFileSync(path, "utf8")) as RelationModelData;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code === "ENOENT" ? "MODEL_MISSING" : "MODEL_INVALID";
    throw new NewsgraphError(code, `${path}: cannot read the relation model (${(err as Error).message})`, { file: path });
  }
  if (data.format !== RELATION_MODEL_FORMAT) throw new NewsgraphError("MODEL_INVALID", `${path}: not a ${RELATION_MODEL_FORMAT} model (format ${String(data.format)})`, { file: path });
  const bad = data.classes.find((c) => !isRelationType(c));
  if (bad) throw new NewsgraphError("MODEL_INVALID", `${path}: unknown relation type "${bad}"`, { file: path });
  if (!Array.isArray(data.thresholds) || data.thresholds.length !== data.classes.length) throw new NewsgraphError("MODEL_INVALID", `${path}: ${data.classes.length} classes but ${String(data.thresholds?.length)} thresholds`, { file: path });
  if (data.features.length !== data.weights.length) throw new NewsgraphError("MODEL_INVALID", `${path}: ${data.features.length} features but ${data.weights.length} weight rows`, { file: path });
  return data;
}
