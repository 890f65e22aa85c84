import { describe, expect, it } from "vitest";
import { runShow } from "../../src/query/show.js";
import { runSearch } from "../../src/query/search.js";
import { loadFixture } from "./fixture.js";

const kg = loadFixture();

describe("runShow", () => {
  const card = runShow(kg, "O'Neill");

  it("gives the entity's own attributes", () => {
    expect(card).toMatchObject({
      key: "person:tomas-oneill",
      label: "Tomás O'Neill",
      type: "person",
      aliases: ["O'Neill", "Tomas O'Neill"],
      roles: ["trade minister"],
      firstSeen: "2024-01-10",
      lastSeen: "2024-06-20",
      community: 0,
      degree: 3,
    });
  });

  it("lists its documents newest first with their metadata", () => {
    expect(card.documents.map((d) => [d.id, d.title])).toEqual([
      ["d3", "Summit in Port Aurel"],
      ["d1", "Harbour talks open"],
    ]);
  });

  it("groups relations in vocabulary order, co_occurs last", () => {
    expect(card.relations.map((g) => g.relation)).toEqual(["official_of", "meets", "attends", "supports", "co_occurs"]);
    const supports = card.relations.find((g) => g.relation === "supports")!.edges[0]!;
    expect(supports).toMatchObject({ other: { key: "person:ana-muller" }, direction: "in", predicate: "praised" });
  });

  it("carries every evidence sentence, newest first, dated", () => {
    const meets = card.relations.find((g) => g.relation === "meets")!.edges[0]!;
    expect(meets.direction).toBe("undirected");
    expect(meets.evidence.map((e) => [e.doc, e.date])).toEqual([
      ["d3", "2024-06-20"],
      ["d1", "2024-01-10"],
    ]);
  });

  it("keeps documents missing from documents.jsonl as bare ids", () => {
    const { graph } = kg;
    const copy = { ...kg, graph: graph.copy() };
    copy.graph.setNodeAttribute("location:sola-reef", "docs", ["d4", "d9"]);
    expect(runShow(copy, "Sola Reef").documents).toEqual([{ id: "d4", title: "Stake sale, undated", path: "fixtures/d4.txt", sha256: "4".repeat(64) }, { id: "d9" }]);
  });
});

describe("runSearch", () => {
  it("returns ranked matches with the query", () => {
    const result = runSearch(kg, "mercury");
    expect(result.query).toBe("mercury");
    expect(result.results.map((r) => [r.key, r.kind, r.matched])).toEqual([
      ["organization:mercury", "exact", "Mercury"],
      ["project:mercury", "exact", "Mercury"],
    ]);
  });
});
