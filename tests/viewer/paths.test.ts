/** "Path to…" in the viewer finds exactly the paths `newsgraph path` prints: the same search, shared. */
import { describe, expect, it } from "vitest";
import { runPath } from "../../src/query/path.js";
import { pathLinks } from "../../src/query/path-search.js";
import { createPathFinder, pathsView } from "../../viewer/src/core/paths.js";
import { loadFixture as loadQueryFixture } from "../query/fixture.js";
import { loadFixture } from "./fixture.js";

const kg = loadQueryFixture();

describe("viewer paths", () => {
  it.each([
    ["person:ana-muller", "organization:northwind-council", false, 3],
    ["person:ana-muller", "organization:northwind-council", true, 3],
    ["person:ana-muller", "person:tomas-oneill", true, 5],
    ["person:ana-muller", "person:lena-parker", true, 2],
  ])("%s to %s (any: %s, k: %d) hop by hop as newsgraph path", (from, to, any, k) => {
    const cli = runPath(kg, from, to, { any, k });
    const viewer = pathsView(kg.graph, from, to, pathLinks(kg.graph, any), k);
    expect(viewer.paths.map((p) => p.map((h) => [h.from, h.edge, h.to]))).toEqual(cli.paths.map((p) => p.hops.map((h) => [h.from.key, h.edge, h.to.key])));
    expect(viewer.paths.length).toBeGreaterThan(0);
  });

  it("finds no path over facts where only co-occurrence links, and collects the entities and edges to draw", () => {
    expect(pathsView(kg.graph, "person:ana-muller", "person:lena-parker", pathLinks(kg.graph, false), 3).paths).toEqual([]);
    const { graph } = loadFixture();
    const view = createPathFinder(graph).find("location:oslo", "location:riga", false);
    expect(view.paths.map((p) => p.length)).toEqual([4, 4, 6]);
    const first = view.paths[0]!;
    // Oslo is visited by Helena Varga: the hop runs against the edge.
    expect(first[0]).toMatchObject({ from: "location:oslo", to: "person:helena-varga", relation: "visits", direction: "in", negated: false });
    expect(first.map((h) => h.relation)).toEqual(["visits", "leader_of", "partner_of", "located_in"]);
    expect(view.nodes.has("location:riga") && view.nodes.has("organization:baltic-grid")).toBe(true);
    expect(view.edges.size).toBe(new Set(view.paths.flat().map((h) => h.edge)).size);
    expect(view.nodes.has("country:latvia")).toBe(false);
  });
});
