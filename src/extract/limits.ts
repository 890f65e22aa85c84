/**
 * The bounds on what one document may add to the graph, applied as a document's slices (slices.ts) are
 * merged into its extraction: an entity keeps at most `MAX_MENTIONS_PER_ENTITY` mentions, a relation
 * at most `MAX_EVIDENCE_PER_RELATION` evidence sentences and the document at most
 * `MAX_EVIDENCE_PER_DOCUMENT` in all, so a text that repeats one sentence a hundred thousand times, or
 * pairs a few names over megabytes without punctuation, adds a bounded amount. Entities of different slices with the same type and name are one
 * entity; offsets and sentence numbers are moved into the whole text. What was cut is counted in the
 * extraction's `limits`. The caps sit well above news (BBC corpus: at most 127 mentions of one entity
 * and 29 sentences for one relation in one document; at most 889 evidence sentences in all in one document),
 * whose extractions pass through unchanged.
 */
import { nameKey } from "../nlp/normalize.js";
import type { DocEntity, DocExtraction, DocRelation, DocumentRecord, ExtractionLimits } from "../types.js";

export const MAX_MENTIONS_PER_ENTITY = 1000;
export const MAX_EVIDENCE_PER_RELATION = 50;
export const MAX_EVIDENCE_PER_DOCUMENT = 20_000;

/** One slice's extraction, with where the slice starts in the text and in the sentence numbering. */
export interface SliceExtraction {
  entities: DocEntity[];
  relations: DocRelation[];
  /** Character offset of the slice in the document text. */
  offset: number;
  /** Number of the slice's first sentence in the document. */
  firstSentence: number;
  /** Sentences of the slice cut for being too long. */
  longSentences: number;
}

/** Merges the extractions of a document's slices, in order, applying the caps as it goes. */
export class SliceMerger {
  private readonly entities: DocEntity[] = [];
  private readonly relations: DocRelation[] = [];
  /** Named entities of the earlier slices by type and name (a slice's own entities are never merged). */
  private readonly byKey = new Map<string, DocEntity>();
  private readonly byId = new Map<string, DocEntity>();
  private readonly evidenceCount = new Map<string, number>();
  private readonly counts = { longSentences: 0, slices: 0, mentions: 0, evidence: 0 };

  add(slice: SliceExtraction): void {
    this.counts.slices++;
    this.counts.longSentences += slice.longSentences;
    const idOf = new Map<string, string>();
    const named: [string, DocEntity][] = [];
    for (const e of slice.entities) {
      const key = e.description ? undefined : `${e.type}|${nameKey(e.name)}`;
      const placed = this.place(e, slice, key === undefined ? undefined : this.byKey.get(key));
      idOf.set(e.id, placed.id);
      if (key !== undefined) named.push([key, placed]);
    }
    for (const [key, e] of named) if (!this.byKey.has(key)) this.byKey.set(key, e);
    const id = (local: string) => idOf.get(local) ?? local;
    for (const e of slice.entities) {
      const placed = this.byId.get(id(e.id))!;
      if (e.description && placed.description) placed.description = { ...e.description, targets: e.description.targets.map(id) };
    }
    for (const r of slice.relations) {
      const source = id(r.source);
      const target = id(r.target);
      const key = `${source}|${r.relation}|${target}|${r.negated}|${r.modality}`;
      const n = this.evidenceCount.get(key) ?? 0;
      if (n >= MAX_EVIDENCE_PER_RELATION || this.relations.length >= MAX_EVIDENCE_PER_DOCUMENT) {
        this.counts.evidence++;
        continue;
      }
      this.evidenceCount.set(key, n + 1);
      if (slice.offset === 0 && source === r.source && target === r.target && (r.attributedTo === undefined || id(r.attributedTo) === r.attributedTo)) {
        this.relations.push(r);
        continue;
      }
      const moved: DocRelation = { ...r, source, target, evidence: { ...r.evidence, start: r.evidence.start + slice.offset, end: r.evidence.end + slice.offset } };
      if (r.attributedTo !== undefined) moved.attributedTo = id(r.attributedTo);
      this.relations.push(moved);
    }
  }

  /** The document's extraction, with what the caps cut. */
  result(doc: DocumentRecord): DocExtraction {
    const x: DocExtraction = { doc, entities: this.entities, relations: this.relations };
    const limits: ExtractionLimits = {};
    if (this.counts.longSentences > 0) limits.longSentences = this.counts.longSentences;
    if (this.counts.slices > 1) limits.slices = this.counts.slices;
    if (this.counts.mentions > 0) limits.mentions = this.counts.mentions;
    if (this.counts.evidence > 0) limits.evidence = this.counts.evidence;
    if (Object.keys(limits).length > 0) x.limits = limits;
    return x;
  }

  /** The merged entity a slice's entity becomes: an earlier one of the same type and name, or a new one. */
  private place(e: DocEntity, slice: SliceExtraction, earlier: DocEntity | undefined): DocEntity {
    const mentions = e.mentions.map((m) => (slice.offset === 0 && slice.firstSentence === 0 ? m : { ...m, start: m.start + slice.offset, end: m.end + slice.offset, sentence: m.sentence + slice.firstSentence }));
    if (earlier) {
      for (const a of [e.name, ...e.aliases]) if (a !== earlier.name && !earlier.aliases.includes(a)) earlier.aliases.push(a);
      this.addMentions(earlier, mentions);
      if (e.roles) earlier.roles = [...new Set([...(earlier.roles ?? []), ...e.roles])].sort();
      return earlier;
    }
    let id = e.id;
    for (let n = this.entities.length + 1; this.byId.has(id); n++) id = `e${n}`;
    const merged: DocEntity = { ...e, id, aliases: [...e.aliases], mentions: [] };
    this.addMentions(merged, mentions);
    this.byId.set(id, merged);
    this.entities.push(merged);
    return merged;
  }

  private addMentions(e: DocEntity, mentions: DocEntity["mentions"]): void {
    const room = Math.max(0, MAX_MENTIONS_PER_ENTITY - e.mentions.length);
    if (mentions.length > room) this.counts.mentions += mentions.length - room;
    for (const m of room >= mentions.length ? mentions : mentions.slice(0, room)) e.mentions.push(m);
  }
}
