import { describe, expect, it } from "vitest";
import { runWhy } from "../../src/query/why.js";
import { runTimeline } from "../../src/query/timeline.js";
import { NewsgraphError } from "../../src/errors.js";
import { loadFixture } from "./fixture.js";

const kg = loadFixture();

describe("runWhy", () => {
  it("groups every edge between two entities by relation, co_occurs last", () => {
    const why = runWhy(kg, "Tomás O'Neill", "Ana Müller");
    expect(why.a.key).toBe("person:tomas-oneill");
    expect(why.groups.map((g) => [g.relation, g.edges.map((e) => e.direction)])).toEqual([
      ["meets", ["undirected"]],
      ["supports", ["in"]],
      ["co_occurs", ["undirected"]],
    ]);
  });

  it("gives all evidence newest first with document titles", () => {
    const [meets] = runWhy(kg, "Ana Müller", "O'Neill").groups[0]!.edges;
    expect(meets!.evidence.map((e) => [e.date, e.title])).toEqual([
      ["2024-06-20", "Summit in Port Aurel"],
      ["2024-01-10", "Harbour talks open"],
    ]);
    expect(meets!.rules).toEqual(["met"]);
  });

  it("shows negated edges with their polarity", () => {
    const why = runWhy(kg, "Valdoria", "Northwind Council");
    expect(why.groups).toHaveLength(1);
    expect(why.groups[0]!.edges[0]).toMatchObject({ negated: true, direction: "out", predicate: "is not a member of" });
  });

  it("returns no groups for unlinked entities", () => {
    expect(runWhy(kg, "Sola Reef", "Valdoria").groups).toEqual([]);
  });

  it("fails on an unknown name", () => {
    expect(() => runWhy(kg, "Valdoria", "Nobody Atall")).toThrowError(NewsgraphError);
  });
});

describe("runTimeline", () => {
  it("lists each supporting sentence by document date (then position), undated last", () => {
    const timeline = runTimeline(kg, "Acme");
    expect(timeline.entries.map((e) => `${e.date ?? "-"} ${e.relation} ${e.direction} ${e.other.label}`)).toEqual([
      "2024-01-10 leader_of in Ana Müller",
      "2024-03-05 involved_in out Skyline Pipeline",
      "2024-03-05 leader_of in Ana Müller",
      "2024-03-05 trades_with out Norlund",
      "2024-03-05 part_of in Mercury",
      "2024-03-05 involved_in out Mercury",
      "2024-06-20 trades_with out Norlund",
      "- acquires in Smith, Jones & Partners",
    ]);
  });

  it("leaves out co_occurs unless asked", () => {
    expect(runTimeline(kg, "Lena Park").entries.map((e) => e.relation)).toEqual(["works_for"]);
    expect(runTimeline(kg, "Lena Park", { any: true }).entries.map((e) => e.relation)).toEqual(["works_for", "co_occurs"]);
  });

  it("keeps only dated entries inside a date range", () => {
    expect(runTimeline(kg, "Acme", { since: "2024-06" }).entries.map((e) => e.date)).toEqual(["2024-06-20"]);
    expect(runTimeline(kg, "Acme", { until: "2024-01" }).entries.map((e) => e.date)).toEqual(["2024-01-10"]);
  });
});
