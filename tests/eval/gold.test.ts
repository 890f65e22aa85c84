import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { evalGold } from "../../src/eval/gold.js";

const fixtures = join(import.meta.dirname, "../fixtures/eval");

describe("eval gold", () => {
  const report = evalGold(join(fixtures, "graph/graph.json"), join(fixtures, "gold.json"));

  it("maps nodes through labels and aliases; a second node of one gold entity is a false positive", () => {
    // Ana Ruiz, Norland, WEC, Port Aurel found; "Ruiz" (organization) is a second node for Ana Ruiz; Expo is optional.
    expect(report.entities).toMatchObject({ tp: 4, fp: 1, fn: 1 });
    expect(report.missingEntities).toEqual(["Aurel Bay"]);
    expect(report.spuriousEntities).toEqual(["Ruiz (organization, second node for Ana Ruiz)"]);
  });

  it("scores relations with accept lists and polarity; co_occurs satisfies nothing; optional endpoints ignored", () => {
    // TP: leader_of (accepted), NOT member_of. FP: supports. Missed: the related_to pair that only
    // co-occurs (co-occurrence is no claim). Ignored: Expo located_in (optional entity).
    expect(report.relations).toMatchObject({ tp: 2, fp: 1, fn: 2 });
    expect(report.spuriousRelations).toEqual(["Ana Ruiz supports World Energy Council"]);
    expect(report.missingRelations).toContain("Aurel Bay located_in Norland");
    expect(report.missingRelations).toHaveLength(2);
    expect(report.relations.p).toBeCloseTo(2 / 3);
  });
});
