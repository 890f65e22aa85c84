// Checks the Extractor value: extraction reads its models and gazetteer from the one passed in, so a test can hand in small ones.
import { describe, expect, it } from "vitest";
import { loadExtractor } from "../../src/extract/extractor.js";
import type { Gazetteer } from "../../src/extract/gazetteer.js";
import { extractDocument } from "../../src/extract/index.js";
import type { Tagger } from "../../src/nlp/tagger/index.js";
import type { DocExtraction } from "../../src/types.js";

const shipped = loadExtractor();

/** A stand-in tagger: the tag listed for a word, else `other`. */
function fixedTagger(tags: Record<string, string>, other: string): Tagger {
  const tag = (words: string[]) => words.map((w) => tags[w] ?? other);
  return { tag, tagDocument: (sentences) => sentences.map(tag) };
}

const extract = (parts: Parameters<typeof loadExtractor>[0], text: string): DocExtraction =>
  extractDocument(loadExtractor({ ...shipped, ...parts }), { id: "t", path: "t.txt", sha256: "", text });

const entities = (x: DocExtraction) => x.entities.map((e) => `${e.type} ${e.name}`).sort();

describe("Extractor", () => {
  it("uses the NER tagger it is given", () => {
    const ner = fixedTagger({ Zorblat: "B-PER", Quenton: "B-PER" }, "O");
    const x = extract({ ner }, "Zorblat met Quenton yesterday.");
    expect(entities(x)).toEqual(["person Quenton", "person Zorblat"]);
    expect(x.relations.filter((r) => r.relation === "meets")).toHaveLength(1);
  });

  it("uses the gazetteer it is given", () => {
    const ner = fixedTagger({}, "O");
    const gazetteer: Gazetteer = {
      ...shipped.gazetteer,
      names: new Map([["norland", { canonical: "Norland", type: "country", strong: true }]]),
      maxTokens: 1,
    };
    expect(entities(extract({ ner }, "Norland and France signed a deal."))).toEqual(["country France"]);
    expect(entities(extract({ ner, gazetteer }, "Norland and France signed a deal."))).toEqual(["country Norland"]);
  });
});
