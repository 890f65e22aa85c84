/**
 * Word lexicons induced from unlabeled news text: the usual casing of each word for the NER features (how a
 * word, by its lowercase key, is written mid-sentence in normally cased text, which tells an ALL CAPS
 * headline's "TALKS", usually lowercase, from its "JAPAN", usually capitalized), and the key under which a
 * word is clustered (brown-clusters.ts). Ordered, so the same text gives the same lexicon.
 */
import type { HashLexicon } from "./ner-lexicons.js";
import { CAP, computeWordInfo, foldDigits, normalizeToken, type WordInfo } from "./word-info.js";

const OPENERS = new Set(['"', "(", "'", ":", "-", "--"]);

/** Usual mid-sentence capitalisation class of each word key, from normally cased sentences. */
export function buildCasingLexicon(sentences: readonly (readonly string[])[], minCount = 2): HashLexicon {
  const counts = new Map<number, Int32Array>();
  const info = new Map<string, WordInfo>();
  const wi = (w: string) => {
    let x = info.get(w);
    if (!x) info.set(w, (x = computeWordInfo(w)));
    return x;
  };
  for (const sentence of sentences) {
    const ws = sentence.map(wi);
    let alpha = 0;
    let lower = 0;
    for (const w of ws) {
      if (!w.alpha) continue;
      alpha++;
      if (w.cap === CAP.LOWER) lower++;
    }
    // Only sentences with ordinary running text (some lowercase words) say how a word is usually written.
    if (alpha < 4 || lower * 3 < alpha) continue;
    for (let i = 1; i < ws.length; i++) {
      const w = ws[i]!;
      if (!w.alpha || OPENERS.has(ws[i - 1]!.norm)) continue;
      let c = counts.get(w.hKey);
      if (!c) counts.set(w.hKey, (c = new Int32Array(6)));
      c[w.cap]!++;
    }
  }
  const keys = [...counts.keys()].filter((k) => counts.get(k)!.reduce((a, b) => a + b, 0) >= minCount).sort((a, b) => a - b);
  const values = keys.map((k) => {
    const c = counts.get(k)!;
    let best = 0;
    for (let i = 1; i < c.length; i++) if (c[i]! > c[best]!) best = i;
    return best;
  });
  return { keys: Int32Array.from(keys), values: Int32Array.from(values) };
}

/** The cluster key of a token: normalized, digits folded, case kept. */
export function clusterKey(word: string): string {
  return foldDigits(normalizeToken(word));
}
