import { describe, expect, it } from "vitest";
import { statSync } from "node:fs";
import { loadExtractor } from "../../src/extract/extractor.js";
import { extractDocument } from "../../src/extract/index.js";
import { sentenceCandidates, type Anchor } from "../../src/extract/relations/candidates.js";
import { fitPlatt, rawScore, trainLogistic } from "../../src/extract/relations/logistic.js";
import { loadRelationModel, RelationModel, type RelationModelData } from "../../src/extract/relations/relation-model.js";
import { modelPath } from "../../src/paths.js";
import { isRelationType, type DocRelation } from "../../src/types.js";

const extractor = loadExtractor();

function relations(text: string): { claim: string; r: DocRelation }[] {
  const x = extractDocument(extractor, { id: "t", path: "t.txt", sha256: "", text });
  const name = (id: string) => x.entities.find((e) => e.id === id)!.name;
  return x.relations.filter((r) => r.relation !== "co_occurs").map((r) => ({ claim: `${name(r.source)} ${r.negated ? "NOT " : ""}${r.relation} ${name(r.target)}`, r }));
}

describe("the shipped relation model", () => {
  it("loads, predicts relation types of the vocabulary and stays under 10 MB", () => {
    const model = loadRelationModel();
    expect(model.classes.length).toBeGreaterThan(5);
    expect(model.classes.every(isRelationType)).toBe(true);
    expect(model.minConfidence).toBeGreaterThan(0);
    expect(model.minConfidence).toBeLessThan(1);
    expect(statSync(modelPath("relations.json")).size).toBeLessThan(10 * 1024 * 1024);
  });

  it("refuses a file that is not a relation model, naming it", () => {
    expect(() => loadRelationModel(modelPath("ner.bin"))).toThrow(/ner\.bin/);
  });

  it("gives every classified edge a confidence in [0, 1], a modality and the features behind it", () => {
    const out = relations("Lena Berg, the chief executive of Norland Air, visited Oslo on Monday. Norland Air is based in Oslo, Norway.");
    const classified = out.filter((x) => x.r.rule === "classifier");
    expect(classified.length).toBeGreaterThan(0);
    for (const { r } of classified) {
      expect(r.confidence).toBeGreaterThanOrEqual(extractor.relations!.thresholdOf(r.relation));
      expect(r.confidence).toBeLessThanOrEqual(1);
      expect(r.modality).toBeDefined();
      expect(r.features!.length).toBeGreaterThan(0);
    }
  });
});

describe("the relation model's feature rows", () => {
  /** The raw scores of a feature list summed straight from the model file's rows, found by a Map of the names (a name given twice: its last row). */
  function rawFromFile(data: RelationModelData, features: string[], rows = new Map(data.features.map((f, i) => [f, i]))): number[] {
    const z = [...data.bias];
    for (const f of features) {
      const i = rows.get(f);
      if (i === undefined) continue;
      const pairs = data.weights[i]!;
      const row = new Array<number>(z.length).fill(0);
      for (let j = 0; j + 1 < pairs.length; j += 2) row[pairs[j]!] = pairs[j + 1]!;
      for (let c = 0; c < z.length; c++) z[c]! += row[c]!;
    }
    return z;
  }

  it("finds every feature of the shipped model by its name", () => {
    const model = loadRelationModel();
    const { data } = model;
    const rows = new Map(data.features.map((f, i) => [f, i]));
    const wrong = data.features.filter((f) => {
      const expected = rawFromFile(data, [f], rows);
      return [...model.raw([f])].some((z, c) => z !== expected[c]);
    });
    expect(wrong).toEqual([]);
  });

  it("adds nothing for a feature it does not know, and the last row of a name given twice", () => {
    const names = ["bias", "bw=of|f", "bw=of|b", "ty=person>country", "bw=of|f", "l1=<s>|f"];
    const data: RelationModelData = {
      format: "newsgraph-relations/1",
      classes: ["citizen_of", "leader_of"],
      bias: [0.5, -0.25],
      calibration: [[1, 0], [1, 0]],
      features: names,
      weights: names.map((_, i) => [0, i + 1, 1, -(i + 1) / 8]),
      minConfidence: 0.5,
      thresholds: [0.5, 0.5],
      rules: [],
      info: {},
    };
    const model = new RelationModel(data);
    for (const features of [[], ["bw=of|f"], ["bias", "unknown", "l1=<s>|f", "bw=of|b", "bw=of"], names]) expect([...model.raw(features)]).toEqual(rawFromFile(data, features));
  });
});

describe("claim qualities from the tree", () => {
  it("reads a modal as a possibility, not a fact", () => {
    const out = relations("Joe Biden and Emmanuel Macron may meet in Paris next week.");
    const meets = out.filter((x) => x.r.relation === "meets");
    expect(meets.length).toBeGreaterThan(0);
    expect(meets.every((x) => x.r.modality === "possible")).toBe(true);
  });

  it("puts a former role in the past", () => {
    const out = relations("Former British Prime Minister Tony Blair spoke in London on Tuesday.");
    const lead = out.find((x) => x.claim === "Tony Blair leader_of United Kingdom");
    expect(lead?.r.modality).toBe("former");
  });

  it("negates the link a negated predicate states, and not a link it merely dominates", () => {
    expect(relations("Neither Norway nor Iceland are members of the European Union.").map((x) => x.claim)).toContain("Norway NOT member_of European Union");
    expect(relations("Maria Lopez will not face charges during her visit to Chile.").map((x) => x.claim)).not.toContain("Maria Lopez NOT visits Chile");
  });
});

describe("candidate pairs", () => {
  const a = (id: string, tokStart: number, type: Anchor["type"] = "person"): Anchor => ({ id, type, tokStart, tokEnd: tokStart + 1, kind: "name" });

  it("pairs every two entities of a sentence both ways, at their closest mentions", () => {
    const pairs = sentenceCandidates([a("e1", 0), a("e2", 3), a("e1", 5), a("e3", 60)]);
    expect(pairs.map((p) => `${p.source.id}@${p.source.tokStart}>${p.target.id}@${p.target.tokStart}`).sort()).toEqual(["e1@5>e2@3", "e2@3>e1@5"]);
  });
});

describe("logistic training", () => {
  it("learns a separable problem, the same weights every time, and a calibration that orders scores", () => {
    const ex = [
      { features: Int32Array.from([0, 2]), labels: Int8Array.from([1]) },
      { features: Int32Array.from([1, 2]), labels: Int8Array.from([0]) },
      { features: Int32Array.from([0]), labels: Int8Array.from([1]) },
      { features: Int32Array.from([1]), labels: Int8Array.from([0]) },
      { features: Int32Array.from([1, 2]), labels: Int8Array.from([-1]) },
    ];
    const w1 = trainLogistic(ex, 3, 1, { epochs: 30, rate: 0.5, l2: 0, seed: 1 });
    const w2 = trainLogistic(ex, 3, 1, { epochs: 30, rate: 0.5, l2: 0, seed: 1 });
    expect([...w1.weights]).toEqual([...w2.weights]);
    expect(rawScore(w1, Int32Array.from([0]), 0)).toBeGreaterThan(0);
    expect(rawScore(w1, Int32Array.from([1]), 0)).toBeLessThan(0);
    const [slope] = fitPlatt([-2, -1, 1, 2, 0.5, -0.5], [0, 0, 1, 1, 1, 0]);
    expect(slope).toBeGreaterThan(0);
  });
});
