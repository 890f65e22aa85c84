// The slice merger's caps: what one document may add to the graph is bounded per entity, per relation and
// per document, whatever the text repeats; extractions under the caps pass through whole. Invented names.
import { describe, expect, it } from "vitest";
import { MAX_EVIDENCE_PER_DOCUMENT, MAX_EVIDENCE_PER_RELATION, SliceMerger, type SliceExtraction } from "../../src/extract/limits.js";
import type { DocEntity, DocRelation, DocumentRecord } from "../../src/types.js";

const record: DocumentRecord = { id: "d", path: "d.txt", sha256: "0" } as DocumentRecord;

/** `n` person entities named Ana Vell 0 … n-1, one mention each. */
function people(n: number): DocEntity[] {
  return Array.from({ length: n }, (_, i) => ({ id: `e${i}`, type: "person", name: `Ana Vell ${i}`, aliases: [], mentions: [{ text: `Ana Vell ${i}`, start: i, end: i + 1, sentence: 0 }] }));
}

function meets(source: number, target: number, sentence = "Ana Vell met Ben Orr."): DocRelation {
  return { source: `e${source}`, target: `e${target}`, relation: "meets", negated: false, predicate: "met", rule: "test", evidence: { doc: "d", sentence, start: 0, end: sentence.length } };
}

function slice(entities: DocEntity[], relations: DocRelation[]): SliceExtraction {
  return { entities, relations, offset: 0, firstSentence: 0, longSentences: 0 };
}

describe("slice merger caps", () => {
  it("passes an extraction under the caps through whole, with no limits recorded", () => {
    const merger = new SliceMerger();
    merger.add(slice(people(3), [meets(0, 1), meets(1, 2)]));
    const x = merger.result(record);
    expect(x.relations).toHaveLength(2);
    expect(x.limits).toBeUndefined();
  });

  it("keeps at most the per-relation cap of one relation's evidence and counts the rest", () => {
    const merger = new SliceMerger();
    merger.add(slice(people(2), Array.from({ length: MAX_EVIDENCE_PER_RELATION + 7 }, () => meets(0, 1))));
    const x = merger.result(record);
    expect(x.relations).toHaveLength(MAX_EVIDENCE_PER_RELATION);
    expect(x.limits?.evidence).toBe(7);
  });

  it("keeps at most the per-document cap of evidence over many distinct relations", () => {
    const n = 160; // 160 · 159 ordered pairs, more than the document cap
    const relations: DocRelation[] = [];
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) if (a !== b) relations.push(meets(a, b));
    expect(relations.length).toBeGreaterThan(MAX_EVIDENCE_PER_DOCUMENT);
    const merger = new SliceMerger();
    merger.add(slice(people(n), relations));
    const x = merger.result(record);
    expect(x.relations).toHaveLength(MAX_EVIDENCE_PER_DOCUMENT);
    expect(x.limits?.evidence).toBe(relations.length - MAX_EVIDENCE_PER_DOCUMENT);
    // The first relations of the text are the ones kept.
    expect(x.relations[0]).toEqual(relations[0]);
  });
});
