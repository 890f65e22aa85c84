/**
 * Brown-style word clusters by the exchange algorithm (Kneser & Ney 1993; Martin, Liermann & Ney 1998):
 * words are moved, one at a time and to the class that most raises it, between a fixed number of classes
 * so as to maximize the likelihood of the text under a class-bigram model,
 *   sum over class pairs N(c,d) log N(c,d) - sum over classes N(c,·) log N(c,·) - N(·,c) log N(·,c).
 * A hierarchy comes from running the same exchange over the classes themselves: each coarser level groups
 * the classes of the level below (their bigram counts are the finer classes' counts), so the codes of a
 * word, coarse to fine, are nested like the prefixes of a Brown-cluster path (Ratinov & Roth 2009 found
 * those the largest single gain on CoNLL-2003). Words below the count threshold share one fixed "rare"
 * class and sentence boundaries another. Deterministic: items are visited in frequency order, start in
 * round-robin classes, and ties keep a word where it is.
 */
import { hashString } from "./hash.js";
import type { ClusterLexicon } from "./clusters.js";
import { clusterKey } from "./word-lexicons.js";

export interface BrownOptions {
  /** Words seen fewer times are not clustered (they share the fixed rare class). */
  minCount?: number;
  /** Number of classes of each level, coarse to fine; each must divide into the next (the finest is run on words). */
  levels?: number[];
  /** Largest number of exchange passes over the items of one level. */
  maxPasses?: number;
  /** A pass that moves fewer than this share of the items is the last. */
  minMoved?: number;
  log?: (message: string) => void;
}

export const BROWN_DEFAULTS: Required<Omit<BrownOptions, "log">> = {
  minCount: 3,
  levels: [16, 64, 256, 1024],
  maxPasses: 12,
  minMoved: 0.002,
};

/** Bigram counts of n items: for each item, its right neighbours (CSR) and left neighbours (CSR). */
interface Bigrams {
  n: number;
  rightStart: Int32Array;
  rightItem: Int32Array;
  rightCount: Int32Array;
  leftStart: Int32Array;
  leftItem: Int32Array;
  leftCount: Int32Array;
  /** Occurrences of each item as a left / right member of a bigram. */
  asLeft: Float64Array;
  asRight: Float64Array;
  total: number;
}

function bigramsFromPairs(n: number, keys: Float64Array, counts: Int32Array): Bigrams {
  // keys are sorted a * n + b.
  const m = keys.length;
  const rightStart = new Int32Array(n + 1);
  const leftStart = new Int32Array(n + 1);
  const asLeft = new Float64Array(n);
  const asRight = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < m; i++) {
    const a = Math.floor(keys[i]! / n);
    const b = keys[i]! - a * n;
    rightStart[a + 1]!++;
    leftStart[b + 1]!++;
    asLeft[a] += counts[i]!;
    asRight[b] += counts[i]!;
    total += counts[i]!;
  }
  for (let i = 0; i < n; i++) {
    rightStart[i + 1] += rightStart[i]!;
    leftStart[i + 1] += leftStart[i]!;
  }
  const rightItem = new Int32Array(m);
  const rightCount = new Int32Array(m);
  const leftItem = new Int32Array(m);
  const leftCount = new Int32Array(m);
  const fillL = leftStart.slice(0, n);
  for (let i = 0; i < m; i++) {
    const a = Math.floor(keys[i]! / n);
    const b = keys[i]! - a * n;
    rightItem[i] = b;
    rightCount[i] = counts[i]!;
    const j = fillL[b]!++;
    leftItem[j] = a;
    leftCount[j] = counts[i]!;
  }
  return { n, rightStart, rightItem, rightCount, leftStart, leftItem, leftCount, asLeft, asRight, total };
}

/** x log x for counts, tabulated up to `max`. */
function xlogxTable(max: number): Float64Array {
  const t = new Float64Array(max + 1);
  for (let x = 2; x <= max; x++) t[x] = x * Math.log(x);
  return t;
}

/**
 * Exchange over the items 0..movable-1 into k classes; items movable.. keep the fixed classes given in
 * `fixed` (class ids k, k+1, ...). Returns each item's class.
 */
function exchange(bg: Bigrams, movable: number, k: number, fixed: readonly number[], initial: Int32Array, o: Required<Omit<BrownOptions, "log">>, log: (m: string) => void, label: string): Int32Array {
  const K2 = k + fixed.length;
  const cls = Int32Array.from(initial);
  fixed.forEach((c, i) => (cls[movable + i] = c));
  const M = new Int32Array(K2 * K2);
  const MT = new Int32Array(K2 * K2);
  const L = new Float64Array(K2);
  const R = new Float64Array(K2);
  const size = new Int32Array(K2);
  for (let a = 0; a < bg.n; a++) {
    const ca = cls[a]!;
    size[ca]!++;
    L[ca] += bg.asLeft[a]!;
    R[ca] += bg.asRight[a]!;
    for (let j = bg.rightStart[a]!; j < bg.rightStart[a + 1]!; j++) {
      const cb = cls[bg.rightItem[j]!]!;
      M[ca * K2 + cb] += bg.rightCount[j]!;
      MT[cb * K2 + ca] += bg.rightCount[j]!;
    }
  }
  const F = xlogxTable(bg.total);
  const rAcc = new Int32Array(K2);
  const lAcc = new Int32Array(K2);
  const rD = new Int32Array(K2);
  const rC = new Int32Array(K2);
  const lD = new Int32Array(K2);
  const lC = new Int32Array(K2);
  const gain = new Float64Array(k);
  for (let pass = 0; pass < o.maxPasses; pass++) {
    const t0 = performance.now();
    let moved = 0;
    for (let w = 0; w < movable; w++) {
      const a = cls[w]!;
      if (size[a] === 1) continue;
      // Class counts of w's right and left neighbours (w itself apart).
      let self = 0;
      let nr = 0;
      let nl = 0;
      for (let j = bg.rightStart[w]!; j < bg.rightStart[w + 1]!; j++) {
        const x = bg.rightItem[j]!;
        if (x === w) {
          self = bg.rightCount[j]!;
          continue;
        }
        const d = cls[x]!;
        if (rAcc[d] === 0) rD[nr++] = d;
        rAcc[d] += bg.rightCount[j]!;
      }
      for (let j = bg.leftStart[w]!; j < bg.leftStart[w + 1]!; j++) {
        const y = bg.leftItem[j]!;
        if (y === w) continue;
        const d = cls[y]!;
        if (lAcc[d] === 0) lD[nl++] = d;
        lAcc[d] += bg.leftCount[j]!;
      }
      for (let j = 0; j < nr; j++) rC[j] = rAcc[rD[j]!]!;
      for (let j = 0; j < nl; j++) lC[j] = lAcc[lD[j]!]!;
      const wl = bg.asLeft[w]!;
      const wr = bg.asRight[w]!;
      // Take w out of class a.
      const move = (b: number, sign: number) => {
        const row = b * K2;
        for (let j = 0; j < nr; j++) {
          const d = rD[j]!;
          M[row + d] += sign * rC[j]!;
          MT[d * K2 + b] += sign * rC[j]!;
        }
        for (let j = 0; j < nl; j++) {
          const d = lD[j]!;
          M[d * K2 + b] += sign * lC[j]!;
          MT[row + d] += sign * lC[j]!;
        }
        M[row + b] += sign * self;
        MT[row + b] += sign * self;
        L[b] += sign * wl;
        R[b] += sign * wr;
        size[b] += sign;
      };
      move(a, -1);
      // The gain of putting w into each class b, a row of M (or of its transpose) at a time, read in order:
      // first every cell as if w's neighbour classes were all other than b, then the cell (b, b) mended.
      gain.fill(0);
      for (let j = 0; j < nr; j++) {
        const col = rD[j]! * K2;
        const c = rC[j]!;
        for (let b = 0; b < k; b++) {
          const m = MT[col + b]!;
          gain[b] += F[m + c]! - F[m]!;
        }
      }
      for (let j = 0; j < nl; j++) {
        const row = lD[j]! * K2;
        const c = lC[j]!;
        for (let b = 0; b < k; b++) {
          const m = M[row + b]!;
          gain[b] += F[m + c]! - F[m]!;
        }
      }
      let best = a;
      let bestGain = -Infinity;
      for (let b = 0; b < k; b++) {
        const bb = M[b * K2 + b]!;
        const rb = rAcc[b]!;
        const lb = lAcc[b]!;
        let s = gain[b]! + F[bb + rb + lb + self]! - F[bb]!;
        if (rb > 0) s -= F[bb + rb]! - F[bb]!;
        if (lb > 0) s -= F[bb + lb]! - F[bb]!;
        s -= xlogx(L[b]! + wl, F) - xlogx(L[b]!, F) + xlogx(R[b]! + wr, F) - xlogx(R[b]!, F);
        if (s > bestGain + 1e-9 || (b === a && s >= bestGain - 1e-9)) {
          bestGain = s;
          best = b;
        }
      }
      move(best, 1);
      if (best !== a) {
        cls[w] = best;
        moved++;
      }
      for (let j = 0; j < nr; j++) rAcc[rD[j]!] = 0;
      for (let j = 0; j < nl; j++) lAcc[lD[j]!] = 0;
    }
    log(`${label}: pass ${pass + 1}, ${moved} of ${movable} moved, log-likelihood ${objective(M, L, R, K2, F).toFixed(0)} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    if (moved < o.minMoved * movable) break;
  }
  return cls;
}

function xlogx(x: number, F: Float64Array): number {
  return x < F.length ? F[x]! : x * Math.log(x);
}

function objective(M: Int32Array, L: Float64Array, R: Float64Array, K2: number, F: Float64Array): number {
  let s = 0;
  for (let i = 0; i < M.length; i++) s += F[M[i]!]!;
  for (let c = 0; c < K2; c++) s -= xlogx(L[c]!, F) + xlogx(R[c]!, F);
  return s;
}

/** Induce nested word classes from tokenized sentences; codes per word, coarse to fine. */
export function buildBrownClusters(sentences: readonly (readonly string[])[], options: BrownOptions = {}): ClusterLexicon {
  const { log = () => {}, ...rest } = options;
  const o = { ...BROWN_DEFAULTS, ...rest };
  const freq = new Map<string, number>();
  const folded = sentences.map((s) =>
    s.map((w) => {
      const key = clusterKey(w);
      freq.set(key, (freq.get(key) ?? 0) + 1);
      return key;
    }),
  );
  const vocab = [...freq.entries()]
    .filter(([, c]) => c >= o.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  const V = vocab.length;
  const RARE = V;
  const EDGE = V + 1;
  const n = V + 2;
  const pairs = new Map<number, number>();
  const add = (a: number, b: number) => {
    const key = a * n + b;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
  };
  for (const s of folded) {
    let prev = EDGE;
    for (const w of s) {
      const id = index.get(w) ?? RARE;
      add(prev, id);
      prev = id;
    }
    add(prev, EDGE);
  }
  const keys = Float64Array.from(pairs.keys()).sort();
  const counts = Int32Array.from(keys, (key) => pairs.get(key)!);
  let bg = bigramsFromPairs(n, keys, counts);
  log(`brown: ${V} words, ${keys.length} distinct bigrams, ${bg.total} bigrams`);

  // Finest level on words, then each coarser level over the classes of the one below.
  const nLevels = o.levels.length;
  const codes: Int32Array[] = new Array(nLevels);
  let itemClass: Int32Array | null = null;
  for (let l = nLevels - 1; l >= 0; l--) {
    const k = o.levels[l]!;
    const movable = bg.n - 2;
    const initial = Int32Array.from({ length: bg.n }, (_, i) => i % k);
    const cls = exchange(bg, movable, k, [k, k + 1], initial, o, log, `level ${l} (${k} classes)`);
    // Word codes at this level.
    const wordCls = new Int32Array(V);
    for (let v = 0; v < V; v++) wordCls[v] = itemClass ? cls[itemClass[v]!]! : cls[v]!;
    codes[l] = wordCls;
    itemClass = wordCls;
    if (l === 0) break;
    // The classes become the items of the next level, in order of frequency (fixed classes last).
    const K2 = k + 2;
    const M = new Float64Array(K2 * K2);
    for (let a = 0; a < bg.n; a++) {
      for (let j = bg.rightStart[a]!; j < bg.rightStart[a + 1]!; j++) M[cls[a]! * K2 + cls[bg.rightItem[j]!]!] += bg.rightCount[j]!;
    }
    const mass = Float64Array.from({ length: k }, (_, c) => {
      let s = 0;
      for (let d = 0; d < K2; d++) s += M[c * K2 + d]!;
      return s;
    });
    const order = Array.from({ length: k }, (_, c) => c).sort((a, b) => mass[b]! - mass[a]! || a - b);
    const rank = new Int32Array(K2);
    order.forEach((c, r) => (rank[c] = r));
    rank[k] = k;
    rank[k + 1] = k + 1;
    const cKeys: number[] = [];
    const cCounts: number[] = [];
    for (let a = 0; a < K2; a++) for (let b = 0; b < K2; b++) if (M[a * K2 + b]! > 0) cKeys.push(rank[a]! * K2 + rank[b]!);
    cKeys.sort((x, y) => x - y);
    for (const key of cKeys) {
      const a = Math.floor(key / K2);
      const b = key - a * K2;
      const ra = a < k ? order[a]! : a;
      const rb = b < k ? order[b]! : b;
      cCounts.push(M[ra * K2 + rb]!);
    }
    bg = bigramsFromPairs(K2, Float64Array.from(cKeys), Int32Array.from(cCounts));
    // Word → item (rank of its class) for the next level.
    itemClass = Int32Array.from(wordCls, (c) => rank[c]!);
  }
  const byHash = vocab.map((w, i) => ({ h: hashString(w), i })).sort((a, b) => a.h - b.h || a.i - b.i);
  const outKeys = new Int32Array(V);
  const values = new Int32Array(V * nLevels);
  byHash.forEach(({ h, i }, r) => {
    outKeys[r] = h;
    for (let l = 0; l < nLevels; l++) values[r * nLevels + l] = codes[l]![i]!;
  });
  return { keys: outKeys, levels: nLevels, values };
}
