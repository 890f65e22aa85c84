import { describe, expect, it } from "vitest";
import { alignEntities, isAnnotated, joinTokens, readRelationCorpus } from "../../src/eval/relation-corpora.js";
import { RelationTally } from "../../src/eval/relation-score.js";
import type { RelationType } from "../../src/types.js";

const fixture = (name: string) => new URL(`../fixtures/relations/${name}`, import.meta.url).pathname;

describe("relation corpora mapped to our vocabulary (src/kb/relation-corpus-map.json)", () => {
  it("reads DWIE: text from tokens, mentions as character spans, labels mapped and unmapped ones dropped", () => {
    const data = readRelationCorpus("dwie", fixture("dwie-mini.json"));
    const doc = data.documents[0]!;
    expect(doc.text).toBe("Angela Merkel met Emmanuel Macron in Paris . The German chancellor flew home .");
    expect(doc.text.slice(doc.mentions[0]!.start, doc.mentions[0]!.end)).toBe("Angela Merkel");
    // is_meeting → meets, in0 → located_in; citizen_of-x (to the adjective "German", the document naming
    // no Germany) → citizen_of to that entity; "vs" is outside the vocabulary.
    expect(doc.labels.map((l) => `${l.h} ${l.relation} ${l.t}`)).toEqual(["0 meets 1", "0 citizen_of 3", "2 located_in 4"]);
    expect(isAnnotated(data, "meets", "person")).toBe(true);
  });

  it("joins a hyphen token between two words back into the word, and keeps a dash between spaces", () => {
    const { text, spans } = joinTokens(["Bashar", "al", "-", "Assad", "spoke", "-", "briefly", ".", "-", "Then"]);
    expect(text).toBe("Bashar al-Assad spoke-briefly . - Then");
    expect(spans.map(([a, b]) => text.slice(a, b))).toEqual(["Bashar", "al", "-", "Assad", "spoke", "-", "briefly", ".", "-", "Then"]);
  });

  it("reads CoNLL04: Work_For is refined by title, Live_In holds for countries only, Kill is not mapped", () => {
    const data = readRelationCorpus("conll04", fixture("conll04-mini.json"));
    const doc = data.documents[0]!;
    expect(doc.id).toBe("conll04-42");
    expect(doc.labels).toEqual([
      { h: 0, t: 1, relation: "works_for", byTitle: true },
      { h: 0, t: 2, relation: "citizen_of", targets: ["country"] },
    ]);
    // CoNLL04 labels leadership of organizations, not of countries: a country target is no negative there.
    expect(isAnnotated(data, "leader_of", "organization")).toBe(true);
    expect(isAnnotated(data, "leader_of", "country")).toBe(false);
    expect(data.compatible.get("works_for")?.has("leader_of")).toBe(true);
  });

  it("aligns an entity to the gold entity most of its mentions overlap", () => {
    const doc = readRelationCorpus("dwie", fixture("dwie-mini.json")).documents[0]!;
    const goldOf = alignEntities(doc, [
      { id: "e1", type: "person", name: "Angela Merkel", aliases: [], mentions: [{ text: "Angela Merkel", start: 0, end: 13, sentence: 0 }] },
      { id: "e2", type: "organization", name: "Nothing", aliases: [], mentions: [{ text: "flew", start: 66, end: 70, sentence: 1 }] },
    ]);
    expect(goldOf.get("e1")).toBe(0);
    expect(goldOf.has("e2")).toBe(false);
  });
});

describe("pair-level relation scoring", () => {
  const gold = new Map<string, Set<RelationType>>([
    ["0|1", new Set<RelationType>(["leader_of", "citizen_of"])],
    ["2|3", new Set<RelationType>(["meets"])],
  ]);

  it("finds a gold pair with any of its types, the mirror of a symmetric one, and counts the rest as false positives", () => {
    const tally = new RelationTally(new Map(), 0.5);
    tally.add(gold, [
      { h: "0", t: "1", relation: "leader_of", confidence: 0.9 },
      { h: "3", t: "2", relation: "meets", confidence: 0.6 },
      { h: "0", t: "pe7", relation: "citizen_of", confidence: 0.8 },
      { h: "1", t: "0", relation: "leader_of", confidence: 0.2 },
    ]);
    const r = tally.result();
    expect(r.relations.tp).toBe(2);
    expect(r.relations.fp).toBe(1);
    expect(r.relations.r).toBe(1);
    // At 0.1 the reversed leader_of counts too; at 0.9 only the first edge is left.
    expect(r.thresholds.find((t) => t.minConfidence === 0.1)!.p).toBeCloseTo(2 / 4);
    expect(r.thresholds.find((t) => t.minConfidence === 0.9)!.r).toBeCloseTo(1 / 2);
  });

  it("lets a compatible type satisfy a gold type", () => {
    const tally = new RelationTally(new Map([["works_for", new Set<RelationType>(["leader_of"])]]), 0);
    tally.add(new Map([["0|1", new Set<RelationType>(["works_for"])]]), [{ h: "0", t: "1", relation: "leader_of" }]);
    expect(tally.result().relations.f1).toBe(1);
  });
});
