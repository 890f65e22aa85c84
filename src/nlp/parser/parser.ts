/**
 * The dependency parser: greedy arc-eager decoding with two linear models over hashed features, one
 * choosing the move (shift, reduce, left-arc, right-arc) and one the relation of each new arc. Also the
 * model file (src/nlp/models/parser.bin, trained by `npm run train:parser`) and its loading.
 */
import { readFileSync } from "node:fs";
import { NewsgraphError } from "../../errors.js";
import { modelPath } from "../../paths.js";
import { freeze, frozenArrays, frozenFromArrays, type FrozenLinear } from "../tagger/frozen.js";
import type { LinearModel } from "../tagger/linear-model.js";
import { clusterDigest, clustersForModel, loadClusters, type ClusterLexicon } from "../tagger/clusters.js";
import { decodeModel, encodeModel } from "../tagger/model-format.js";
import { ArcEagerState, LEFT, N_MOVES, RIGHT } from "./arc-eager.js";
import type { Expansion } from "./expansion.js";
import { MAX_RELATION_KEYS, MAX_TRANSITION_KEYS, ParserFeatures } from "./features.js";
import { FloatLinear, PackedLinear, SparseLinear, type Scorer } from "./packed.js";

/** A sentence's dependency tree over its tokens. */
export interface DependencyTree {
  /** Head token per token (0-based; -1 for the root word). */
  heads: Int32Array;
  /** Universal Dependencies relation per token ("root" for the root word). */
  labels: string[];
}

/** What the extraction needs of a parser (tests and benchmarks may hand in their own). */
export interface SentenceParser {
  parse(words: readonly string[], tags: readonly string[]): DependencyTree;
}

export interface ParserModelData {
  relations: string[];
  moves: FrozenLinear;
  rels: FrozenLinear;
  /** How a token that spells several treebank words is expanded when scoring on a treebank. */
  expansion: Expansion;
  /** The shared word clusters (clusters.bin; features of unseen words), or null when trained without. */
  clusters: ClusterLexicon | null;
  info: Record<string, unknown>;
}

export class DependencyParser implements SentenceParser {
  private readonly state = new ArcEagerState();
  private readonly features: ParserFeatures;
  private readonly keys = new Int32Array(MAX_TRANSITION_KEYS);
  private readonly relKeys = new Int32Array(MAX_RELATION_KEYS);
  private readonly moveScores = new Float64Array(N_MOVES);
  /**
   * The move scores of the stack top's keys per word, kept while the word is on the stack; those of its
   * right side's keys per word, kept while it takes no right dependent (rightCount: its right valency when
   * they were summed, -1 before); those of the buffer's first words' keys, kept while the front stays; and
   * those of the front's left dependents' keys, kept while the front and its left dependents stay: a state
   * looks up only the keys that read the stack and the buffer together. Summing a state's scores in parts
   * gives the very sums of summing them at once: a model file's weights are float32 multiples of 2^-38
   * (every weight is at least a row's largest, above the pruning threshold, over 32767), whose sums stay far
   * below 2^15, so every partial sum is exact in double precision, in any order. (A trained model's float
   * weights may round differently in the last bit; only the dev scores of training see those.)
   */
  private stackTopScores = new Float64Array(0);
  private stackTopKnown = new Uint8Array(0);
  private stackRightScores = new Float64Array(0);
  private rightCount = new Int32Array(0);
  private readonly frontScores = new Float64Array(N_MOVES);
  private scoredFront = -1;
  private readonly frontLeftScores = new Float64Array(N_MOVES);
  private leftFront = -1;
  private leftCount = -1;
  private readonly relScores: Float64Array;
  private readonly depRel: number;
  private readonly rootRel: number;
  private readonly parataxisRel: number;

  constructor(
    readonly relations: readonly string[],
    private readonly moves: Scorer,
    private readonly rels: Scorer,
    readonly expansion: Expansion,
    readonly clusters: ClusterLexicon | null,
    readonly info: Record<string, unknown> = {},
  ) {
    this.features = new ParserFeatures(relations.length, clusters);
    this.relScores = new Float64Array(relations.length);
    this.depRel = relations.indexOf("dep");
    this.rootRel = relations.indexOf("root");
    this.parataxisRel = relations.includes("parataxis") ? relations.indexOf("parataxis") : this.depRel;
    if (this.depRel < 0 || this.rootRel < 0) throw new Error("parser relations must include dep and root");
  }

  static fromData(data: ParserModelData): DependencyParser {
    return new DependencyParser(data.relations, new PackedLinear(data.moves), new SparseLinear(data.rels), data.expansion, data.clusters, data.info);
  }

  /** Parse one sentence given its tokens and their Penn tags. */
  parse(words: readonly string[], tags: readonly string[]): DependencyTree {
    const n = words.length;
    const st = this.state;
    this.features.prepare(words, tags);
    st.reset(n);
    if (this.stackTopKnown.length < n + 1) {
      this.stackTopKnown = new Uint8Array(2 * (n + 1));
      this.stackTopScores = new Float64Array(2 * (n + 1) * N_MOVES);
      this.stackRightScores = new Float64Array(2 * (n + 1) * N_MOVES);
      this.rightCount = new Int32Array(2 * (n + 1));
    } else this.stackTopKnown.fill(0, 0, n + 1);
    this.rightCount.fill(-1, 0, n + 1);
    this.scoredFront = -1;
    this.leftFront = -1;
    while (!st.done) {
      const move = this.bestMove(st);
      let rel = -1;
      if (move === LEFT) rel = this.bestRelation(st, st.b, st.s0);
      else if (move === RIGHT) rel = this.bestRelation(st, st.s0, st.b);
      st.apply(move, rel);
    }
    const root = st.finish(this.parataxisRel);
    const heads = new Int32Array(n);
    const labels = new Array<string>(n);
    for (let i = 1; i <= n; i++) {
      heads[i - 1] = i === root ? -1 : st.head[i]! - 1;
      labels[i - 1] = i === root ? "root" : this.relations[st.label[i]!]!;
    }
    return { heads, labels };
  }

  /**
   * The best valid move of a state of the sentence being parsed (ties to the lower move number). A state
   * with one valid move (about one in eleven) is not scored.
   */
  private bestMove(st: ArcEagerState): number {
    const only = st.onlyMove();
    if (only >= 0) return only;
    const { features, keys, moves, moveScores, frontScores, frontLeftScores } = this;
    // A state with a choice of moves has a stack top.
    const top = st.stack[st.sp - 1]!;
    if (this.stackTopKnown[top] === 0) {
      moves.score(keys, features.stackTopKeys(st, keys, 0), moveScores);
      this.stackTopScores.set(moveScores, top * N_MOVES);
      this.stackTopKnown[top] = 1;
    }
    if (this.rightCount[top] !== st.vr[top]) {
      moves.score(keys, features.stackRightKeys(st, keys, 0), moveScores);
      this.stackRightScores.set(moveScores, top * N_MOVES);
      this.rightCount[top] = st.vr[top]!;
    }
    if (st.b !== this.scoredFront) {
      moves.score(keys, features.frontKeys(st, keys, 0), frontScores);
      this.scoredFront = st.b;
    }
    if (st.b !== this.leftFront || st.vl[st.b] !== this.leftCount) {
      moves.score(keys, features.frontLeftKeys(st, keys, 0), frontLeftScores);
      this.leftFront = st.b;
      this.leftCount = st.vl[st.b]!;
    }
    moves.score(keys, features.stackBufferKeys(st, keys, 0), moveScores);
    let best = -1;
    let bestScore = -Infinity;
    const at = top * N_MOVES;
    for (let m = 0; m < N_MOVES; m++) {
      if (!st.valid(m)) continue;
      const score = moveScores[m]! + this.stackTopScores[at + m]! + this.stackRightScores[at + m]! + frontScores[m]! + frontLeftScores[m]!;
      if (score > bestScore) {
        bestScore = score;
        best = m;
      }
    }
    return best;
  }

  /** The best relation for the arc h → d (the root's dependent is always "root"). */
  bestRelation(st: ArcEagerState, h: number, d: number): number {
    if (h === st.root) return this.rootRel;
    const k = this.features.relationKeys(st, h, d, this.relKeys);
    this.rels.score(this.relKeys, k, this.relScores);
    let best = this.depRel;
    let bestScore = -Infinity;
    for (let r = 0; r < this.relScores.length; r++) {
      if (r === this.rootRel) continue;
      if (this.relScores[r]! > bestScore) {
        bestScore = this.relScores[r]!;
        best = r;
      }
    }
    return best;
  }
}

/** Serialize a parser model. */
export function encodeParserModel(data: ParserModelData): Buffer {
  return encodeModel(
    { kind: "parser", format: FORMAT, relations: data.relations, expansion: data.expansion, clusters: clusterDigest(data.clusters), info: data.info },
    { ...frozenArrays("moves", data.moves), ...frozenArrays("rels", data.rels) },
  );
}

/** Version 2: the word clusters are no longer embedded but named by digest (clusters.bin). */
const FORMAT = "newsgraph-parser/2";

/** Parse a parser model file's bytes; `clusters` are the word clusters it was trained with (clusters.bin). */
export function decodeParserModel(bytes: Uint8Array, source: string, clusters: ClusterLexicon | null): ParserModelData {
  const { meta, arrays } = decodeModel(bytes, source);
  const relations = meta.relations as string[] | undefined;
  const invalid = () => new NewsgraphError("MODEL_INVALID", `${source}: not a newsgraph parser model`, { file: source });
  if (meta.kind !== "parser" || meta.format !== FORMAT || !Array.isArray(relations)) throw invalid();
  const moves = frozenFromArrays("moves", arrays, N_MOVES);
  const rels = frozenFromArrays("rels", arrays, relations.length);
  if (!moves || !rels) throw invalid();
  return { relations, moves, rels, expansion: meta.expansion as Expansion, clusters: clustersForModel(meta.clusters, clusters, source), info: (meta.info as Record<string, unknown>) ?? {} };
}

/** Trained (unfrozen) parser models: the move and relation classifiers and what goes with them. */
export interface TrainedParser {
  relations: readonly string[];
  moves: LinearModel;
  rels: LinearModel;
  expansion: Expansion;
  clusters: ClusterLexicon | null;
}

/** A runnable parser of trained models. */
export function trainedParser(t: TrainedParser): DependencyParser {
  return new DependencyParser(t.relations, new FloatLinear(t.moves), new FloatLinear(t.rels), t.expansion, t.clusters);
}

/** Model data of trained models, pruning rows whose weights are all below the thresholds. */
export function freezeParser(t: TrainedParser, thresholds: { moves: number; rels: number }, info: Record<string, unknown>): ParserModelData {
  return { relations: [...t.relations], moves: freeze(t.moves, thresholds.moves), rels: freeze(t.rels, thresholds.rels), expansion: t.expansion, clusters: t.clusters, info };
}

/** Load the shipped parser model (src/nlp/models/parser.bin, or `path`) with the shipped word clusters. */
export function loadParser(path = modelPath("parser.bin")): DependencyParser {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new NewsgraphError("MODEL_MISSING", `model ${path} not found (${(err as NodeJS.ErrnoException).code ?? "unreadable"}); run npm run train:parser`, { file: path });
  }
  return DependencyParser.fromData(decodeParserModel(bytes, path, loadClusters()));
}
