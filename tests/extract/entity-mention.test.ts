/**
 * Entity mentions in one shape: every mention the extraction makes (tagger spans, gazetteer names,
 * hyphen compounds, extended names, descriptions, role descriptions, pronouns) has the same fields in the
 * same order, which keeps the code reading them monomorphic (src/extract/entity-mention.ts).
 */
import { describe, expect, it } from "vitest";
import { changedMention, entityMention } from "../../src/extract/entity-mention.js";
import { loadExtractor } from "../../src/extract/extractor.js";
import { analyzeDocument } from "../../src/extract/index.js";

const FIELDS = ["sentence", "tokStart", "tokEnd", "start", "end", "text", "name", "aliases", "type", "source", "nominal", "basedIn", "compound"];

describe("entityMention", () => {
  it("sets every field, with no aliases, description, place or compound by default", () => {
    const m = entityMention({ sentence: 0, tokStart: 1, tokEnd: 3, start: 4, end: 15, text: "Vexlor Bank", name: "Vexlor Bank", type: "organization", source: "ORG" });
    expect(Object.keys(m)).toEqual(FIELDS);
    expect(m.aliases).toEqual([]);
    expect([m.nominal, m.basedIn, m.compound]).toEqual([undefined, undefined, undefined]);
  });

  it("changes the fields given and keeps the others, in the same shape", () => {
    const m = entityMention({ sentence: 2, tokStart: 0, tokEnd: 1, start: 0, end: 6, text: "Vexlor", name: "Vexlor", type: "organization", source: "GAZ", compound: true });
    const changed = changedMention(m, { type: "location", name: "Vexlor City" });
    expect(Object.keys(changed)).toEqual(FIELDS);
    expect(changed).toMatchObject({ sentence: 2, text: "Vexlor", name: "Vexlor City", type: "location", source: "GAZ", compound: true });
    expect(m.type).toBe("organization");
  });
});

describe("mentions of a document", () => {
  it("all have the same fields in the same order, whatever made them", () => {
    const extractor = loadExtractor();
    const text = [
      "Dr. Talvin Oskarsson, chief executive of the Brennmoor Development Agency (BDA), said on Monday that the Kessar-based lender would fund the Arvela pipeline.",
      "He met the president of Norway and the two leaders signed a deal with Ulvenia Airways Ltd in Oslo.",
      "The agency said it would open an office in Paris, and Oskarsson praised the French minister.",
    ].join(" ");
    const analysis = analyzeDocument(extractor, { id: "t", path: "t.txt", sha256: "", text });
    const mentions = analysis.contexts.flatMap((c) => c.items.map((i) => i.m));
    const sources = new Set(mentions.map((m) => m.source));
    expect(sources.size).toBeGreaterThanOrEqual(4);
    for (const m of mentions) expect(Object.keys(m), `${m.text} (${m.source})`).toEqual(FIELDS);
  });
});
