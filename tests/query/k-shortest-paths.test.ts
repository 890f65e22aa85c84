import { describe, expect, it } from "vitest";
import { kShortestPaths } from "../../src/query/k-shortest-paths.js";
import type { Link } from "../../src/query/k-shortest-paths.js";

/** An undirected graph from "a-b" or "a-b:cost" links (cost 1 by default), neighbors in alphabetical order. */
function graphOf(links: string[]): (node: string) => Link[] {
  const adjacency = new Map<string, Link[]>();
  for (const l of links) {
    const [pair, cost = "1"] = l.split(":") as [string, string?];
    const [a, b] = pair.split("-") as [string, string];
    for (const [x, y] of [[a, b], [b, a]] as const) adjacency.set(x, [...(adjacency.get(x) ?? []), { node: y, cost: Number(cost) }]);
  }
  return (node) => [...(adjacency.get(node) ?? [])].sort((p, q) => (p.node < q.node ? -1 : 1));
}

/** Every loopless path by exhaustive search, to check Yen's algorithm against. */
function allPaths(links: (node: string) => Link[], from: string, to: string, prefix: string[] = [from]): string[][] {
  if (from === to) return [prefix];
  return links(from)
    .filter((l) => !prefix.includes(l.node))
    .flatMap((l) => allPaths(links, l.node, to, [...prefix, l.node]));
}

// The example of Yen's paper re-drawn with unit costs: C to H through D, E, F, G.
const LINKS = ["c-d", "c-e", "d-e", "d-f", "e-f", "e-g", "f-g", "f-h", "g-h"];
const yen = graphOf(LINKS);

describe("kShortestPaths", () => {
  it.each([
    [1, ["c-d-f-h"]],
    [3, ["c-d-f-h", "c-e-f-h", "c-e-g-h"]],
    [5, ["c-d-f-h", "c-e-f-h", "c-e-g-h", "c-d-e-f-h", "c-d-e-g-h"]],
  ])("k=%i, ties in node-key order", (k, expected) => {
    expect(kShortestPaths("c", "h", k, yen).map((p) => p.join("-"))).toEqual(expected);
  });

  it("finds every loopless path, shortest first, when k exceeds their number", () => {
    const paths = kShortestPaths("c", "h", 100, yen).map((p) => p.join("-"));
    const expected = allPaths(yen, "c", "h").map((p) => p.join("-"));
    expect([...paths].sort()).toEqual([...expected].sort());
    const lengths = paths.map((p) => p.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
  });

  it("follows link costs", () => {
    // The weights of Yen's example, undirected: C-E-F-H costs 5, then C-D-E-F-H and C-E-G-H tie at 7.
    const weighted = graphOf(["c-d:3", "c-e:2", "d-f:4", "d-e:1", "e-f:2", "e-g:3", "f-g:2", "f-h:1", "g-h:2"]);
    expect(kShortestPaths("c", "h", 3, weighted).map((p) => p.join("-"))).toEqual(["c-e-f-h", "c-d-e-f-h", "c-e-g-h"]);
    const cost = (p: string[]) => p.slice(1).reduce((sum, n, i) => sum + weighted(p[i]!).find((l) => l.node === n)!.cost, 0);
    const best = allPaths(weighted, "c", "h").map(cost).sort((a, b) => a - b);
    for (const k of [1, 4, 6, 9]) expect(kShortestPaths("c", "h", k, weighted).map(cost)).toEqual(best.slice(0, k));
  });

  it.each([
    ["disconnected nodes", "c", "z", 3],
    ["the same node", "c", "c", 3],
    ["k of 0", "c", "h", 0],
  ])("returns nothing for %s", (_what, a, b, k) => {
    expect(kShortestPaths(a, b, k, yen)).toEqual([]);
  });
});
