#!/usr/bin/env node
/**
 * `npm run train:relations [-- CORPORA_DIR]`: trains the relation classifier (src/nlp/models/relations.json)
 * on DWIE dev, CoNLL04 train + dev and Re-DocRED dev, each mapped to our vocabulary by
 * src/kb/relation-corpus-map.json. Every document is analysed by the shipped taggers, parser and rules;
 * its candidate pairs get the gold types of the gold entities they align to. Five folds by document give
 * held-out scores, on which the calibration of each class is fitted, the rules' dev precision measured
 * (overrides are those ≥ 0.9) and the default minimum confidence chosen (best pair-level F1 on the DWIE
 * and CoNLL04 folds); the final model is trained on all of it. No test split is read. Same data, same bytes.
 */
import { mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Command } from "commander";
import { handleError } from "../cli/output.js";
import { sha256 } from "../corpus/read.js";
import { alignEntities, isAnnotated, readRelationCorpus, type RelationCorpus, type RelationCorpusData } from "../eval/relation-corpora.js";
import { RelationTally } from "../eval/relation-score.js";
import { goldPairs, goldTyper } from "../eval/relations.js";
import { PACKAGE_ROOT, modelPath } from "../paths.js";
import type { RelationType } from "../types.js";
import { loadExtractor, type Extractor } from "./extractor.js";
import { fitsSignature } from "./lexicon.js";
import { analyzeDocument } from "./index.js";
import { CANDIDATE_FLOOR, classFits, decideRelations } from "./relations/decide.js";
import { fitPlatt, LOGISTIC_DEFAULTS, rawScore, trainLogistic, type Example, type LogisticWeights } from "./relations/logistic.js";
import { documentPairs } from "./relations/pairs.js";
import { calibrate, OVERRIDE_PRECISION, MIN_RULE_SUPPORT, RELATION_MODEL_FORMAT, type RelationModelData, type RuleRecord } from "./relations/relation-model.js";

const DEFAULT_CORPORA = join(PACKAGE_ROOT, "..", "shared", "corpora");
const SOURCES: [RelationCorpus, string][] = [
  ["dwie", "dwie/dev.json"],
  ["conll04", "conll04/conll04_train.json"],
  ["conll04", "conll04/conll04_dev.json"],
  ["redocred", "docred/dev_revised.json"],
];
/** Corpora whose held-out figures choose the default threshold (news-like, sentence- and document-level). */
const SELECTION: ReadonlySet<RelationCorpus> = new Set(["dwie", "conll04"]);
const FOLDS = 5;
const MIN_FEATURE_COUNT = 2;
/** Minimum confidences tried, from the candidate floor (what a build's extraction keeps) up. */
const THRESHOLDS = Array.from({ length: 19 }, (_, k) => (k + 1) / 20).filter((t) => t >= CANDIDATE_FLOOR);

/** One candidate pair as training data. */
interface PairRecord {
  doc: number;
  features: string[];
  /** Per class index: 1, 0 or -1 (not trained). */
  labels: Int8Array;
  h: string;
  t: string;
}

interface DocRecord {
  corpus: RelationCorpusData;
  gold: Map<string, Set<RelationType>>;
  /** Rule edges of trained types (the rules alone), with the gold pair they align to. */
  ruleEdges: { rule: string; relation: RelationType; h: string; t: string }[];
}

function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(`${path}.tmp`, text);
  renameSync(`${path}.tmp`, path);
}

/** Analyse every document and turn its candidate pairs into labelled records. */
function collect(extractor: Extractor, corpora: RelationCorpusData[], classes: RelationType[], log: (s: string) => void): { pairs: PairRecord[]; docs: DocRecord[] } {
  const pairs: PairRecord[] = [];
  const docs: DocRecord[] = [];
  const fits = classFits(extractor.lexicon, classes);
  const titleRelation = (roles: string[] | undefined): RelationType => {
    for (const role of roles ?? []) {
      const r = extractor.gazetteer.titles.get(role.toLowerCase());
      if (r === "leader_of" || r === "official_of") return r;
    }
    return "works_for";
  };
  for (const corpus of corpora) {
    let n = 0;
    for (const doc of corpus.documents) {
      const analysis = analyzeDocument(extractor, { id: doc.id, path: corpus.corpus, sha256: sha256(doc.text), text: doc.text });
      const goldOf = alignEntities(doc, analysis.entities);
      const typeOfGold = goldTyper(extractor, doc, analysis.entities, goldOf);
      const byId = new Map(analysis.entities.map((e) => [e.id, e]));
      const gold = goldPairs(doc, typeOfGold);
      const docIndex = docs.length;
      const key = (id: string) => String(goldOf.get(id) ?? `p${id}`);
      for (const { candidate, features } of documentPairs(analysis, fits)) {
        const { source, target } = candidate;
        const types = gold.get(`${key(source.id)}|${key(target.id)}`) ?? new Set<RelationType>();
        // A "works for" label takes the person's title: leader_of, official_of or works_for.
        const relabel = new Set<RelationType>();
        for (const t of types) relabel.add(t === "works_for" && corpus.corpus === "conll04" ? titleRelation(byId.get(source.id)?.roles) : t);
        const mirror = gold.get(`${key(target.id)}|${key(source.id)}`);
        const labels = new Int8Array(classes.length);
        classes.forEach((c, k) => {
          const positive = relabel.has(c) || (c === "meets" && Boolean(mirror?.has(c)));
          if (!fitsSignature(extractor.lexicon, c, source.type, target.type)) labels[k] = -1;
          else if (positive) labels[k] = 1;
          else labels[k] = isAnnotated(corpus, c, target.type) ? 0 : -1;
        });
        pairs.push({ doc: docIndex, features, labels, h: key(source.id), t: key(target.id) });
      }
      const ruleEdges = decideRelations(analysis, extractor.lexicon, null)
        .filter((r) => r.relation !== "co_occurs" && !r.negated && r.modality !== "possible" && isAnnotated(corpus, r.relation, byId.get(r.target)!.type))
        .map((r) => ({ rule: `${r.rule}|${r.relation}`, relation: r.relation, h: key(r.source), t: key(r.target) }));
      docs.push({ corpus, gold, ruleEdges });
      if (++n % 200 === 0) log(`  ${corpus.corpus}: ${n} documents`);
    }
  }
  return { pairs, docs };
}

/** Feature ids: features seen at least twice in training, in sorted order. */
function featureIndex(pairs: PairRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of pairs) for (const f of p.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const kept = [...counts].filter(([, n]) => n >= MIN_FEATURE_COUNT).map(([f]) => f).sort();
  return new Map(kept.map((f, i) => [f, i]));
}

function examplesOf(pairs: PairRecord[], index: Map<string, number>): Example[] {
  return pairs.map((p) => {
    const ids = [...new Set(p.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined))].sort((a, b) => a - b);
    return { features: Int32Array.from(ids), labels: p.labels };
  });
}

/** The rules' precision on dev: each distinct (document, pair, relation) a rule states, right or wrong. */
function measureRules(docs: DocRecord[], corpus?: RelationCorpus): RuleRecord[] {
  const tally = new Map<string, { tp: number; n: number }>();
  for (const d of docs) {
    if (corpus && d.corpus.corpus !== corpus) continue;
    const seen = new Set<string>();
    for (const e of d.ruleEdges) {
      const key = `${e.rule}|${e.h}|${e.t}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const types = d.gold.get(`${e.h}|${e.t}`);
      const ok = Boolean(types && [...types].some((g) => g === e.relation || d.corpus.compatible.get(g)?.has(e.relation)));
      const t = tally.get(e.rule) ?? { tp: 0, n: 0 };
      t.n++;
      if (ok) t.tp++;
      tally.set(e.rule, t);
    }
  }
  return [...tally]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([rule, t]) => ({ rule, precision: Math.round((t.tp / t.n) * 1000) / 1000, support: t.n }));
}

const round = (x: number) => Number(x.toPrecision(5));

function main(): void {
  const program = new Command()
    .name("train-relations")
    .argument("[corpora]", "folder holding dwie/, conll04/ and docred/", DEFAULT_CORPORA)
    .option("--out <file>", "where to write the model", modelPath("relations.json"))
    .option("--epochs <n>", "passes over the training pairs", (v) => parseInt(v, 10), LOGISTIC_DEFAULTS.epochs)
    .option("--l2 <x>", "L2 decay of the weights", Number, LOGISTIC_DEFAULTS.l2)
    .option("--rate <x>", "AdaGrad learning rate", Number, LOGISTIC_DEFAULTS.rate)
    .option("--without <corpora...>", "leave these training corpora out (dwie, conll04, redocred), to measure what each brings")
    .option("--quiet", "print only the final figures")
    .parse();
  const dir = program.args[0] ?? DEFAULT_CORPORA;
  const opts = program.opts<{ out: string; quiet?: boolean; epochs: number; l2: number; rate: number; without?: string[] }>();
  const settings = { ...LOGISTIC_DEFAULTS, epochs: opts.epochs, l2: opts.l2, rate: opts.rate };
  const log = (s: string) => {
    if (!opts.quiet) process.stderr.write(s + "\n");
  };
  const extractor = loadExtractor({ relations: null });
  const sources = SOURCES.filter(([corpus]) => !(opts.without ?? []).includes(corpus));
  const corpora = sources.map(([corpus, file]) => readRelationCorpus(corpus, join(dir, file)));
  const classes = [...new Set(corpora.flatMap((c) => [...c.annotates.keys()]))].sort();
  log(`analysing ${corpora.reduce((n, c) => n + c.documents.length, 0)} documents`);
  const { pairs, docs } = collect(extractor, corpora, classes, log);
  const index = featureIndex(pairs);
  const examples = examplesOf(pairs, index);
  log(`${pairs.length} candidate pairs, ${index.size} features, classes ${classes.join(" ")}`);
  const rules = measureRules(docs);
  for (const c of new Set(corpora.map((x) => x.corpus))) {
    log(`rule precision on ${c}: ${measureRules(docs, c).map((r) => `${r.rule} ${r.precision} (${r.support})`).join(", ")}`);
  }

  // Held-out raw scores by five folds over documents.
  const held = pairs.map(() => new Float64Array(classes.length));
  for (let fold = 0; fold < FOLDS; fold++) {
    const train = examples.filter((_, i) => pairs[i]!.doc % FOLDS !== fold);
    const w = trainLogistic(train, index.size, classes.length, settings);
    examples.forEach((ex, i) => {
      if (pairs[i]!.doc % FOLDS !== fold) return;
      for (let c = 0; c < classes.length; c++) held[i]![c] = rawScore(w, ex.features, c);
    });
    log(`  fold ${fold + 1}/${FOLDS} trained`);
  }
  const calibration = classes.map((_, c) => {
    const scores: number[] = [];
    const labels: number[] = [];
    pairs.forEach((p, i) => {
      if (p.labels[c]! < 0) return;
      scores.push(held[i]![c]!);
      labels.push(p.labels[c]!);
    });
    const [a, b] = fitPlatt(scores, labels);
    return [round(a), round(b)] as [number, number];
  });

  // The default threshold: best held-out pair-level F1 on the selection corpora, overrides included.
  const overrides = new Set(rules.filter((r) => r.precision >= OVERRIDE_PRECISION && r.support >= MIN_RULE_SUPPORT).map((r) => r.rule));
  const precision = new Map(rules.filter((r) => r.support >= MIN_RULE_SUPPORT).map((r) => [r.rule, r.precision]));
  const byDoc = new Map<number, number[]>();
  pairs.forEach((p, i) => {
    const list = byDoc.get(p.doc);
    if (list) list.push(i);
    else byDoc.set(p.doc, [i]);
  });
  // Held-out confidence of every (pair, class), once.
  const confidences = pairs.map((p, i) => classes.map((_, j) => (p.labels[j]! >= 0 ? calibrate(held[i]![j]!, calibration[j]!) : -1)));
  const heldOut = (thresholds: number[]) => {
    const tallies = new Map<RelationCorpus, RelationTally>();
    docs.forEach((d, k) => {
      if (!SELECTION.has(d.corpus.corpus)) return;
      const edges: { h: string; t: string; relation: RelationType }[] = [];
      for (const i of byDoc.get(k) ?? []) {
        const p = pairs[i]!;
        classes.forEach((c, j) => {
          if (confidences[i]![j]! >= thresholds[j]!) edges.push({ h: p.h, t: p.t, relation: c });
        });
      }
      for (const e of d.ruleEdges) {
        const j = classes.indexOf(e.relation);
        if (overrides.has(e.rule) || (precision.get(e.rule) ?? 1) >= (thresholds[j] ?? 0)) edges.push({ h: e.h, t: e.t, relation: e.relation });
      }
      let tally = tallies.get(d.corpus.corpus);
      if (!tally) tallies.set(d.corpus.corpus, (tally = new RelationTally(d.corpus.compatible, 0, [0])));
      tally.add(d.gold, edges);
    });
    // The mean of the corpora's F1, so the sentence-level corpus does not outvote the news documents.
    const f1s = [...tallies.values()].map((t) => t.result().relations.f1);
    return { f1: f1s.reduce((x, y) => x + y, 0) / f1s.length, tallies };
  };
  // One threshold for all classes first, then each class's own (coordinate ascent, two rounds).
  let best = { thresholds: classes.map(() => 0.5), ...heldOut(classes.map(() => 0.5)) };
  for (const tau of THRESHOLDS) {
    const run = heldOut(classes.map(() => tau));
    log(`  min confidence ${tau.toFixed(2)}: held-out F1 ${[...run.tallies].map(([c, t]) => `${c} ${t.result().relations.f1.toFixed(3)}`).join(", ")}`);
    if (run.f1 > best.f1) best = { thresholds: classes.map(() => tau), ...run };
  }
  const uniform = best.thresholds[0]!;
  for (let round = 0; round < 2; round++) {
    classes.forEach((_, j) => {
      for (const tau of THRESHOLDS) {
        const thresholds = best.thresholds.map((x, k) => (k === j ? tau : x));
        const run = heldOut(thresholds);
        if (run.f1 > best.f1 + 1e-9) best = { thresholds, ...run };
      }
    });
  }
  log(`  per-class minimum confidence: ${classes.map((c, j) => `${c} ${best.thresholds[j]}`).join(", ")} (held-out F1 ${best.f1.toFixed(3)})`);
  for (const [corpus, tally] of best.tallies) {
    const r = tally.result();
    const per = Object.entries(r.byRelation).map(([rel, x]) => `${rel} P ${x.p.toFixed(2)} R ${x.r.toFixed(2)}`);
    log(`  held-out on ${corpus}: P ${r.relations.p.toFixed(3)} R ${r.relations.r.toFixed(3)} F1 ${r.relations.f1.toFixed(3)}; ${per.join(", ")}`);
  }

  const final: LogisticWeights = trainLogistic(examples, index.size, classes.length, settings);
  const names = [...index.keys()];
  const features: string[] = [];
  const weights: number[][] = [];
  names.forEach((name, f) => {
    const row: number[] = [];
    for (let c = 0; c < classes.length; c++) {
      const w = final.weights[f * classes.length + c]!;
      if (Math.abs(w) >= 1e-3) row.push(c, round(w));
    }
    if (row.length > 0) {
      features.push(name);
      weights.push(row);
    }
  });
  const model: RelationModelData = {
    format: RELATION_MODEL_FORMAT,
    classes,
    bias: [...final.bias].map(round),
    calibration,
    features,
    weights,
    minConfidence: uniform,
    thresholds: best.thresholds,
    rules,
    info: {
      trainedOn: sources.map(([, f]) => f),
      pairs: pairs.length,
      logistic: settings,
      heldOutF1: round(best.f1),
    },
  };
  const text = JSON.stringify(model);
  writeAtomic(opts.out, text + "\n");
  process.stdout.write(`relations model: ${features.length} features, ${classes.length} classes, per-class minimum confidence ${best.thresholds.join("/")} (held-out F1 ${best.f1.toFixed(3)}), ${(text.length / 1e6).toFixed(2)} MB → ${opts.out}\n`);
  process.stdout.write(`rule overrides (dev precision ≥ 0.9): ${[...overrides].join(", ") || "none"}\n`);
}

try {
  main();
} catch (err) {
  handleError(err);
}
