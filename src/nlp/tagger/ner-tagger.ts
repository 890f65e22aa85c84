/**
 * The named-entity tagger at run time: two greedy BILOU passes over a document. The first uses local and
 * document-casing features; the second adds the first pass's tags of the token, its neighbours and the
 * other occurrences of the same word in the document (so that "Blackburn" alone is tagged like "Peter
 * Blackburn" two sentences earlier). Output is IOB2. Also the (de)serialization of the NER model file.
 */
import { decodeModel, encodeModel, type ModelArray } from "./model-format.js";
import { frozenArrays, frozenFromArrays, thawShared, type FrozenLinear } from "./frozen.js";
import { clusterDigest, clustersForModel, type ClusterLexicon } from "./clusters.js";
import { FrozenLexicons, type NerLexiconData } from "./ner-lexicons.js";
import { left2, leftCore, leftRest, NerFeaturizer, right2, rightCore, rightRest, wordCore, wordRest, type NerWord } from "./ner-features.js";
import { UNSET_ROW, type LinearModel } from "./linear-model.js";
import { SentenceFeatures } from "./sentence-features.js";
import { bilouTagSet, bilouToIob2, tagNames } from "./tagset.js";
import { NewsgraphError } from "../../errors.js";
import { WordSlots } from "./word-slots.js";
import { WordTable } from "./word-table.js";

/** A sequence tagger over pre-tokenized text. */
export interface Tagger {
  /** Tags of one sentence. */
  tag(words: string[]): string[];
  /** Tags of the sentences of one document (document-level features see all of them). */
  tagDocument(sentences: string[][]): string[][];
}

export interface NerModelData {
  /** Entity types, in class order. */
  types: string[];
  stage1: FrozenLinear;
  stage2: FrozenLinear | null;
  lexicons: NerLexiconData;
  /** Training facts kept in the file (data, epochs, dev scores). */
  info: Record<string, unknown>;
}

export class NerTagger implements Tagger {
  readonly featurizer: NerFeaturizer;
  private readonly sf = new SentenceFeatures();
  private readonly extra = new SentenceFeatures();
  /** The features of a new word's groups (see fillSlot), and their rows. */
  private readonly wordSf = new SentenceFeatures();
  private wordRows = new Int32Array(256);
  /** The sum of the slot cells classify touched last (kept, so that its loads are not optimized away). */
  touched = 0;
  /**
   * Per-word cache of what a word contributes: slot 0 is the sentence boundary, slot id + 1 the featurizer's
   * word `id` (see word-slots.ts). Slot k's entry starts at k · W (W = slotWidth(C) cells of 4 bytes): its
   * scores scorePool[k · W ...] (self, left and right, each 2C floats: stage one's then stage two's; left2 and
   * right2, C floats each: stage two has no features of the words two away), then its conjoined history rows
   * conjPool[k · W + ENTRY · C ...] (looked up on first use, see ConjoinedRows). Both pools view one buffer,
   * so that the history rows of a word are next to the scores just read for it.
   */
  private readonly slots: WordSlots<NerWord>;
  private scorePool: Float32Array;
  private conjPool: Int32Array;
  /** Document buffers, reused: rows of static features, per-token row ranges, word slots and hashes, starting scores. */
  private docRows = new Int32Array(1 << 16);
  private docStarts = new Int32Array(1 << 12);
  private docCores = new Int32Array(1 << 12);
  private docConj = new Int32Array(1 << 12);
  private docConjA = new Int32Array(1 << 12);
  private docConjB = new Int32Array(1 << 12);
  private sentSlots = new Int32Array(1 << 10);
  private docInitial: Float32Array;
  /** IOB2 tag of each class. */
  private readonly iob2: readonly string[];
  private readonly names: readonly string[];

  constructor(
    readonly types: readonly string[],
    lexicons: FrozenLexicons,
    /** The two stages, sharing one feature table (a feature's row is looked up once for both). */
    private readonly stage1: LinearModel,
    private readonly stage2: LinearModel | null,
    /** The numbered words (the caches are cleared with the table). */
    words: WordTable = new WordTable(),
  ) {
    this.featurizer = new NerFeaturizer(lexicons, types.length, words);
    this.names = stage1.tagset.names;
    this.iob2 = bilouToIob2(this.names);
    const C = this.names.length;
    if (stage2 && stage2.table !== stage1.table) {
      throw new NewsgraphError("MODEL_INVALID", "the NER stages must share one feature table (see thawShared)");
    }
    const pools = new ArrayBuffer(INITIAL_SLOTS * slotWidth(C) * 4);
    this.scorePool = new Float32Array(pools);
    this.conjPool = new Int32Array(pools);
    this.docInitial = new Float32Array(this.docStarts.length * 2 * C);
    this.slots = new WordSlots((w, slot) => this.fillSlot(w, slot));
  }

  static fromData(data: NerModelData, words?: WordTable): NerTagger {
    const tagset = bilouTagSet(data.types);
    const [stage1, stage2] = thawShared(data.stage2 ? [data.stage1, data.stage2] : [data.stage1], tagset);
    return new NerTagger(data.types, new FrozenLexicons(data.lexicons), stage1!, stage2 ?? null, words);
  }

  tag(words: string[]): string[] {
    return this.tagDocument([words])[0]!;
  }

  tagDocument(sentences: string[][]): string[][] {
    const classes = this.classify(sentences);
    const tags: string[][] = new Array(classes.length);
    for (let s = 0; s < classes.length; s++) tags[s] = tagNames(classes[s]!, this.iob2);
    return tags;
  }

  /**
   * Fill the next cache slot with what a word contributes to its own scores and its neighbours' (null =
   * sentence boundary): each group's features (stage one's over core and rest, stage two's over core only)
   * summed in float32, in feature order, into the group's part of the slot. The rows of all the groups'
   * features are looked up first, and read once before they are summed: a new word's rows are mostly cold
   * (other stages run between documents), and their cache misses then overlap instead of coming one by one.
   */
  private fillSlot(w: NerWord | null, slot: number): void {
    const C = this.names.length;
    const W = slotWidth(C);
    if ((slot + 1) * W > this.scorePool.length) {
      const conj = new Int32Array(2 * this.conjPool.length);
      conj.set(this.conjPool);
      this.conjPool = conj;
      this.scorePool = new Float32Array(conj.buffer);
    }
    const at = slot * W;
    const pool = this.scorePool;
    pool.fill(0, at, at + ENTRY * C);
    this.conjPool.fill(UNSET_ROW, at + ENTRY * C, at + W);
    const groups = w ? WORD_GROUPS : BOUNDARY_GROUPS;
    const sf = this.wordSf;
    sf.reset(groups.length);
    for (let g = 0; g < groups.length; g++) {
      const { core, rest } = groups[g]!;
      sf.begin(g);
      if (core) core(w, sf);
      sf.markCore(g);
      rest(w, sf);
    }
    sf.end();
    const total = sf.starts[groups.length]!;
    if (this.wordRows.length < total) this.wordRows = new Int32Array(2 * total);
    const { rows } = this.stage1.lookup(sf, this.wordRows);
    this.stage1.touchRows(rows, total);
    // The stages share the feature table (and a row holds both stages' weights): a core feature's row is
    // looked up once for both.
    const stage2 = this.stage2;
    for (let g = 0; g < groups.length; g++) {
      const part = at + groups[g]!.part * C;
      const coreEnd = stage2 ? sf.cores[g]! : 0;
      for (let k = sf.starts[g]!; k < sf.starts[g + 1]!; k++) {
        const row = rows[k]!;
        if (row < 0) continue;
        this.stage1.addRowTo(pool, part, row);
        if (k < coreEnd) stage2!.addRowTo(pool, part + C, row);
      }
    }
  }

  /** Make room for a document's buffers: `tokens` tokens. */
  private reserve(tokens: number): void {
    if (this.docStarts.length > tokens) return;
    const size = 2 * (tokens + 1);
    this.docStarts = new Int32Array(size);
    this.docCores = new Int32Array(size);
    this.docConj = new Int32Array(size);
    this.docConjA = new Int32Array(size);
    this.docConjB = new Int32Array(size);
    this.docInitial = new Float32Array(size * 2 * this.names.length);
  }

  /** BILOU class ids of each sentence of a document. */
  classify(sentences: readonly (readonly string[])[]): Int32Array[] {
    const doc = this.featurizer.prepare(sentences);
    this.slots.catchUp(this.featurizer.vocabulary, this.featurizer.generation);
    const C = this.names.length;
    const C2 = 2 * C;
    const W = slotWidth(C);
    let tokens = 0;
    for (const s of sentences) tokens += s.length;
    this.reserve(tokens);
    const starts = this.docStarts;
    const cores = this.docCores;
    const conjAt = this.docConj;
    const conjA = this.docConjA;
    const conjB = this.docConjB;
    const initial = this.docInitial;
    const table = this.stage1.table;
    const sf = this.sf;
    const first: Int32Array[] = [];
    let tok = 0;
    let fill = 0;
    for (let i = 0; i < sentences.length; i++) {
      const ws = doc.words[i]!;
      const n = ws.length;
      this.featurizer.sentence(doc, i, sf, false);
      const total = sf.starts[n]!;
      if (this.docRows.length < fill + total) {
        const bigger = new Int32Array(2 * (fill + total));
        bigger.set(this.docRows.subarray(0, fill));
        this.docRows = bigger;
      }
      const rows = this.docRows;
      const keys = sf.keys;
      if (this.sentSlots.length < n) this.sentSlots = new Int32Array(2 * n);
      const slots = this.sentSlots;
      for (let k = 0; k < total; k++) rows[fill + k] = table.get(keys[k]!);
      this.stage1.touchRows(rows.subarray(fill), total);
      for (let t = 0; t < n; t++) {
        starts[tok + t] = fill + sf.starts[t]!;
        cores[tok + t] = fill + sf.cores[t]!;
        const slot = ws[t]!.id + 1;
        conjAt[tok + t] = slot * W + ENTRY * C;
        conjA[tok + t] = sf.conjA[t]!;
        conjB[tok + t] = sf.conjB[t]!;
        slots[t] = slot;
      }
      starts[tok + n] = fill + total;
      // Starting scores: the token's own word scores plus its neighbours', summed in single precision.
      const pool = this.scorePool;
      // The sentence's slots read one float a cache line first (a software prefetch: their misses overlap).
      let touched = 0;
      for (let t = 0; t < n; t++) for (let c = slots[t]! * W, end = c + ENTRY * C; c < end; c += 16) touched += pool[c]!;
      this.touched = touched;
      for (let t = 0; t < n; t++) {
        // Slot 0 is the sentence boundary.
        const self = slots[t]! * W + SELF * C;
        const left = (t > 0 ? slots[t - 1]! : 0) * W + LEFT * C;
        const right = (t + 1 < n ? slots[t + 1]! : 0) * W + RIGHT * C;
        const left2 = (t > 1 ? slots[t - 2]! : 0) * W + LEFT2 * C;
        const right2 = (t + 2 < n ? slots[t + 2]! : 0) * W + RIGHT2 * C;
        const base = (tok + t) * C2;
        // Sums from zero: 0 + x is x (the pool holds float32 values and never -0).
        for (let c = 0; c < C; c++) {
          let v = Math.fround(pool[self + c]! + pool[left + c]!);
          v = Math.fround(v + pool[right + c]!);
          v = Math.fround(v + pool[left2 + c]!);
          initial[base + c] = v + pool[right2 + c]!;
        }
        // Stage two's: the words two away give it nothing.
        for (let c = C; c < C2; c++) {
          const v = Math.fround(pool[self + c]! + pool[left + c]!);
          initial[base + c] = v + pool[right + c]!;
        }
      }
      const out = new Int32Array(n);
      const conj = { pool: this.conjPool, at: conjAt.subarray(tok, tok + n) };
      const a = { rows, starts: starts.subarray(tok, tok + n + 1) };
      this.stage1.decodeRows(n, a, null, conjA.subarray(tok), conjB.subarray(tok), out, initial.subarray(tok * C2), C2, 0, conj);
      first.push(out);
      tok += n;
      fill += total;
    }
    if (!this.stage2) return first;
    const agg = this.featurizer.stageOne(doc, first);
    const rows = this.docRows;
    tok = 0;
    return sentences.map((s, i) => {
      const n = s.length;
      const out = new Int32Array(n);
      this.featurizer.stageTwo(doc, i, agg, this.extra);
      const a = { rows, starts: starts.subarray(tok, tok + n + 1), ends: cores.subarray(tok, tok + n) };
      const conj = { pool: this.conjPool, at: conjAt.subarray(tok, tok + n) };
      this.stage2!.decodeRows(n, a, this.stage2!.lookup(this.extra), conjA.subarray(tok), conjB.subarray(tok), out, initial.subarray(tok * C2), C2, C, conj);
      tok += n;
      return out;
    });
  }
}

type WordFeatures = (w: NerWord | null, sf: SentenceFeatures) => void;

/** A group of single-word features: its part of the slot, its core features (stage one's and two's) and the rest (stage one's). */
interface WordGroup {
  part: number;
  core: WordFeatures | null;
  rest: WordFeatures;
}

/** Parts of a word's cache entry, in units of C floats: scores it contributes as the token itself and as each neighbour. */
const SELF = 0;
const LEFT = 2;
const RIGHT = 4;
const LEFT2 = 6;
const RIGHT2 = 7;
const ENTRY = 8;

/** The groups of a word's slot; the sentence boundary is never a token itself. The words two away give stage two nothing. */
const WORD_GROUPS: readonly WordGroup[] = [
  { part: SELF, core: wordCore as WordFeatures, rest: wordRest as WordFeatures },
  { part: LEFT, core: leftCore, rest: leftRest },
  { part: RIGHT, core: rightCore, rest: rightRest },
  { part: LEFT2, core: null, rest: left2 },
  { part: RIGHT2, core: null, rest: right2 },
];
const BOUNDARY_GROUPS = WORD_GROUPS.slice(1);

/** Cells (4 bytes) of a word's slot: its scores (ENTRY · C floats), then its conjoined history rows (two rows per previous class, see ConjoinedRows). */
function slotWidth(C: number): number {
  return ENTRY * C + 2 * (C + 1);
}

/** Slots allocated at first (the pools double as needed). */
const INITIAL_SLOTS = 4096;


/** Version 2: the word clusters are no longer embedded but named by digest (clusters.bin). */
const FORMAT = "newsgraph-ner/2";

/** Serialize an NER model. */
export function encodeNerModel(data: NerModelData): Buffer {
  const arrays: Record<string, ModelArray> = { ...frozenArrays("stage1", data.stage1) };
  if (data.stage2) Object.assign(arrays, frozenArrays("stage2", data.stage2));
  const lex = data.lexicons;
  if (lex.gazetteer) Object.assign(arrays, { "gaz.entries": lex.gazetteer.entries, "gaz.lists": lex.gazetteer.lists, "gaz.prefixes": lex.gazetteer.prefixes });
  if (lex.casing) Object.assign(arrays, { "casing.keys": lex.casing.keys, "casing.values": lex.casing.values });
  const meta = { format: FORMAT, types: data.types, clusters: clusterDigest(lex.clusters), info: data.info };
  return encodeModel(meta, arrays);
}

/** Parse an NER model file; `clusters` are the word clusters it was trained with (clusters.bin). */
export function decodeNerModel(bytes: Uint8Array, source: string, clusters: ClusterLexicon | null): NerModelData {
  const { meta, arrays } = decodeModel(bytes, source);
  const invalid = (why: string) => new NewsgraphError("MODEL_INVALID", `${source}: invalid NER model (${why})`, { file: source });
  if (meta.format !== FORMAT || !Array.isArray(meta.types)) throw invalid(`format ${String(meta.format)}`);
  const types = meta.types as string[];
  const nClasses = 1 + 4 * types.length;
  const stage1 = frozenFromArrays("stage1", arrays, nClasses);
  if (!stage1) throw invalid("stage1 weights");
  const i32 = (name: string) => {
    const a = arrays[name];
    return a instanceof Int32Array ? a : null;
  };
  const gazEntries = i32("gaz.entries");
  const gazLists = i32("gaz.lists");
  const gazPrefixes = i32("gaz.prefixes");
  const casingKeys = i32("casing.keys");
  const casingValues = i32("casing.values");
  return {
    types,
    stage1,
    stage2: frozenFromArrays("stage2", arrays, nClasses),
    lexicons: {
      gazetteer: gazEntries && gazLists && gazPrefixes ? { entries: gazEntries, lists: gazLists, prefixes: gazPrefixes } : null,
      casing: casingKeys && casingValues ? { keys: casingKeys, values: casingValues } : null,
      clusters: clustersForModel(meta.clusters, clusters, source),
    },
    info: (meta.info as Record<string, unknown>) ?? {},
  };
}
