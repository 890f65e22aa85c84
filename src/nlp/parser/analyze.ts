/**
 * The syntactic analysis of a text as `newsgraph parse` shows it: sentences split and tokenized as the
 * extraction does, tagged by the POS tagger, parsed; each sentence as CoNLL-U rows or as JSON.
 */
import { splitSentences } from "../sentences.js";
import type { Tagger } from "../tagger/index.js";
import { formatConllu, type UdWord } from "./conllu.js";
import type { DependencyParser } from "./parser.js";
import { universalTag } from "./upos.js";

export interface AnalyzedToken {
  id: number;
  form: string;
  start: number;
  end: number;
  upos: string;
  xpos: string;
  /** Head word number (1-based; 0 = root). */
  head: number;
  deprel: string;
}

export interface AnalyzedSentence {
  text: string;
  start: number;
  end: number;
  tokens: AnalyzedToken[];
}

/** Split, tag and parse a text. */
export function analyzeText(text: string, pos: Tagger, parser: DependencyParser): AnalyzedSentence[] {
  const sentences = splitSentences(text);
  const words = sentences.map((s) => s.tokens.map((t) => t.text));
  const tags = pos.tagDocument(words);
  return sentences.map((s, i) => {
    const tree = parser.parse(words[i]!, tags[i]!);
    return {
      text: text.slice(s.start, s.end),
      start: s.start,
      end: s.end,
      tokens: s.tokens.map((t, k) => ({
        id: k + 1,
        form: t.text,
        start: t.start,
        end: t.end,
        upos: universalTag(tags[i]![k]!, t.text, tree.labels[k]!),
        xpos: tags[i]![k]!,
        head: tree.heads[k]! + 1,
        deprel: tree.labels[k]!,
      })),
    };
  });
}

/** A sentence as CoNLL-U (with `# text` and `# offsets` comments). */
export function sentenceConllu(s: AnalyzedSentence): string {
  const words: UdWord[] = s.tokens.map((t, k) => ({
    form: t.form,
    lemma: "_",
    upos: t.upos,
    xpos: t.xpos,
    head: t.head,
    deprel: t.deprel,
    noSpaceAfter: k + 1 < s.tokens.length && s.tokens[k + 1]!.start === t.end,
  }));
  return formatConllu(words, [`text = ${s.text.replace(/\s+/g, " ")}`, `offsets = ${s.start}-${s.end}`]);
}
