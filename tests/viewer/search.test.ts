/** Type-ahead search: how a match ranks, and what must not match. */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../../viewer/src/core/model.js";
import { buildSearchIndex, foldName, searchEntities } from "../../viewer/src/core/search.js";
import { loadFixture } from "./fixture.js";

describe("foldName", () => {
  it.each([
    ["Zoë  Núñez-García", "zoe nunez garcia"],
    ["Lars Løkke Rasmussen", "lars lokke rasmussen"],
    ["U.S. Steel", "u s steel"],
    ["  ", ""],
  ])("%s → %s", (input, folded) => expect(foldName(input)).toBe(folded));
});

describe("searchEntities", () => {
  const { graph, index } = loadFixture();
  const search = buildSearchIndex(graph, (node) => index.degree.get(node) ?? 0);
  const top = (query: string) => searchEntities(search, query, 5).map((h) => h.label);

  it.each([
    ["helena varga", "Helena Varga"],
    ["varga", "Helena Varga"],
    ["DAHL", "Jonas Dahl"],
    ["nordic p", "Nordic Power Council"],
    ["norwegian", "Norway"],
  ])("%s finds %s first", (query, label) => expect(top(query)[0]).toBe(label));

  it("says which alias matched", () => {
    expect(searchEntities(search, "norwegian", 1)[0]).toMatchObject({ label: "Norway", via: "Norwegian" });
  });

  it.each([["zzz"], [""], ["  "]])("finds nothing for %j", (query) => expect(top(query)).toEqual([]));

  it("ranks a whole-name match over a word start, and a word start over a substring", () => {
    const g = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
    const add = (key: string, label: string) =>
      g.addNode(key, { label, type: "person", aliases: [], mentions: 1, docs: [], x: 0, y: 0, size: 1, color: "#000", community: 0 });
    add("a", "Kapur");
    add("b", "Jane Pullman");
    add("c", "Pu");
    const hits = searchEntities(buildSearchIndex(g, () => 0), "pu", 5);
    expect(hits.map((h) => h.label)).toEqual(["Pu", "Jane Pullman", "Kapur"]);
  });

  it("prefers the better connected entity among equal matches, label before alias", () => {
    const g = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
    const add = (key: string, label: string, aliases: string[]) =>
      g.addNode(key, { label, type: "person", aliases, mentions: 1, docs: [], x: 0, y: 0, size: 1, color: "#000", community: 0 });
    add("lone", "Smith", []);
    add("hub", "Ann Smith", ["Smith"]);
    add("twin", "Bob Smith", ["Smith"]);
    const degree: Record<string, number> = { lone: 1, hub: 9, twin: 1 };
    const hits = searchEntities(buildSearchIndex(g, (n) => degree[n]!), "smith", 5);
    expect(hits.map((h) => [h.label, h.via ?? null])).toEqual([
      ["Ann Smith", "Smith"],
      ["Smith", null],
      ["Bob Smith", "Smith"],
    ]);
  });
});
