/**
 * From treebank sentences to parser training trees: align each sentence with our tokenization, tag the
 * tokens with our POS tagger (predicted tags, as the parser sees them in use; the tagger never saw the
 * treebanks, so its tags on them have the errors it makes on unseen text) or keep the gold tags, and make
 * the tree projective. Sentences whose tree does not map onto our tokens are left out (and counted).
 */
import type { Tagger } from "../tagger/index.js";
import { alignSentence, type AlignedSentence } from "./align.js";
import type { UdSentence } from "./conllu.js";
import { projectivize } from "./projective.js";
import type { TrainingTree } from "./training.js";

export interface AlignedTreebank {
  pairs: { sentence: UdSentence; aligned: AlignedSentence }[];
  /** Tags of each sentence's tokens (predicted, or the gold Penn tags). */
  tags: string[][];
  /** Sentences whose tree could not be mapped onto our tokens. */
  unaligned: number;
  /** Treebank words in all sentences. */
  words: number;
  goldTags: boolean;
}

/** Align and tag treebank sentences (`tagger` null: the treebank's own Penn tags). */
export function alignTreebank(sentences: readonly UdSentence[], tagger: Tagger | null): AlignedTreebank {
  const pairs: AlignedTreebank["pairs"] = [];
  let unaligned = 0;
  let words = 0;
  for (const sentence of sentences) {
    words += sentence.words.length;
    const aligned = alignSentence(sentence);
    if (aligned.tokens.length === 0) {
      unaligned++;
      continue;
    }
    pairs.push({ sentence, aligned });
  }
  const tags = tagger ? tagger.tagDocument(pairs.map((p) => p.aligned.tokens)) : pairs.map((p) => p.aligned.xpos);
  return { pairs, tags, unaligned, words, goldTags: tagger === null };
}

/** The relation inventory of a treebank (plus dep and root), sorted. */
export function relationInventory(bank: AlignedTreebank): string[] {
  const set = new Set<string>(["dep", "root"]);
  for (const { aligned } of bank.pairs) if (aligned.heads) for (const l of aligned.labels) set.add(l);
  return [...set].sort();
}

/** Training trees of the aligned sentences that have a tree over our tokens. */
export function trainingTrees(bank: AlignedTreebank, relations: readonly string[]): TrainingTree[] {
  const relId = new Map(relations.map((r, i) => [r, i]));
  const trees: TrainingTree[] = [];
  bank.pairs.forEach(({ aligned }, i) => {
    if (!aligned.heads) return;
    const projective = projectivize(aligned.heads);
    const n = aligned.tokens.length;
    const heads = new Int32Array(n + 2);
    const rels = new Int32Array(n + 2);
    for (let t = 0; t < n; t++) {
      heads[t + 1] = projective[t] === 0 ? n + 1 : projective[t]!;
      rels[t + 1] = relId.get(aligned.labels[t]!) ?? relId.get("dep")!;
    }
    trees.push({ words: aligned.tokens, tags: bank.tags[i]!, heads, rels });
  });
  return trees;
}

/** The same aligned treebank with other (predicted) tags, one list per sentence. */
export function withTags(bank: AlignedTreebank, tags: string[][]): AlignedTreebank {
  if (tags.length !== bank.pairs.length) throw new Error("one tag list per sentence expected");
  return { ...bank, tags, goldTags: false };
}
