/**
 * The lexicons the NER features consult besides the words themselves: a casing lexicon (how a word is
 * usually written in running text), word clusters, and gazetteers matched over token sequences. The casing
 * lexicon and the gazetteers are frozen into the model file as sorted hash arrays; the clusters are the
 * shared clusters.bin, which the model file names by digest, so a model always sees the lexicons it was
 * trained with.
 */
import type { ClusterLexicon } from "./clusters.js";
import { FeatureTable } from "./feature-table.js";
import { fmix32 } from "./hash.js";
import { GazetteerMatcher, NO_START, type GazetteerData, type GazetteerStart } from "./gazetteer.js";
import type { WordInfo } from "./word-info.js";

export interface NerLexicons {
  /** Usual capitalisation class (see CAP) of a word key (hash of its lowercase form), or -1 when unknown. */
  usualCase(hKey: number): number;
  /** Hashes of the word's cluster ids, coarse to fine (by hash of the word's cluster key, see clusters.ts). */
  clusterHashes(hFold: number): readonly number[];
  /** What a gazetteer match starting at the word depends on of the word alone (see gazetteer.ts). */
  gazetteerStart(w: WordInfo): GazetteerStart;
  /** Gazetteer match bits of a sentence, two 32-bit words per token (see gazetteer.ts). */
  matchGazetteers(words: readonly (WordInfo & GazetteerStart)[]): Int32Array;
}

/** Word → value lexicon on sorted hash keys. */
export interface HashLexicon {
  keys: Int32Array;
  values: Int32Array;
}

export interface NerLexiconData {
  gazetteer: GazetteerData | null;
  casing: HashLexicon | null;
  clusters: ClusterLexicon | null;
}

const NONE: readonly number[] = [];

export class FrozenLexicons implements NerLexicons {
  private readonly casingTable: FeatureTable | null;
  private readonly clusterTable: FeatureTable | null;
  private readonly matcher: GazetteerMatcher | null;

  constructor(readonly data: NerLexiconData) {
    this.casingTable = data.casing ? FeatureTable.fromKeys(data.casing.keys) : null;
    this.clusterTable = data.clusters ? FeatureTable.fromKeys(data.clusters.keys) : null;
    this.matcher = data.gazetteer ? new GazetteerMatcher(data.gazetteer) : null;
  }

  usualCase(hKey: number): number {
    if (!this.casingTable) return -1;
    const row = this.casingTable.get(hKey);
    return row < 0 ? -1 : this.data.casing!.values[row]!;
  }

  clusterHashes(hFold: number): readonly number[] {
    const clusters = this.data.clusters;
    if (!clusters || !this.clusterTable) return NONE;
    const row = this.clusterTable.get(hFold);
    if (row < 0) return NONE;
    // A plain array: the NER words keep it, and a typed array costs about 220 bytes of heap.
    const out: number[] = [];
    for (let l = 0; l < clusters.levels; l++) out.push(fmix32(Math.imul(l + 1, 0x9e3779b1) ^ clusters.values[row * clusters.levels + l]!));
    return out;
  }

  gazetteerStart(w: WordInfo): GazetteerStart {
    return this.matcher ? this.matcher.start(w) : NO_START;
  }

  matchGazetteers(words: readonly (WordInfo & GazetteerStart)[]): Int32Array {
    return this.matcher ? this.matcher.match(words) : new Int32Array(2 * words.length);
  }
}
