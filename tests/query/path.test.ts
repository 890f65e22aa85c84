import { describe, expect, it } from "vitest";
import { NewsgraphError } from "../../src/errors.js";
import { runPath } from "../../src/query/path.js";
import type { PathResult } from "../../src/query/path.js";
import { loadFixture } from "./fixture.js";

const kg = loadFixture();
const describePaths = (result: PathResult) =>
  result.paths.map((p) => p.hops.map((h) => `${h.from.key} ${h.relation}${h.negated ? "!" : ""} ${h.direction} ${h.to.key}`).join(" | "));

describe("runPath", () => {
  it("returns the k shortest paths over facts (asserted, not negated), a negated claim only with any", () => {
    const facts = runPath(kg, "Ana Müller", "Northwind Council");
    expect(facts.paths.map((p) => p.length)).toEqual([3, 4, 5]);
    expect(facts.paths.every((p) => p.hops.every((h) => !h.negated && h.modality === "asserted"))).toBe(true);
    expect(describePaths(facts)[0]).toBe(
      "person:ana-muller leader_of out organization:acme-rocket-works | organization:acme-rocket-works trades_with out country:norlund | country:norlund member_of out organization:northwind-council",
    );
  });

  it("returns the k shortest paths over typed edges, stronger first among equals", () => {
    const result = runPath(kg, "Ana Müller", "Northwind Council", { any: true });
    expect(result.paths.map((p) => p.length)).toEqual([3, 3, 4]);
    expect(describePaths(result).slice(0, 2)).toEqual([
      "person:ana-muller leader_of out organization:acme-rocket-works | organization:acme-rocket-works trades_with out country:norlund | country:norlund member_of out organization:northwind-council",
      "person:ana-muller meets undirected person:tomas-oneill | person:tomas-oneill official_of out country:valdoria | country:valdoria member_of! out organization:northwind-council",
    ]);
  });

  it("gives each hop one dated evidence sentence and the other edges of the pair", () => {
    const [hop] = runPath(kg, "Ana Müller", "Tomás O'Neill").paths[0]!.hops;
    expect(hop).toMatchObject({ relation: "meets", predicate: "met", weight: 2 });
    expect(hop!.evidence).toMatchObject({ doc: "d3", date: "2024-06-20", sentence: "Müller and O'Neill held talks again in June." });
    expect(hop!.alternatives.map((a) => [a.relation, a.direction])).toEqual([["supports", "out"]]);
  });

  it("reports direction as seen along the path", () => {
    const hops = runPath(kg, "Acme", "Smith, Jones & Partners", { k: 1 }).paths[0]!.hops;
    expect(hops.map((h) => [h.relation, h.direction])).toEqual([["acquires", "in"]]);
  });

  it("walks co_occurs edges only with any", () => {
    expect(runPath(kg, "Ana Müller", "Lena Parker").paths).toEqual([]);
    const result = runPath(kg, "Ana Müller", "Lena Parker", { any: true, k: 1 });
    expect(describePaths(result)).toEqual([
      "person:ana-muller leader_of out organization:acme-rocket-works | organization:acme-rocket-works trades_with out country:norlund | country:norlund co_occurs undirected person:lena-parker",
    ]);
  });

  it("prefers a typed edge over co_occurs between the same pair", () => {
    const hop = runPath(kg, "Ana Müller", "Tomás O'Neill", { any: true }).paths[0]!.hops[0]!;
    expect(hop.relation).toBe("meets");
    expect(hop.alternatives.map((a) => a.relation)).toEqual(["supports", "co_occurs"]);
  });

  it("returns no path for an isolated entity", () => {
    expect(runPath(kg, "Sola Reef", "Valdoria", { any: true }).paths).toEqual([]);
  });

  it("returns fewer than k paths when no more exist", () => {
    expect(runPath(kg, "Lena Park", "Smith, Jones & Partners", { k: 5 }).paths.map((p) => p.length)).toEqual([1]);
  });

  it.each([
    ["the same entity twice", "Ana Müller", "Müller", {}],
    ["k of 0", "Ana Müller", "Valdoria", { k: 0 }],
  ])("rejects %s", (_what, a, b, options) => {
    try {
      runPath(kg, a, b, options);
      expect.unreachable();
    } catch (err) {
      expect((err as NewsgraphError).code).toBe("BAD_ARGUMENT");
    }
  });
});
