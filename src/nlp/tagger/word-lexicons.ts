/**
 * Word lexicons induced from unlabeled news text for the NER features:
 * - usual casing: how each word (by its lowercase key) is written mid-sentence in normally cased text, which
 *   tells an ALL CAPS headline's "TALKS" (usually lowercase) from its "JAPAN" (usually capitalized);
 * - word clusters: distributional classes in the spirit of Brown clusters (Ratinov & Roth 2009 found them
 *   the largest single gain on CoNLL-2003). Each word is represented by the positive PMI of its left and
 *   right neighbours among the most frequent words (context distribution smoothed, Levy et al. 2015),
 *   randomly projected to a few hundred dimensions, and clustered by hierarchical spherical k-means; the
 *   cluster path at each level is a feature, coarse to fine, like Brown-cluster prefixes.
 * Everything is seeded and ordered, so the same text gives the same lexicons.
 */
import { hashString } from "./hash.js";
import type { ClusterLexicon, HashLexicon } from "./ner-lexicons.js";
import { seededRandom } from "../../random.js";
import { CAP, computeWordInfo, foldDigits, normalizeToken, type WordInfo } from "./word-info.js";

export interface ClusterOptions {
  /** Words seen fewer times are not clustered. */
  minCount?: number;
  maxVocabulary?: number;
  /** Number of most frequent words used as left/right contexts. */
  contexts?: number;
  /** Dimensions of the random projection. */
  dimensions?: number;
  /** Branching factor of each level of the cluster tree (top first). */
  branching?: number[];
  iterations?: number;
  seed?: number;
}

export const CLUSTER_DEFAULTS: Required<ClusterOptions> = {
  minCount: 3,
  maxVocabulary: 60_000,
  contexts: 2000,
  dimensions: 256,
  branching: [16, 8, 8, 4, 4],
  iterations: 12,
  seed: 1234567,
};

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

/** Induce hierarchical word clusters from tokenized sentences. */
export function buildClusters(sentences: readonly (readonly string[])[], options: ClusterOptions = {}): ClusterLexicon {
  const o = { ...CLUSTER_DEFAULTS, ...options };
  // Vocabulary by frequency (ties by code-unit order, for determinism).
  const freq = new Map<string, number>();
  const folded = sentences.map((s) => s.map((w) => {
    const k = clusterKey(w);
    freq.set(k, (freq.get(k) ?? 0) + 1);
    return k;
  }));
  const vocab = [...freq.entries()]
    .filter(([, c]) => c >= o.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, o.maxVocabulary)
    .map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const V = vocab.length;
  const F = Math.min(o.contexts, V);
  // Context ids: left neighbour (0..F-1, F = sentence start), right neighbour (F+1 .. 2F, 2F+1 = end).
  const D = 2 * (F + 1);
  const pair = new Map<number, number>();
  for (const s of folded) {
    const ids = s.map((w) => index.get(w) ?? -1);
    for (let i = 0; i < ids.length; i++) {
      const v = ids[i]!;
      if (v < 0) continue;
      const l = i === 0 ? F : ids[i - 1]! >= 0 && ids[i - 1]! < F ? ids[i - 1]! : -1;
      const r = i === ids.length - 1 ? 2 * F + 1 : ids[i + 1]! >= 0 && ids[i + 1]! < F ? F + 1 + ids[i + 1]! : -1;
      if (l >= 0) pair.set(v * D + l, (pair.get(v * D + l) ?? 0) + 1);
      if (r >= 0) pair.set(v * D + r, (pair.get(v * D + r) ?? 0) + 1);
    }
  }
  const entries = [...pair.entries()].sort((a, b) => a[0] - b[0]);
  const wordTotal = new Float64Array(V);
  const ctxTotal = new Float64Array(D);
  for (const [key, c] of entries) {
    wordTotal[Math.floor(key / D)] += c;
    ctxTotal[key % D] += c;
  }
  let smoothedSum = 0;
  const smoothed = Float64Array.from(ctxTotal, (c) => Math.pow(c, 0.75));
  for (const s of smoothed) smoothedSum += s;

  // Random ±1 projection of the PPMI vectors.
  const dims = o.dimensions;
  const random = seededRandom(o.seed);
  const projection = new Float32Array(D * dims);
  for (let i = 0; i < projection.length; i++) projection[i] = random() < 0.5 ? -1 : 1;
  const vectors = new Float32Array(V * dims);
  for (const [key, c] of entries) {
    const v = Math.floor(key / D);
    const ctx = key % D;
    const pmi = Math.log((c * smoothedSum) / (wordTotal[v]! * smoothed[ctx]!));
    if (pmi <= 0) continue;
    const base = v * dims;
    const pbase = ctx * dims;
    for (let d = 0; d < dims; d++) vectors[base + d] += pmi * projection[pbase + d]!;
  }
  for (let v = 0; v < V; v++) normalize(vectors, v * dims, dims);

  // Hierarchical spherical k-means: each level splits every cluster of the level above.
  const levels = o.branching.length;
  const codes = new Int32Array(V * levels);
  let groups: Int32Array[] = [Int32Array.from({ length: V }, (_, i) => i)];
  let groupCodes = [0];
  for (let l = 0; l < levels; l++) {
    const next: Int32Array[] = [];
    const nextCodes: number[] = [];
    groups.forEach((members, g) => {
      const k = Math.max(1, Math.min(o.branching[l]!, Math.floor(members.length / 2)));
      const assign = sphericalKMeans(vectors, dims, members, k, o.iterations, random);
      for (let c = 0; c < k; c++) {
        const sub = members.filter((_, i) => assign[i] === c);
        if (sub.length === 0) continue;
        const code = groupCodes[g]! * o.branching[l]! + c;
        for (const v of sub) codes[v * levels + l] = code;
        next.push(sub);
        nextCodes.push(code);
      }
    });
    groups = next;
    groupCodes = nextCodes;
  }
  const order = vocab.map((w, i) => ({ h: hashString(w), i })).sort((a, b) => a.h - b.h);
  const keys = new Int32Array(V);
  const values = new Int32Array(V * levels);
  order.forEach(({ h, i }, r) => {
    keys[r] = h;
    for (let l = 0; l < levels; l++) values[r * levels + l] = codes[i * levels + l]!;
  });
  return { keys, levels, values };
}

function normalize(a: Float32Array, base: number, dims: number): void {
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += a[base + d]! * a[base + d]!;
  if (norm === 0) return;
  const inv = 1 / Math.sqrt(norm);
  for (let d = 0; d < dims; d++) a[base + d] *= inv;
}

/** Spherical k-means (cosine) of the given rows, k-means++ seeding; returns each member's cluster. */
function sphericalKMeans(vectors: Float32Array, dims: number, members: Int32Array, k: number, iterations: number, random: () => number): Int32Array {
  const n = members.length;
  const assign = new Int32Array(n);
  if (k <= 1) return assign;
  const centroids = new Float32Array(k * dims);
  const dot = (v: number, c: number) => {
    let s = 0;
    const vb = v * dims;
    const cb = c * dims;
    for (let d = 0; d < dims; d++) s += vectors[vb + d]! * centroids[cb + d]!;
    return s;
  };
  // k-means++ on cosine distance.
  const dist = new Float64Array(n).fill(Infinity);
  let pick = members[Math.floor(random() * n)]!;
  for (let c = 0; c < k; c++) {
    centroids.set(vectors.subarray(pick * dims, pick * dims + dims), c * dims);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const d = Math.max(0, 1 - dot(members[i]!, c));
      if (d < dist[i]!) dist[i] = d;
      total += dist[i]!;
    }
    if (c === k - 1) break;
    let r = random() * total;
    let chosen = n - 1;
    for (let i = 0; i < n; i++) {
      r -= dist[i]!;
      if (r <= 0) {
        chosen = i;
        break;
      }
    }
    pick = members[chosen]!;
  }
  for (let it = 0; it < iterations; it++) {
    let changed = 0;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < k; c++) {
        const s = dot(members[i]!, c);
        if (s > bestScore) {
          bestScore = s;
          best = c;
        }
      }
      if (assign[i] !== best || it === 0) changed++;
      assign[i] = best;
    }
    centroids.fill(0);
    for (let i = 0; i < n; i++) {
      const vb = members[i]! * dims;
      const cb = assign[i]! * dims;
      for (let d = 0; d < dims; d++) centroids[cb + d] += vectors[vb + d]!;
    }
    for (let c = 0; c < k; c++) normalize(centroids, c * dims, dims);
    if (changed === 0) break;
  }
  return assign;
}
