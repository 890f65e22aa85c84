/** Community labels of the overview: which communities, where, with which names; no overlaps on screen. */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { communityLabels, placeCommunityLabels } from "../../viewer/src/core/community-labels.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "../../viewer/src/core/model.js";

/** Entities as [name, community, x, y, mentions]. */
function graphOf(entities: [string, number, number, number, number][]): ViewerGraph {
  const graph: ViewerGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
  for (const [label, community, x, y, mentions] of entities) {
    graph.addNode(`person:${label.toLowerCase().replace(" ", "-")}`, { label, type: "person", aliases: [], mentions, docs: [], x, y, size: 4, color: "#000", community });
  }
  return graph;
}

const graph = graphOf([
  // Community 1: four members around (10, 0).
  ["Orla Brandt", 1, 8, 0, 40],
  ["Tamsin Reyes", 1, 12, 0, 25],
  ["Ivo Kestrel", 1, 10, 2, 25],
  ["Pim Oduya", 1, 10, -2, 3],
  // Community 7: three members around (-20, 5).
  ["Lena Vorst", 7, -20, 5, 9],
  ["Quill Harmon", 7, -21, 5, 12],
  ["Sefa Lindqvist", 7, -19, 5, 2],
  // Community 3: two members only.
  ["Dario Fenwick", 3, 50, 50, 99],
  ["Mira Solberg", 3, 51, 50, 1],
]);

describe("communityLabels", () => {
  it("labels the largest communities at their centroid with their most mentioned members", () => {
    const labels = communityLabels(graph, graph.nodes(), { namesPerLabel: 3, minSize: 3, minShown: 1 });
    expect(labels.map((l) => l.community)).toEqual([1, 7]);
    expect(labels[0]).toEqual({ community: 1, size: 4, x: 10, y: 0, names: ["Orla Brandt", "Ivo Kestrel", "Tamsin Reyes"] });
    expect(labels[1]!.names).toEqual(["Quill Harmon", "Lena Vorst", "Sefa Lindqvist"]);
    expect(labels[1]!.x).toBeCloseTo(-20);
  });

  it("counts only the entities shown, and keeps at most maxLabels", () => {
    const shown = graph.nodes().filter((n) => n !== "person:orla-brandt" && n !== "person:tamsin-reyes");
    const labels = communityLabels(graph, shown, { minSize: 2, maxLabels: 2, minShown: 1 });
    expect(labels.map((l) => [l.community, l.size])).toEqual([
      [7, 3],
      [1, 2],
    ]);
    expect(labels[1]!.names).toEqual(["Ivo Kestrel", "Pim Oduya"]);
    expect(communityLabels(graph, [])).toEqual([]);
  });

  it("leaves out communities holding a small share of the entities shown", () => {
    // 9 shown: community 7 (3 members) holds a third, community 1 (4) more.
    expect(communityLabels(graph, graph.nodes(), { minSize: 1, minShare: 0.4, minShown: 1 }).map((l) => l.community)).toEqual([1]);
    expect(communityLabels(graph, graph.nodes(), { minSize: 1, minShare: 0.2, minShown: 1 }).map((l) => l.community)).toEqual([1, 7, 3]);
  });

  it("labels no community when few entities are shown (their own labels say enough)", () => {
    expect(communityLabels(graph, graph.nodes(), { minShown: 10 })).toEqual([]);
    expect(communityLabels(graph, graph.nodes(), { minShown: 9 })).not.toEqual([]);
  });
});

describe("placeCommunityLabels", () => {
  const box = (x: number, y: number) => ({ x, y, width: 100, height: 20 });

  it("keeps labels at their place when free, inside the screen", () => {
    expect(placeCommunityLabels([box(100, 100), box(300, 100)], 800, 600)).toEqual([box(100, 100), box(300, 100)]);
    // Past the right edge: moved in.
    expect(placeCommunityLabels([box(790, 300)], 800, 600)).toEqual([box(750, 300)]);
  });

  it("moves a label above or below a more important one it would overlap, or leaves it out", () => {
    // The second overlaps the first: it goes one label height up, clear of it; the third, just under the
    // first, finds its place up taken by the first and goes down.
    const [first, second, third] = placeCommunityLabels([box(100, 100), box(150, 95), box(50, 110)], 800, 600);
    expect(first).toEqual(box(100, 100));
    expect(second).toEqual(box(150, 75));
    expect(third).toEqual(box(50, 130));
    // Surrounded above and below too: no room.
    const column = [box(100, 100), box(100, 80), box(100, 120), box(100, 60), box(100, 140)];
    expect(placeCommunityLabels([...column, box(120, 100)], 800, 600)[5]).toBeNull();
    // Larger than the screen.
    expect(placeCommunityLabels([{ x: 10, y: 10, width: 900, height: 20 }], 800, 600)).toEqual([null]);
  });
});
