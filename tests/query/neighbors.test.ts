import { describe, expect, it } from "vitest";
import { NewsgraphError } from "../../src/errors.js";
import { runNeighbors } from "../../src/query/neighbors.js";
import type { NeighborsOptions } from "../../src/query/neighbors.js";
import { loadFixture } from "./fixture.js";

const kg = loadFixture();
const rowsOf = (name: string, options: NeighborsOptions = {}) =>
  runNeighbors(kg, name, options).rows.map((r) => `${r.depth} ${r.via.key} ${r.relation}${r.negated ? "!" : ""} ${r.direction} ${r.key} ${r.weight}`);

describe("runNeighbors", () => {
  it("lists stated relations before co-occurrences, strongest first, one row per edge", () => {
    expect(rowsOf("Ana Müller")).toEqual([
      "1 person:ana-muller leader_of out organization:acme-rocket-works 2",
      "1 person:ana-muller meets undirected person:tomas-oneill 2",
      "1 person:ana-muller supports out person:tomas-oneill 1",
      "1 person:ana-muller co_occurs undirected person:lena-park 3",
      "1 person:ana-muller co_occurs undirected person:tomas-oneill 2",
    ]);
  });

  it("reports incoming edges and negation", () => {
    expect(rowsOf("Northwind Council")).toEqual([
      "1 organization:northwind-council member_of in country:norlund 1",
      "1 organization:northwind-council member_of! in country:valdoria 1",
    ]);
  });

  it.each<[string, NeighborsOptions, string[]]>([
    ["relation filter", { relations: ["meets", "leader_of"] }, ["organization:acme-rocket-works", "person:tomas-oneill"]],
    ["type filter", { types: ["organization"] }, ["organization:acme-rocket-works"]],
    ["minimum weight", { minWeight: 2 }, ["organization:acme-rocket-works", "person:tomas-oneill", "person:lena-park", "person:tomas-oneill"]],
    ["limit", { limit: 2 }, ["organization:acme-rocket-works", "person:tomas-oneill"]],
    ["since", { since: "2024-06" }, ["person:tomas-oneill", "person:tomas-oneill", "person:tomas-oneill"]],
    ["until", { until: "2024-01-10" }, ["organization:acme-rocket-works", "person:tomas-oneill", "person:tomas-oneill"]],
    ["since and until", { since: "2024-02", until: "2024-03" }, ["organization:acme-rocket-works"]],
  ])("%s", (_what, options, keys) => {
    expect(runNeighbors(kg, "Ana Müller", options).rows.map((r) => r.key)).toEqual(keys);
  });

  it("reports the total before the limit", () => {
    const result = runNeighbors(kg, "Ana Müller", { limit: 1 });
    expect(result.rows).toHaveLength(1);
    expect(result.total).toBe(5);
  });

  it("follows several hops, listing each node at its first depth", () => {
    const result = runNeighbors(kg, "Skyline Pipeline", { depth: 2, relations: ["involved_in", "located_in", "leader_of", "part_of", "acquires", "trades_with"] });
    expect(result.rows.map((r) => `${r.depth} ${r.via.label} -> ${r.label}`)).toEqual([
      "1 Skyline Pipeline -> Acme \"Rocket\" Works",
      "1 Skyline Pipeline -> Łódź Harbour",
      "2 Acme \"Rocket\" Works -> Ana Müller",
      "2 Acme \"Rocket\" Works -> Norlund",
      "2 Acme \"Rocket\" Works -> Mercury",
      "2 Acme \"Rocket\" Works -> Mercury",
      "2 Acme \"Rocket\" Works -> Smith, Jones & Partners",
    ]);
    expect(new Set(result.rows.map((r) => r.key)).has("project:skyline-pipeline")).toBe(false);
  });

  it("filters listed types but still walks through other types", () => {
    const keys = runNeighbors(kg, "Lena Park", { depth: 3, types: ["person"] }).rows.map((r) => `${r.depth} ${r.key}`);
    expect(keys).toContain("1 person:ana-muller");
    expect(keys).toContain("2 person:tomas-oneill");
  });

  it.each<[string, NeighborsOptions]>([
    ["depth 0", { depth: 0 }],
    ["fractional depth", { depth: 1.5 }],
    ["negative weight", { minWeight: -1 }],
    ["unknown relation", { relations: ["likes" as never] }],
    ["unknown type", { types: ["planet" as never] }],
    ["bad date", { since: "June 2024" }],
    ["reversed dates", { since: "2024-05", until: "2024-01" }],
  ])("rejects %s", (_what, options) => {
    expect(() => runNeighbors(kg, "Ana Müller", options)).toThrowError(NewsgraphError);
    try {
      runNeighbors(kg, "Ana Müller", options);
    } catch (err) {
      expect((err as NewsgraphError).code).toBe("BAD_ARGUMENT");
    }
  });
});
