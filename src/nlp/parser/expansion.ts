/**
 * Scoring on treebank words. A newsgraph token that spells several Universal Dependencies words
 * ("al-Qaeda" = al - Qaeda) is parsed as one; to score against the treebank, its words get the analysis
 * the training treebank most often gives words of the same shapes (learned by `learnExpansion`, kept in the
 * model file): which word carries the token's own head and relation, and how the others attach inside.
 */
import type { AlignedSentence } from "./align.js";
import type { UdSentence } from "./conllu.js";
import type { DependencyTree } from "./parser.js";

export interface Analysis {
  /** Index (within the token's words) of the word that carries the token's head and relation. */
  carrier: number;
  /** Head of each other word, as an index within the token's words (-1 for the carrier itself). */
  heads: number[];
  labels: string[];
}

/** Shape signature → the most frequent analysis in training. */
export interface Expansion {
  analyses: Record<string, Analysis>;
}

const wordClass = (form: string) =>
  /^\p{P}+$/u.test(form) ? "P" : /^\p{S}+$/u.test(form) ? "S" : /^\d/u.test(form) ? "D" : /^\p{Lu}/u.test(form) ? "U" : "L";

/** The shape signature of a token's words. */
export function signature(forms: readonly string[]): string {
  return forms.map(wordClass).join("");
}

/** The default analysis: the last word that is not punctuation carries the token; punctuation attaches to the next word. */
function defaultAnalysis(forms: readonly string[]): Analysis {
  let carrier = forms.length - 1;
  while (carrier > 0 && wordClass(forms[carrier]!) === "P") carrier--;
  const heads = forms.map((f, j) => (j === carrier ? -1 : wordClass(f) === "P" && j + 1 < forms.length ? j + 1 : carrier));
  const labels = forms.map((f, j) => (j === carrier ? "" : wordClass(f) === "P" ? "punct" : "compound"));
  return { carrier, heads, labels };
}

/** Words (treebank indices) of each token, in order. */
function wordsByToken(a: AlignedSentence): number[][] {
  const out: number[][] = a.tokens.map(() => []);
  a.tokenOfWord.forEach((t, w) => out[t]!.push(w));
  return out;
}

/** Learn the most frequent analysis of each signature from aligned training sentences. */
export function learnExpansion(pairs: readonly { sentence: UdSentence; aligned: AlignedSentence }[], minCount = 2): Expansion {
  const counts = new Map<string, Map<string, number>>();
  for (const { sentence, aligned } of pairs) {
    wordsByToken(aligned).forEach((ws, t) => {
      if (ws.length < 2) return;
      const carrierWord = aligned.wordOfToken[t]!;
      const carrier = ws.indexOf(carrierWord);
      if (carrier < 0) return;
      const heads = ws.map((w) => (w === carrierWord ? -1 : ws.indexOf(sentence.words[w]!.head - 1)));
      if (heads.some((h, j) => j !== carrier && h < 0)) return;
      const labels = ws.map((w) => (w === carrierWord ? "" : sentence.words[w]!.deprel));
      const sig = signature(ws.map((w) => sentence.words[w]!.form));
      const key = JSON.stringify({ carrier, heads, labels });
      const bySig = counts.get(sig) ?? new Map<string, number>();
      bySig.set(key, (bySig.get(key) ?? 0) + 1);
      counts.set(sig, bySig);
    });
  }
  const analyses: Record<string, Analysis> = {};
  for (const sig of [...counts.keys()].sort()) {
    const best = [...counts.get(sig)!].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
    if (best[1] >= minCount) analyses[sig] = JSON.parse(best[0]) as Analysis;
  }
  return { analyses };
}

/** Map a parse of the aligned tokens onto the treebank words: 1-based heads (0 = root) and relations. */
export function expandParse(sentence: UdSentence, aligned: AlignedSentence, tree: DependencyTree, expansion: Expansion): { heads: number[]; labels: string[] } {
  const byToken = wordsByToken(aligned);
  const analysisOf = byToken.map((ws) => {
    if (ws.length < 2) return null;
    const forms = ws.map((w) => sentence.words[w]!.form);
    const a = expansion.analyses[signature(forms)];
    return a && a.heads.length === ws.length ? a : defaultAnalysis(forms);
  });
  /** The treebank word that carries token t (a piece of a word stands for that word). */
  const carrierOf = (t: number) => {
    const ws = byToken[t]!;
    if (ws.length === 0) return aligned.wordOfToken[t]!;
    return ws[analysisOf[t] ? analysisOf[t]!.carrier : 0]!;
  };
  const heads = new Array<number>(sentence.words.length).fill(0);
  const labels = new Array<string>(sentence.words.length).fill("dep");
  byToken.forEach((ws, t) => {
    const a = analysisOf[t];
    ws.forEach((w, j) => {
      if (a && j !== a.carrier) {
        heads[w] = ws[a.heads[j]!]! + 1;
        labels[w] = a.labels[j]!;
        return;
      }
      const h = tree.heads[t]!;
      heads[w] = h < 0 ? 0 : carrierOf(h) + 1;
      labels[w] = tree.labels[t]!;
    });
  });
  return { heads, labels };
}
