/** Distinct neighbours counted from packed pairs, as the graph index counts them for the ranking. */
import { describe, expect, it } from "vitest";
import { NeighbourPairs } from "../../viewer/src/core/neighbour-counts.js";

describe("neighbour pairs", () => {
  it("count each entity's distinct neighbours: repeated relations once, an entity linked to itself as its own neighbour", () => {
    const pairs = new NeighbourPairs(5);
    pairs.link(0, 1);
    pairs.link(1, 0);
    pairs.link(0, 1);
    pairs.link(0, 2);
    pairs.link(3, 3);
    pairs.link(3, 3);
    expect([...pairs.counts()]).toEqual([2, 1, 1, 1, 0]);
  });

  it("hold more pairs than they first make room for", () => {
    const nodes = 3000;
    const pairs = new NeighbourPairs(nodes);
    for (let i = 1; i < nodes; i++) pairs.link(0, i);
    const counts = pairs.counts();
    expect(counts[0]).toBe(nodes - 1);
    expect(counts.slice(1).every((n) => n === 1)).toBe(true);
  });
});
