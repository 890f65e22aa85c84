/**
 * Dependency parsing scores on a CoNLL-U treebank, over the treebank's own words (CoNLL 2018 shared task
 * conventions, gold tokenization): UAS (head right), LAS (head and universal relation right, subtypes such
 * as nsubj:pass compared as nsubj), LAS with full relations, and label accuracy, with gold Penn tags or
 * the tags of our POS tagger; plus the parsing speed. Tokens our tokenizer joins are expanded back to the
 * treebank's words (see nlp/parser/expansion.ts), so every treebank word is scored.
 */
import { alignTreebank, type AlignedTreebank } from "../nlp/parser/treebank.js";
import type { UdSentence } from "../nlp/parser/conllu.js";
import { expandParse } from "../nlp/parser/expansion.js";
import type { DependencyParser, DependencyTree } from "../nlp/parser/parser.js";
import type { Tagger } from "../nlp/tagger/index.js";

export interface UdReport {
  sentences: number;
  words: number;
  tags: "gold" | "predicted";
  /** Accuracy of the tags the parser read against the treebank's Penn tags (1 with gold tags), over our tokens. */
  tagAccuracy: number;
  uas: number;
  las: number;
  lasFullRelations: number;
  labelAccuracy: number;
  /** Parsing speed (tagging excluded), tokens per second on one core. */
  tokensPerSecond: number;
}

const universal = (rel: string) => rel.split(":")[0]!;

/** Score a parser on treebank sentences; `tagger` null reads the gold tags. */
export function evaluateUd(sentences: readonly UdSentence[], parser: DependencyParser, tagger: Tagger | null): UdReport {
  return scoreUd(alignTreebank(sentences, tagger), parser);
}

/** Score a parser on an aligned, tagged treebank (prepared once when scoring several parsers). */
export function scoreUd(bank: AlignedTreebank, parser: DependencyParser): UdReport {
  let tagged = 0;
  let tagRight = 0;
  const trees: DependencyTree[] = [];
  let tokens = 0;
  const t0 = performance.now();
  bank.pairs.forEach(({ aligned }, i) => {
    trees.push(parser.parse(aligned.tokens, bank.tags[i]!));
    tokens += aligned.tokens.length;
  });
  const seconds = (performance.now() - t0) / 1000;
  let uas = 0;
  let las = 0;
  let lasFull = 0;
  let labels = 0;
  bank.pairs.forEach(({ sentence, aligned }, i) => {
    aligned.xpos.forEach((x, t) => {
      tagged++;
      if (bank.tags[i]![t] === x) tagRight++;
    });
    const pred = expandParse(sentence, aligned, trees[i]!, parser.expansion);
    sentence.words.forEach((w, k) => {
      const headRight = pred.heads[k] === w.head;
      const labelRight = universal(pred.labels[k]!) === universal(w.deprel);
      if (headRight) uas++;
      if (labelRight) labels++;
      if (headRight && labelRight) las++;
      if (headRight && pred.labels[k] === w.deprel) lasFull++;
    });
  });
  // Every treebank word counts, those of sentences that have no token of ours too (as wrong).
  const words = bank.words;
  const r = (x: number) => Math.round((x / Math.max(1, words)) * 10000) / 10000;
  return {
    sentences: bank.pairs.length + bank.unaligned,
    words,
    tags: bank.goldTags ? "gold" : "predicted",
    tagAccuracy: Math.round((tagRight / Math.max(1, tagged)) * 10000) / 10000,
    uas: r(uas),
    las: r(las),
    lasFullRelations: r(lasFull),
    labelAccuracy: r(labels),
    tokensPerSecond: Math.round(tokens / Math.max(seconds, 1e-9)),
  };
}
