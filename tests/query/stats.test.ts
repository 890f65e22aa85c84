import { describe, expect, it } from "vitest";
import { runStats } from "../../src/query/stats.js";
import { loadFixture } from "./fixture.js";

const kg = loadFixture();

describe("runStats", () => {
  const stats = runStats(kg);

  it("counts nodes, edges, documents and polarity", () => {
    expect(stats).toMatchObject({ name: "query fixture", documents: 4, nodes: 16, edges: 21, typedEdges: 18, negatedEdges: 1 });
  });

  it("counts entities by type in vocabulary order", () => {
    expect(stats.entityTypes).toEqual([
      { type: "person", count: 4 },
      { type: "organization", count: 4 },
      { type: "country", count: 2 },
      { type: "location", count: 3 },
      { type: "project", count: 2 },
      { type: "event", count: 1 },
    ]);
  });

  it("counts edges, negations and weight by relation", () => {
    expect(stats.relations.find((r) => r.relation === "member_of")).toEqual({ relation: "member_of", edges: 2, negated: 1, weight: 2 });
    expect(stats.relations.find((r) => r.relation === "co_occurs")).toEqual({ relation: "co_occurs", edges: 3, negated: 0, weight: 6 });
    expect(stats.relations.at(-1)?.relation).toBe("co_occurs");
    expect(stats.relations.reduce((n, r) => n + r.edges, 0)).toBe(21);
  });

  it("ranks entities by typed degree", () => {
    expect(stats.topEntities.slice(0, 2).map((e) => [e.label, e.typedDegree, e.degree])).toEqual([
      ['Acme "Rocket" Works', 6, 6],
      ["Valdoria", 5, 5],
    ]);
  });

  it("summarizes communities largest first", () => {
    expect(stats.communityCount).toBe(4);
    expect(stats.communities.map((c) => [c.id, c.size])).toEqual([
      [0, 7],
      [2, 6],
      [1, 2],
      [3, 1],
    ]);
    expect(stats.communities[0]!.members[0]!.key).toBe("organization:acme-rocket-works");
  });

  it("honours the top and communities limits", () => {
    const small = runStats(kg, { top: 1, communities: 1 });
    expect(small.topEntities).toHaveLength(1);
    expect(small.communities).toHaveLength(1);
  });
});
