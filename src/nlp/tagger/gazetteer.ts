/**
 * Gazetteer membership for the NER features: names from the knowledge base (src/kb, each file with its
 * source) tokenized like news text and stored as hashes of their token keys, so that the model file carries
 * a frozen copy and needs no KB parsing at load. Matching finds every listed token sequence in a sentence
 * (all lengths, overlapping allowed) and marks its tokens with (list, B/I/L/U position) bits.
 */
import { companySuffixes, countries, cities, eventHeads, givenNames, honorifics, organizations, personTitles, projectHeads, regions } from "../../kb/index.js";
import { tokenize } from "../tokenize.js";
import { FeatureTable } from "./feature-table.js";
import { fmix32 } from "./hash.js";
import { CAP, computeWordInfo, type WordInfo } from "./word-info.js";

/** The lists, in bit order (each list uses 4 bits: B, I, L, U). At most 16 lists. */
export const GAZETTEER_LISTS = [
  "country", "demonym", "city", "region", "organization", "acronym", "given-name", "person-title",
  "honorific", "company-suffix", "event-head", "project-head",
] as const;
export type GazetteerList = (typeof GAZETTEER_LISTS)[number];

/** Lists whose names are matched only when their first token is capitalized. */
const PROPER: ReadonlySet<GazetteerList> = new Set<GazetteerList>([
  "country", "demonym", "city", "region", "organization", "acronym", "given-name", "honorific", "company-suffix", "event-head", "project-head",
]);

/** Frozen gazetteer data: sequence hashes with their list bits, and the set of sequence prefixes. */
export interface GazetteerData {
  /** Sorted hashes of complete entries. */
  entries: Int32Array;
  /** List bits of each entry (bit k = GAZETTEER_LISTS[k]). */
  lists: Int32Array;
  /** Sorted hashes of proper prefixes of entries (to stop extending a match early). */
  prefixes: Int32Array;
}

const SEED = 0x3c6ef372;

function extend(h: number, wordKey: number): number {
  const x = fmix32(h ^ Math.imul(wordKey, 0x9e3779b1));
  return x === 0 ? 1 : x;
}

/** The token keys of a name as the news tokenizer splits it. */
export function nameTokens(name: string): number[] {
  return tokenize(name).map((t) => computeWordInfo(t.text).hKey);
}

/** Gazetteer data of (list, name) entries. */
export function gazetteerData(entries: Iterable<readonly [GazetteerList, string]>): GazetteerData {
  const bits = new Map<number, number>();
  const prefixes = new Set<number>();
  for (const [list, name] of entries) {
    const keys = nameTokens(name);
    if (keys.length === 0 || keys.length > 8) continue;
    let h = SEED;
    for (let i = 0; i < keys.length; i++) {
      h = extend(h, keys[i]!);
      if (i < keys.length - 1) prefixes.add(h);
    }
    bits.set(h, (bits.get(h) ?? 0) | (1 << GAZETTEER_LISTS.indexOf(list)));
  }
  const keys = Int32Array.from(bits.keys()).sort();
  const lists = Int32Array.from(keys, (h) => bits.get(h)!);
  return { entries: keys, lists, prefixes: Int32Array.from(prefixes).sort() };
}

/** The (list, name) entries of the knowledge base. */
function* kbEntries(): Generator<readonly [GazetteerList, string]> {
  for (const c of countries()) {
    for (const n of [c.name, ...c.aliases]) yield ["country", n];
    for (const d of c.demonyms) yield ["demonym", d];
  }
  for (const c of cities()) for (const n of [c.name, ...c.aliases]) yield ["city", n];
  for (const r of regions()) for (const n of [r.name, ...r.aliases]) yield ["region", n];
  for (const o of organizations()) {
    for (const n of [o.name, ...o.aliases]) yield ["organization", n];
    if (o.acronym) yield ["acronym", o.acronym];
  }
  for (const n of givenNames()) yield ["given-name", n];
  for (const t of personTitles()) yield ["person-title", t.title];
  for (const h of honorifics()) {
    yield ["honorific", h];
    yield ["honorific", `${h}.`];
  }
  for (const s of companySuffixes()) yield ["company-suffix", s];
  for (const e of eventHeads()) yield ["event-head", e];
  for (const p of projectHeads()) yield ["project-head", p];
}

/** Build the gazetteer data from the knowledge base (src/kb). */
export function buildGazetteerData(): GazetteerData {
  return gazetteerData(kbEntries());
}

/** What a match starting at a word depends on of the word alone (see GazetteerMatcher.start). */
export interface GazetteerStart {
  /** Lists of which the word alone is an entry (a lowercase word's without the proper-name lists), or 0. */
  readonly gazLists: number;
  /** Some longer entry starts with the word. */
  readonly gazPrefix: boolean;
}

/** The facts of a word at which no match starts. */
export const NO_START: GazetteerStart = { gazLists: 0, gazPrefix: false };

/** Matches token sequences against frozen gazetteer data. */
export class GazetteerMatcher {
  private readonly entryTable: FeatureTable;
  private readonly prefixTable: FeatureTable;
  private readonly properMask: number;

  constructor(private readonly data: GazetteerData) {
    this.entryTable = FeatureTable.fromKeys(data.entries);
    this.prefixTable = FeatureTable.fromKeys(data.prefixes);
    let mask = 0;
    GAZETTEER_LISTS.forEach((l, i) => {
      if (PROPER.has(l)) mask |= 1 << i;
    });
    this.properMask = mask;
  }

  /** The facts of a word as the first of a match (computed once per distinct word by the NER featurizer). */
  start(w: WordInfo): GazetteerStart {
    if (!w.alpha && w.norm.length > 1) return NO_START;
    const h = extend(SEED, w.hKey);
    const row = this.entryTable.get(h);
    const lists = row < 0 ? 0 : this.data.lists[row]! & (isLower(w) ? ~this.properMask : -1);
    const prefix = this.prefixTable.get(h) >= 0;
    return lists === 0 && !prefix ? NO_START : { gazLists: lists, gazPrefix: prefix };
  }

  /**
   * Match a sentence (each word with its start facts). Returns 2 ints per token (low and high 32 bits of a
   * 64-bit set); bit 4·list + p marks the token at position p (0 = B, 1 = I, 2 = L, 3 = U) of a match of that list.
   */
  match(words: readonly (WordInfo & GazetteerStart)[]): Int32Array {
    const n = words.length;
    const out = new Int32Array(2 * n);
    for (let i = 0; i < n; i++) {
      const first = words[i]!;
      if (first.gazLists !== 0) mark(out, i, i, first.gazLists);
      if (!first.gazPrefix) continue;
      const lower = isLower(first);
      let h = extend(SEED, first.hKey);
      for (let j = i + 1; j < n && j < i + 8; j++) {
        h = extend(h, words[j]!.hKey);
        const row = this.entryTable.get(h);
        if (row >= 0) {
          let lists = this.data.lists[row]!;
          if (lower) lists &= ~this.properMask;
          if (lists !== 0) mark(out, i, j, lists);
        }
        if (this.prefixTable.get(h) < 0) break;
      }
    }
    return out;
  }
}

/** A match starting at a lowercase (or letterless) word is not one of a proper-name list. */
function isLower(w: WordInfo): boolean {
  return w.cap === CAP.LOWER || w.cap === CAP.NONE;
}

function mark(out: Int32Array, i: number, j: number, lists: number): void {
  for (let k = i; k <= j; k++) {
    const pos = i === j ? 3 : k === i ? 0 : k === j ? 2 : 1;
    for (let l = 0; l < GAZETTEER_LISTS.length; l++) {
      if ((lists & (1 << l)) === 0) continue;
      const bit = 4 * l + pos;
      if (bit < 32) out[2 * k] |= 1 << bit;
      else out[2 * k + 1] |= 1 << (bit - 32);
    }
  }
}
