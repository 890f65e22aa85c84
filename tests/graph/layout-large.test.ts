import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { layoutGraph } from "../../src/graph/layout.js";
import { seededRandom } from "../../src/random.js";
import type { EdgeAttributes, GraphAttributes, NewsGraph, NodeAttributes } from "../../src/types.js";

/** A random graph of `n` persons: a few hubs, many leaves, and one component away from the hubs. */
function synthetic(n: number): NewsGraph {
  const g: NewsGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
  const rng = seededRandom(7);
  const key = (i: number) => `person:p${String(i).padStart(3, "0")}`;
  for (let i = 0; i < n; i++) g.addNode(key(i), { label: `P${i}`, type: "person", aliases: [], mentions: 1, docs: ["d"], x: 0, y: 0, size: 1, color: "", community: 0 });
  const edge = (weight: number): EdgeAttributes => ({ relation: "co_occurs", negated: false, predicate: "", weight, docs: ["d"], stories: 1, evidence: [], rules: [] });
  for (let i = 5; i < n - 2; i++) g.addUndirectedEdge(key(i), key(Math.floor(rng() * 5)), edge(1 + Math.floor(rng() * 3)));
  for (let i = 0; i < 4; i++) g.addUndirectedEdge(key(i), key(i + 1), edge(5));
  g.addUndirectedEdge(key(n - 2), key(n - 1), edge(1)); // a pair the hubs never reach
  return g;
}

const positions = (g: NewsGraph) => g.mapNodes((n, a) => [n, a.x, a.y, a.community]);

describe("layout of large graphs (core + placement)", () => {
  it("places every node at finite, distinct positions, deterministically", () => {
    const a = synthetic(60);
    const b = synthetic(60);
    layoutGraph(a, { coreNodes: 10 });
    layoutGraph(b, { coreNodes: 10 });
    expect(positions(a)).toEqual(positions(b));
    const seen = new Set<string>();
    a.forEachNode((_n, attr) => {
      expect(Number.isFinite(attr.x) && Number.isFinite(attr.y)).toBe(true);
      seen.add(`${attr.x},${attr.y}`);
    });
    expect(seen.size).toBe(60);
  });

  it("gives distinct positions to core nodes that no core edge joins to the rest of the core", () => {
    // Three heavy pairs, each tied to a hub by one light edge: the core (the six strongest nodes) is three
    // pieces that no core edge joins.
    const g = synthetic(40);
    const key = (i: number) => `person:p${String(i).padStart(3, "0")}`;
    const edge = (weight: number): EdgeAttributes => ({ relation: "co_occurs", negated: false, predicate: "", weight, docs: ["d"], stories: 1, evidence: [], rules: [] });
    for (const [strong, leaf] of [[5, 6], [7, 8], [9, 10]] as const) {
      g.dropNode(key(leaf));
      g.addNode(key(leaf), { label: `P${leaf}`, type: "person", aliases: [], mentions: 1, docs: ["d"], x: 0, y: 0, size: 1, color: "", community: 0 });
      g.addUndirectedEdge(key(leaf), key(0), edge(1));
      for (let k = 0; k < 4; k++) g.addUndirectedEdge(key(strong), key(leaf), edge(50));
    }
    layoutGraph(g, { coreNodes: 6 });
    const seen = new Set(g.mapNodes((_n, a) => `${a.x},${a.y}`));
    expect(seen.size).toBe(g.order);
  });

  it("puts components the core does not reach outside the core", () => {
    const g = synthetic(60);
    layoutGraph(g, { coreNodes: 10 });
    const at = (k: string) => g.getNodeAttributes(k);
    const extent = Math.max(...g.filterNodes((n) => n < "person:p005").map((n) => Math.hypot(at(n).x, at(n).y)));
    const far = at("person:p059");
    expect(Math.hypot(far.x, far.y)).toBeGreaterThan(extent);
  });
});
