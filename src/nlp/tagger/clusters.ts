/**
 * Word clusters, shared by the NER tagger, the POS tagger and the parser: the cluster table (for each word,
 * one class per granularity, coarse to fine), its data file src/nlp/models/clusters.bin (made by
 * `npm run train:clusters`, see brown-clusters.ts) and its loading, the digest by which a model file
 * records the clusters it was trained with, and ClusterIndex, the POS tagger's and parser's view of a
 * word's coarse and fine class as feature hashes (looked up as written, then in lowercase; cached per word
 * for the parser, while the POS tagger keeps them in its own word facts).
 */
import { readFileSync } from "node:fs";
import { NewsgraphError } from "../../errors.js";
import { modelPath } from "../../paths.js";
import { FeatureTable } from "./feature-table.js";
import { fmix32, hashString } from "./hash.js";
import { decodeModel, encodeModel } from "./model-format.js";
import { clusterKey } from "./word-lexicons.js";

/** Word clusters: for each word hash (of its cluster key), one class per granularity (values[row * levels + level]). */
export interface ClusterLexicon {
  keys: Int32Array;
  levels: number;
  values: Int32Array;
}

const FORMAT = "newsgraph-clusters/1";
const NONE = hashString("<no-cluster>");
const CACHE_SIZE = 200_000;

export class ClusterIndex {
  private readonly table: FeatureTable | null;
  private readonly cache = new Map<string, Int32Array>();

  constructor(readonly lexicon: ClusterLexicon | null) {
    this.table = lexicon ? FeatureTable.fromKeys(lexicon.keys) : null;
  }

  /** [coarse, fine]: hashes of the word's coarse (second level) and finest class, or of "no cluster" (cached per word). */
  codes(word: string): Int32Array {
    let codes = this.cache.get(word);
    if (codes === undefined) {
      codes = new Int32Array(2);
      this.codesInto(word, codes);
      if (this.cache.size >= CACHE_SIZE) this.cache.clear();
      this.cache.set(word, codes);
    }
    return codes;
  }

  /** The word's codes (as `codes`) written to out[0] and out[1], not cached: for a caller that keeps them per word itself. */
  codesInto(word: string, out: Int32Array): void {
    out[0] = out[1] = NONE;
    const c = this.lexicon;
    if (!c || !this.table) return;
    const key = clusterKey(word);
    let row = this.table.get(hashString(key));
    if (row < 0) row = this.table.get(hashString(key.toLowerCase()));
    if (row >= 0) {
      out[0] = fmix32(0x1000 + c.values[row * c.levels + Math.min(1, c.levels - 1)]!);
      out[1] = fmix32(0x2000 + c.values[row * c.levels + c.levels - 1]!);
    }
  }
}

/** Digests computed, by table (each model loaded checks the digest of the clusters given). */
const digests = new WeakMap<ClusterLexicon, string>();

/** A 64-bit digest (hex) of a cluster table, or null for none: what a model file records of its clusters. */
export function clusterDigest(clusters: ClusterLexicon | null): string | null {
  if (!clusters) return null;
  const known = digests.get(clusters);
  if (known !== undefined) return known;
  let a = 0x811c9dc5 ^ clusters.levels;
  let b = 0x01000193;
  const mix = (x: number) => {
    a = fmix32(Math.imul(a ^ x, 0x01000193));
    b = Math.imul(b ^ x, 0x5bd1e995) ^ (b >>> 15);
  };
  for (const x of clusters.keys) mix(x);
  for (const x of clusters.values) mix(x);
  const digest = (a >>> 0).toString(16).padStart(8, "0") + (fmix32(b) >>> 0).toString(16).padStart(8, "0");
  digests.set(clusters, digest);
  return digest;
}

/**
 * The clusters of a model that recorded `digest` (null: trained without clusters): the given table when it
 * is the one the model was trained with; otherwise the model is unusable (MODEL_INVALID).
 */
export function clustersForModel(digest: unknown, clusters: ClusterLexicon | null, source: string): ClusterLexicon | null {
  if (digest === null || digest === undefined) return null;
  if (clusterDigest(clusters) !== digest) {
    throw new NewsgraphError("MODEL_INVALID", `${source}: trained with other word clusters than the ones given (clusters.bin); retrain it`, { file: source });
  }
  return clusters;
}

/** The bytes of a clusters file. */
export function encodeClusters(clusters: ClusterLexicon, info: Record<string, unknown>): Buffer {
  return encodeModel({ format: FORMAT, levels: clusters.levels, info }, { keys: clusters.keys, values: clusters.values });
}

/** A clusters file back (arrays are views into the bytes). */
export function decodeClusters(bytes: Uint8Array, source: string): ClusterLexicon {
  const { meta, arrays } = decodeModel(bytes, source);
  const levels = Number(meta.levels);
  const { keys, values } = arrays;
  if (meta.format !== FORMAT || !(keys instanceof Int32Array) || !(values instanceof Int32Array) || !(levels > 0) || values.length !== keys.length * levels) {
    throw new NewsgraphError("MODEL_INVALID", `${source}: not a newsgraph clusters file`, { file: source });
  }
  return { keys, levels, values };
}

/** Clusters loaded, by path: the taggers and the parser of a process share one table (it is never modified). */
const loaded = new Map<string, ClusterLexicon>();

/** Load the shipped word clusters (src/nlp/models/clusters.bin, or `path`). */
export function loadClusters(path = modelPath("clusters.bin")): ClusterLexicon {
  const known = loaded.get(path);
  if (known) return known;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (err) {
    throw new NewsgraphError("MODEL_MISSING", `word clusters ${path} not found (${(err as NodeJS.ErrnoException).code ?? "unreadable"}); run npm run train:clusters`, { file: path });
  }
  const clusters = decodeClusters(bytes, path);
  loaded.set(path, clusters);
  return clusters;
}
