/**
 * The unit of work of the build: one document's extraction and MinHash signature, serialized as a cache
 * entry. The entry depends on the text only (evidence sentences are stored once, without the document id
 * and date), so identical texts share it and it can be cached by content hash; `readEntry` stamps it with
 * the document it is used for. Fresh and cached extractions go through the same entry, so a build from
 * the cache is byte-identical to a build without it. Edges are kept from the candidate floor up; the
 * build applies the minimum confidence.
 */
import { minhashSignature } from "../corpus/dedup.js";
import type { Extractor } from "../extract/extractor.js";
import { extractDocument } from "../extract/index.js";
import type { DocEntity, DocExtraction, DocRelation, Document, DocumentRecord, Evidence, ExtractionLimits } from "../types.js";

/** A relation whose evidence is an index into the entry's sentences. */
type StoredRelation = Omit<DocRelation, "evidence"> & { ev: number };

/** A cache entry: signature (base64 of its uint32 values) and the text-only extraction. */
interface Entry {
  sig: string;
  entities: DocEntity[];
  /** [start, end, sentence text] of each evidence sentence. */
  sentences: [number, number, string][];
  relations: StoredRelation[];
  /** What the bounds on one document's work cut (absent when nothing was cut). */
  limits?: ExtractionLimits;
}

/** Extract one document with the extractor and serialize the result as a cache entry (JSON). */
export function extractEntry(extractor: Extractor, doc: Document): string {
  const x = extractDocument(extractor, doc, { propose: true });
  const signature = minhashSignature(doc.text);
  const sentences: [number, number, string][] = [];
  const index = new Map<string, number>();
  const relations: StoredRelation[] = x.relations.map(({ evidence, ...rest }) => {
    const key = `${evidence.start}:${evidence.end}`;
    let ev = index.get(key);
    if (ev === undefined) {
      ev = sentences.length;
      index.set(key, ev);
      sentences.push([evidence.start, evidence.end, evidence.sentence]);
    }
    return { ...rest, ev };
  });
  const entry: Entry = { sig: Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString("base64"), entities: x.entities, sentences, relations };
  if (x.limits) entry.limits = x.limits;
  return JSON.stringify(entry);
}

/** A cache entry stamped with the document it is used for. */
export interface DocumentWork {
  extraction: DocExtraction;
  signature: Uint32Array;
}

/** Parse a cache entry and stamp it with the document (record: id, date and metadata) it is used for. */
export function readEntry(json: string, doc: DocumentRecord): DocumentWork {
  const entry = JSON.parse(json) as Entry;
  const evidence: Evidence[] = entry.sentences.map(([start, end, sentence]) => {
    const ev: Evidence = { doc: doc.id, sentence, start, end };
    if (doc.date) ev.date = doc.date;
    return ev;
  });
  const relations = entry.relations.map(({ ev, ...rest }): DocRelation => ({ ...rest, evidence: evidence[ev]! }));
  const bytes = Buffer.from(entry.sig, "base64");
  const signature = new Uint32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const extraction: DocExtraction = { doc, entities: entry.entities, relations };
  if (entry.limits) extraction.limits = entry.limits;
  return { extraction, signature };
}
