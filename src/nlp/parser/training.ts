/**
 * Training of the parser: online learning with the averaged perceptron and the arc-eager dynamic oracle
 * (Goldberg & Nivre 2012). At each state the model's best valid move is compared with the best move that
 * loses no reachable gold arc; on a mistake the weights move towards the latter. From the second epoch
 * the parser follows its own prediction (with probability `explore`) even when wrong, so it learns to
 * recover from its errors. The relation model learns on every arc that matches the gold tree. The order of
 * sentences and of exploration comes from a seeded generator: the same data gives the same weights.
 */
import { AveragedWeights } from "../tagger/averaged-weights.js";
import type { ClusterLexicon } from "../tagger/clusters.js";
import { freeTagSet } from "../tagger/tagset.js";
import { ArcEagerState, LEFT, MOVE_NAMES, N_MOVES, RIGHT } from "./arc-eager.js";
import type { Expansion } from "./expansion.js";
import { MAX_RELATION_KEYS, MAX_TRANSITION_KEYS, ParserFeatures } from "./features.js";
import type { TrainedParser } from "./parser.js";

/** A training sentence: tokens, predicted tags, and a projective gold tree (heads of words 1..n; n + 1 = the root). */
export interface TrainingTree {
  words: string[];
  tags: string[];
  heads: Int32Array;
  rels: Int32Array;
}

export interface EpochStats {
  /** Share of states where the model's move lost a gold arc. */
  moveErrors: number;
  /** Share of gold arcs whose relation the model got wrong. */
  relErrors: number;
}

export class ParserTrainer {
  private readonly moves = new AveragedWeights(N_MOVES);
  private readonly rels: AveragedWeights;
  private readonly features: ParserFeatures;
  private readonly state = new ArcEagerState();
  private readonly keys = new Int32Array(MAX_TRANSITION_KEYS);
  private readonly relKeys = new Int32Array(MAX_RELATION_KEYS);
  private readonly moveScores = new Float64Array(N_MOVES);
  private readonly relScores: Float64Array;
  private readonly costs = new Int32Array(N_MOVES);
  private readonly rootRel: number;

  constructor(
    readonly relations: readonly string[],
    readonly clusters: ClusterLexicon | null = null,
  ) {
    this.rels = new AveragedWeights(relations.length);
    this.features = new ParserFeatures(relations.length, clusters);
    this.relScores = new Float64Array(relations.length);
    this.rootRel = relations.indexOf("root");
  }

  /** One pass over the trees in a seeded random order. */
  epoch(trees: readonly TrainingTree[], random: () => number, explore: number): EpochStats {
    const order = trees.map((_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let states = 0;
    let moveErrors = 0;
    let arcs = 0;
    let relErrors = 0;
    for (const i of order) {
      const t = trees[i]!;
      const st = this.state;
      this.features.prepare(t.words, t.tags);
      st.reset(t.words.length);
      while (!st.done) {
        const k = this.features.transitionKeys(st, this.keys);
        this.moves.score(this.keys, k, this.moveScores);
        let pred = -1;
        let gold = -1;
        for (let m = 0; m < N_MOVES; m++) {
          if (!st.valid(m)) {
            this.costs[m] = -1;
            continue;
          }
          this.costs[m] = st.cost(m, t.heads);
          if (pred < 0 || this.moveScores[m]! > this.moveScores[pred]!) pred = m;
          if (this.costs[m] === 0 && (gold < 0 || this.moveScores[m]! > this.moveScores[gold]!)) gold = m;
        }
        if (gold < 0) gold = pred;
        states++;
        if (this.costs[pred]! > 0) {
          moveErrors++;
          this.moves.update(this.keys, k, gold, pred);
        }
        this.moves.clock++;
        const next = this.costs[pred] === 0 || random() < explore ? pred : gold;
        let rel = -1;
        if (next === LEFT || next === RIGHT) {
          const h = next === LEFT ? st.b : st.s0;
          const d = next === LEFT ? st.s0 : st.b;
          rel = h === st.root ? this.rootRel : this.learnRelation(st, h, d, t);
          if (t.heads[d] === h && h !== st.root) {
            arcs++;
            if (rel !== t.rels[d]) relErrors++;
            rel = t.rels[d]!;
          }
        }
        st.apply(next, rel);
      }
    }
    return { moveErrors: states ? moveErrors / states : 0, relErrors: arcs ? relErrors / arcs : 0 };
  }

  /** Predict the relation of a new arc, learning from it when the arc is gold; returns the prediction. */
  private learnRelation(st: ArcEagerState, h: number, d: number, t: TrainingTree): number {
    const k = this.features.relationKeys(st, h, d, this.relKeys);
    this.rels.score(this.relKeys, k, this.relScores);
    let pred = -1;
    for (let r = 0; r < this.relScores.length; r++) {
      if (r === this.rootRel) continue;
      if (pred < 0 || this.relScores[r]! > this.relScores[pred]!) pred = r;
    }
    if (t.heads[d] === h) {
      const gold = t.rels[d]!;
      if (gold !== pred && gold !== this.rootRel) this.rels.update(this.relKeys, k, gold, pred);
      this.rels.clock++;
    }
    return pred;
  }

  /** The averaged models so far. */
  trained(expansion: Expansion): TrainedParser {
    return { relations: this.relations, moves: this.moves.averaged(freeTagSet(MOVE_NAMES)), rels: this.rels.averaged(freeTagSet(this.relations)), expansion, clusters: this.clusters };
  }
}
