/**
 * Word clusters as features: a word's coarse and fine cluster (two levels of the hierarchy built by
 * word-lexicons.ts) as hashes, looked up as written and then in lowercase, cached per word; and the
 * cluster table's arrays in a model file. The POS tagger and the parser read them; a model trained
 * without clusters gets NONE for every word.
 */
import { FeatureTable } from "./feature-table.js";
import { fmix32, hashString } from "./hash.js";
import type { ModelArray } from "./model-format.js";
import type { ClusterLexicon } from "./ner-lexicons.js";
import { clusterKey } from "./word-lexicons.js";

const NONE = hashString("<no-cluster>");
const CACHE_SIZE = 200_000;

export class ClusterIndex {
  private readonly table: FeatureTable | null;
  private readonly cache = new Map<string, Int32Array>();

  constructor(readonly lexicon: ClusterLexicon | null) {
    this.table = lexicon ? FeatureTable.fromKeys(lexicon.keys) : null;
  }

  /** [coarse, fine]: hashes of the word's coarse (second level) and finest cluster, or of "no cluster". */
  codes(word: string): Int32Array {
    let codes = this.cache.get(word);
    if (codes === undefined) {
      codes = new Int32Array(2).fill(NONE);
      const c = this.lexicon;
      if (c && this.table) {
        const key = clusterKey(word);
        let row = this.table.get(hashString(key));
        if (row < 0) row = this.table.get(hashString(key.toLowerCase()));
        if (row >= 0) {
          codes[0] = fmix32(0x1000 + c.values[row * c.levels + 1]!);
          codes[1] = fmix32(0x2000 + c.values[row * c.levels + c.levels - 1]!);
        }
      }
      if (this.cache.size >= CACHE_SIZE) this.cache.clear();
      this.cache.set(word, codes);
    }
    return codes;
  }
}

/** The arrays of a cluster table for a model file (none without clusters). */
export function clusterArrays(clusters: ClusterLexicon | null): Record<string, ModelArray> {
  return clusters ? { "clusters.keys": clusters.keys, "clusters.values": clusters.values } : {};
}

/** A cluster table back from a model file's arrays (levels from its header; 0 = none); null when absent or malformed. */
export function clustersFromArrays(arrays: Record<string, ModelArray>, levels: number): ClusterLexicon | null | undefined {
  if (levels <= 0) return null;
  const keys = arrays["clusters.keys"];
  const values = arrays["clusters.values"];
  if (!(keys instanceof Int32Array) || !(values instanceof Int32Array) || values.length !== keys.length * levels) return undefined;
  return { keys, values, levels };
}
