/**
 * Duplicate stories: documents with the same text (exact duplicates, by sha256) or nearly the same text
 * (the same wire story from several outlets, lightly edited copies) are grouped into one story, so that an
 * edge can say how many independent stories support it. Near duplicates are found with MinHash over word
 * shingles (Broder 1997, "On the resemblance and containment of documents") and locality-sensitive hashing
 * by bands (Leskovec, Rajaraman, Ullman, "Mining of Massive Datasets", ch. 3); every candidate pair is
 * checked against the Jaccard threshold. Hashes are seeded, so the grouping is deterministic and does not
 * depend on the order of the documents.
 */
import { NewsgraphError } from "../errors.js";
import { fmix32, FNV_OFFSET, FNV_PRIME } from "../hash.js";

export interface DedupOptions {
  /** Words per shingle. */
  shingle?: number;
  /** MinHash functions (signature length). */
  hashes?: number;
  /** LSH bands; `hashes` must be a multiple of it. */
  bands?: number;
  /** Estimated Jaccard similarity from which two documents are the same story. */
  threshold?: number;
  /** Seed of the hash functions. */
  seed?: number;
}

export const DEDUP_DEFAULTS: Required<DedupOptions> = { shingle: 4, hashes: 64, bands: 16, threshold: 0.75, seed: 1 };

export function resolveDedupOptions(options: DedupOptions = {}): Required<DedupOptions> {
  const o = { ...DEDUP_DEFAULTS, ...options };
  if (!Number.isInteger(o.shingle) || o.shingle < 1) throw new NewsgraphError("BAD_ARGUMENT", `dedup: shingle must be a positive integer (got ${o.shingle})`);
  if (!Number.isInteger(o.hashes) || !Number.isInteger(o.bands) || o.bands < 1 || o.hashes % o.bands !== 0) {
    throw new NewsgraphError("BAD_ARGUMENT", `dedup: hashes (${o.hashes}) must be a multiple of bands (${o.bands})`);
  }
  if (!(o.threshold > 0 && o.threshold <= 1)) throw new NewsgraphError("BAD_ARGUMENT", `dedup: threshold must be in (0, 1] (got ${o.threshold})`);
  return o;
}

/** The shared finalizer as an unsigned 32-bit value (signatures compare as unsigned). */
const mix = (h: number): number => fmix32(h) >>> 0;

/** Whether a code point is a letter or a digit (\p{L}, \p{N}). */
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** The answer for every code point of the Basic Multilingual Plane, made on first use (a few milliseconds). */
let bmpWordChars: Uint8Array | undefined;

function basicWordChars(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (let cp = 0; cp < 0x10000; cp++) table[cp] = WORD_CHAR.test(String.fromCharCode(cp)) ? 1 : 0;
  return table;
}

/**
 * The hashes of a text's words, the runs of letters and digits of its lowercase form (FNV-1a over their
 * UTF-16 code units, finalized, unsigned: `hashString` of each word), computed in place without cutting
 * the words out.
 */
export function wordHashes(text: string): number[] {
  const lower = text.toLowerCase();
  const basic = (bmpWordChars ??= basicWordChars());
  const out: number[] = [];
  let h = 0;
  let inWord = false;
  for (let i = 0; i < lower.length; ) {
    const cp = lower.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (cp < 0x10000 ? basic[cp] === 1 : WORD_CHAR.test(String.fromCodePoint(cp))) {
      if (!inWord) {
        h = FNV_OFFSET;
        inWord = true;
      }
      for (let k = i; k < i + width; k++) h = Math.imul(h ^ lower.charCodeAt(k), FNV_PRIME);
    } else if (inWord) {
      out.push(fmix32(h) >>> 0);
      inWord = false;
    }
    i += width;
  }
  if (inWord) out.push(fmix32(h) >>> 0);
  return out;
}

/** The hashes of a text's word shingles (lowercased letters and digits; punctuation and layout ignored), repeats included. */
export function shingleHashes(text: string, shingle: number): number[] {
  const words = wordHashes(text);
  const out: number[] = [];
  const span = Math.min(shingle, words.length);
  for (let i = 0; i + span <= words.length; i++) {
    let h = 0x9e3779b9;
    for (let k = 0; k < span; k++) h = mix(Math.imul(h, 31) ^ words[i + k]!);
    out.push(h);
  }
  return out;
}

/** The MinHash signature of a text: for each seeded hash function, the smallest hash of its shingles (a repeated shingle changes no minimum). */
export function minhashSignature(text: string, options: DedupOptions = {}): Uint32Array {
  const o = resolveDedupOptions(options);
  const seeds = new Uint32Array(o.hashes);
  for (let i = 0; i < o.hashes; i++) seeds[i] = mix(Math.imul(o.seed + 1, 0x9e3779b1) ^ Math.imul(i + 1, 0x85ebca6b));
  const mins = new Uint32Array(o.hashes).fill(0xffffffff);
  const shingles = shingleHashes(text, o.shingle);
  for (let s = 0; s < shingles.length; s++) {
    const h = shingles[s]!;
    for (let i = 0; i < o.hashes; i++) {
      const v = mix(h ^ seeds[i]!);
      if (v < mins[i]!) mins[i] = v;
    }
  }
  return mins;
}

/** Estimated Jaccard similarity of two signatures: the share of hash functions whose minimum agrees. */
export function signatureSimilarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return a.length === 0 ? 0 : same / a.length;
}

/** A document as story grouping sees it. */
export interface StoryInput {
  id: string;
  /** sha256 of the text: equal hashes are exact duplicates. */
  sha256: string;
  signature: Uint32Array;
}

export interface StoryGrouping {
  /** Story id of every document: the smallest document id of its group (code-point order). */
  storyOf: Map<string, string>;
  /** Number of distinct stories. */
  stories: number;
  /** Documents that repeat another document's text exactly. */
  exactDuplicates: number;
  /** Further documents joined to a story as near duplicates. */
  nearDuplicates: number;
}

/** Group documents into stories: exact duplicates by hash, near duplicates by MinHash + LSH. */
export function groupStories(docs: StoryInput[], options: DedupOptions = {}): StoryGrouping {
  const o = resolveDedupOptions(options);
  const parent = docs.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  const union = (a: number, b: number): boolean => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return false;
    if (ra < rb) parent[rb] = ra;
    else parent[ra] = rb;
    return true;
  };

  let exactDuplicates = 0;
  const bySha = new Map<string, number>();
  docs.forEach((d, i) => {
    const first = bySha.get(d.sha256);
    if (first === undefined) bySha.set(d.sha256, i);
    else if (union(first, i)) exactDuplicates++;
  });

  // LSH: documents sharing all the rows of one band are candidates; each candidate pair is verified.
  let nearDuplicates = 0;
  const rows = o.hashes / o.bands;
  for (let b = 0; b < o.bands; b++) {
    // Buckets by a hash of the band's rows; a hash collision only adds a candidate, which is verified.
    const buckets = new Map<number, number[]>();
    for (const i of bySha.values()) {
      const sig = docs[i]!.signature;
      if (sig.length !== o.hashes) throw new NewsgraphError("BAD_ARGUMENT", `dedup: signature of ${docs[i]!.id} has ${sig.length} hashes, expected ${o.hashes}`);
      let key = 0x811c9dc5;
      for (let r = b * rows; r < (b + 1) * rows; r++) key = mix(Math.imul(key, 31) ^ sig[r]!);
      const list = buckets.get(key);
      if (list) list.push(i);
      else buckets.set(key, [i]);
    }
    for (const list of buckets.values()) {
      for (let x = 0; x < list.length; x++) {
        for (let y = x + 1; y < list.length; y++) {
          const i = list[x]!;
          const j = list[y]!;
          if (find(i) === find(j)) continue;
          if (signatureSimilarity(docs[i]!.signature, docs[j]!.signature) >= o.threshold && union(i, j)) nearDuplicates++;
        }
      }
    }
  }

  const smallest = new Map<number, string>();
  docs.forEach((d, i) => {
    const r = find(i);
    const s = smallest.get(r);
    if (s === undefined || d.id < s) smallest.set(r, d.id);
  });
  const storyOf = new Map<string, string>();
  docs.forEach((d, i) => storyOf.set(d.id, smallest.get(find(i))!));
  return { storyOf, stories: smallest.size, exactDuplicates, nearDuplicates };
}
