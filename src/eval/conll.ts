/**
 * CoNLL-style scoring of a named-entity tagger, as the shared task's conlleval script does it: entities are
 * maximal chunks read from IOB tags (an I- tag after O or after another type starts a chunk, so IOB1 and
 * IOB2 are both read), a predicted entity is correct when its type, first and last token all match a gold
 * one; precision, recall and F1 are given per type and overall (micro-averaged). `evalConll` tags a CoNLL
 * file with newsgraph's tagger on the file's own tokenization, document by document.
 */
import { loadNerTagger, type Tagger } from "../nlp/tagger/index.js";
import { readConll } from "../nlp/tagger/conll-reader.js";

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

export interface TypeScore extends PRF {
  /** Gold entities of the type. */
  gold: number;
  /** Predicted entities of the type. */
  predicted: number;
  /** Predicted entities that match a gold one exactly. */
  correct: number;
}

export interface ConllReport {
  overall: TypeScore;
  types: Record<string, TypeScore>;
  /** Tokens and sentences scored. */
  tokens: number;
  sentences: number;
}

export interface EvalConllOptions {
  /** The tagger to score (default: newsgraph's NER tagger). */
  tagger?: Tagger;
}

/** An entity chunk: type and token span [start, end) within its sentence. */
export interface Chunk {
  type: string;
  start: number;
  end: number;
}

/** Chunks of one sentence's IOB tags (conlleval's reading). */
export function chunksOf(tags: readonly string[]): Chunk[] {
  const chunks: Chunk[] = [];
  let open: Chunk | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    const prefix = tag === "O" || tag.length < 2 ? "O" : tag[0]!;
    const type = prefix === "O" ? "" : tag.slice(2);
    const continues = open !== null && prefix === "I" && type === open.type;
    if (open && !continues) {
      open.end = i;
      chunks.push(open);
      open = null;
    }
    if (prefix !== "O" && !continues) open = { type, start: i, end: i + 1 };
  }
  if (open) {
    open.end = tags.length;
    chunks.push(open);
  }
  return chunks;
}

function prf(correct: number, predicted: number, gold: number): TypeScore {
  const p = predicted === 0 ? 0 : correct / predicted;
  const r = gold === 0 ? 0 : correct / gold;
  const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  return { p, r, f1, gold, predicted, correct };
}

/** Score predicted tag sequences against gold ones, sentence by sentence. */
export function scoreChunks(gold: readonly (readonly string[])[], predicted: readonly (readonly string[])[]): ConllReport {
  const counts = new Map<string, { gold: number; predicted: number; correct: number }>();
  const bump = (type: string) => {
    let c = counts.get(type);
    if (!c) counts.set(type, (c = { gold: 0, predicted: 0, correct: 0 }));
    return c;
  };
  let tokens = 0;
  for (let s = 0; s < gold.length; s++) {
    const g = gold[s]!;
    const p = predicted[s] ?? [];
    tokens += g.length;
    const goldChunks = chunksOf(g);
    const goldKeys = new Set(goldChunks.map((c) => `${c.type}\t${c.start}\t${c.end}`));
    for (const c of goldChunks) bump(c.type).gold++;
    for (const c of chunksOf(p)) {
      const entry = bump(c.type);
      entry.predicted++;
      if (goldKeys.has(`${c.type}\t${c.start}\t${c.end}`)) entry.correct++;
    }
  }
  const types: Record<string, TypeScore> = {};
  let tg = 0;
  let tp = 0;
  let tc = 0;
  for (const type of [...counts.keys()].sort()) {
    const c = counts.get(type)!;
    types[type] = prf(c.correct, c.predicted, c.gold);
    tg += c.gold;
    tp += c.predicted;
    tc += c.correct;
  }
  return { overall: prf(tc, tp, tg), types, tokens, sentences: gold.length };
}

/** Tag a CoNLL file document by document and score the tagger against the file's last column. */
export function evalConll(path: string, options: EvalConllOptions = {}): ConllReport {
  const docs = readConll(path);
  const tagger = options.tagger ?? loadNerTagger();
  const gold: string[][] = [];
  const predicted: string[][] = [];
  for (const doc of docs) {
    const tagged = tagger.tagDocument(doc.sentences.map((s) => s.words));
    for (let s = 0; s < doc.sentences.length; s++) {
      gold.push(doc.sentences[s]!.tags);
      predicted.push(tagged[s]!);
    }
  }
  return scoreChunks(gold, predicted);
}
