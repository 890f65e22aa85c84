// Bounded work per document: pathological texts (generated here, with invented names) give bounded,
// well-placed output — long sentences cut, evidence quoted short, repeats capped, large texts sliced.
import { describe, expect, it } from "vitest";
import { loadExtractor } from "../../src/extract/extractor.js";
import { extractDocument } from "../../src/extract/index.js";
import { MAX_EVIDENCE_PER_RELATION, MAX_MENTIONS_PER_ENTITY } from "../../src/extract/limits.js";
import { MAX_EVIDENCE_CHARS, MAX_PIECE_EVIDENCE_CHARS } from "../../src/extract/relations/evidence-window.js";
import type { DocExtraction, Document } from "../../src/types.js";

const extractor = loadExtractor();
const doc = (text: string): Document => ({ id: "t", path: "t.txt", sha256: "0", text });

/** A deterministic stream of words with invented capitalized names and no sentence punctuation. */
function unpunctuated(words: number): string {
  const vocab = ["the", "of", "and", "to", "Microsoft", "Tony", "Paris", "said", "company", "met", "in", "a", "Smith", "London", "deal", "with", "Berlin", "for"];
  let seed = 7;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    out.push(vocab[(seed >>> 16) % vocab.length]!);
  }
  return out.join(" ");
}

function expectOffsetsInside(text: string, x: DocExtraction) {
  for (const e of x.entities) for (const m of e.mentions) expect(0 <= m.start && m.start < m.end && m.end <= text.length).toBe(true);
  for (const r of x.relations) {
    expect(0 <= r.evidence.start && r.evidence.start < r.evidence.end && r.evidence.end <= text.length).toBe(true);
    expect(r.evidence.sentence).toBe(text.slice(r.evidence.start, r.evidence.end).replace(/\s+/g, " "));
  }
}

describe("a text without sentence punctuation", () => {
  const text = unpunctuated(3000);
  const x = extractDocument(extractor, doc(text));

  it("is cut into sentences the taggers can take, and says so", () => {
    expect(x.limits?.longSentences).toBe(1);
  });

  it("gives evidence quoting a short window of the text, at the right offsets", () => {
    expect(x.relations.length).toBeGreaterThan(0);
    for (const r of x.relations) expect(r.evidence.end - r.evidence.start).toBeLessThanOrEqual(MAX_PIECE_EVIDENCE_CHARS);
    expectOffsetsInside(text, x);
  });

  it("gives no name that is a run of repeated names", () => {
    for (const e of x.entities) {
      const words = e.name.split(" ");
      if (words.length < 6) continue;
      const counts = new Map<string, number>();
      for (const w of words) if (/^\p{Lu}/u.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
      const repeated = [...counts.values()].filter((n) => n >= 2);
      expect(Math.max(...counts.values()), e.name).toBeLessThan(3);
      expect(repeated.length >= 2 && !words.some((w) => /^\p{Ll}/u.test(w)), e.name).toBe(false);
    }
  });
});

describe("one sentence repeated thousands of times", () => {
  const text = "Alva Brint met Corvin Dahl in Ostrava. ".repeat(1500);
  const x = extractDocument(extractor, doc(text));

  it("caps the evidence of each relation and the mentions of each entity, and counts what it cut", () => {
    const perRelation = new Map<string, number>();
    for (const r of x.relations) {
      const key = `${r.source}|${r.relation}|${r.target}|${r.negated}|${r.modality}`;
      perRelation.set(key, (perRelation.get(key) ?? 0) + 1);
    }
    expect(Math.max(...perRelation.values())).toBe(MAX_EVIDENCE_PER_RELATION);
    expect(Math.max(...x.entities.map((e) => e.mentions.length))).toBe(MAX_MENTIONS_PER_ENTITY);
    expect(x.limits?.evidence).toBeGreaterThan(0);
    expect(x.limits?.mentions).toBe(1500 * 3 - 3 * MAX_MENTIONS_PER_ENTITY);
    expectOffsetsInside(text, x);
  });
});

describe("a document larger than a slice", () => {
  const paragraph = (i: number) => `Alva Brint of Qorvane Systems met Corvin Dahl in Ostrava on day ${i}. Brint said the talks went well.`;
  const text = Array.from({ length: 40 }, (_, i) => paragraph(i)).join("\n\n");
  const whole = extractDocument(extractor, doc(text));
  const sliced = extractDocument(extractor, doc(text), { maxSliceChars: 1000 });

  it("is analysed in slices, cut at paragraph breaks, and says how many", () => {
    expect(whole.limits).toBeUndefined();
    expect(sliced.limits?.slices).toBeGreaterThan(4);
  });

  it("merges each name's entity across slices, with mentions at the right offsets and sentence numbers", () => {
    const names = (x: DocExtraction) => x.entities.map((e) => `${e.type}:${e.name}`).sort();
    expect(names(sliced)).toEqual(names(whole));
    const mentions = (x: DocExtraction) => x.entities.flatMap((e) => e.mentions.map((m) => `${e.name}@${m.start}-${m.end}#${m.sentence}`)).sort();
    expect(mentions(sliced)).toEqual(mentions(whole));
    for (const e of sliced.entities) for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
    expectOffsetsInside(text, sliced);
  });
});

describe("a sentence of very long tokens", () => {
  it("is quoted in at most the evidence limit", () => {
    const text = `Alva Brint met ${"x".repeat(5000)} Corvin Dahl in Ostrava ${"y".repeat(5000)}.`;
    const x = extractDocument(extractor, doc(text));
    for (const r of x.relations) expect(r.evidence.end - r.evidence.start).toBeLessThanOrEqual(MAX_EVIDENCE_CHARS);
    expectOffsetsInside(text, x);
  });
});
