import { describe, expect, it } from "vitest";
import { connectedComponents } from "../../src/graph/components.js";
import { computeLayout, layoutInput, type LayoutEdge } from "../../src/graph/layout.js";
import { packBoxes, type Box } from "../../src/graph/pack-components.js";
import { radialTree } from "../../src/graph/radial-tree.js";
import { seededRandom } from "../../src/random.js";

interface Rect {
  minX: number;
  minY: number;
  maxX: number;
  maxY: number;
}

const overlap = (a: Rect, b: Rect) => a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY;
/** Pairs of rectangles that overlap, as index pairs. */
function overlapping(rects: readonly Rect[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < rects.length; i++) for (let j = i + 1; j < rects.length; j++) if (overlap(rects[i]!, rects[j]!)) pairs.push([i, j]);
  return pairs;
}
const area = (r: Rect) => (r.maxX - r.minX) * (r.maxY - r.minY);
function union(rects: readonly Rect[]): Rect {
  return {
    minX: Math.min(...rects.map((r) => r.minX)),
    minY: Math.min(...rects.map((r) => r.minY)),
    maxX: Math.max(...rects.map((r) => r.maxX)),
    maxY: Math.max(...rects.map((r) => r.maxY)),
  };
}

/**
 * A graph like a news corpus: one large component (hubs with leaves, linked hubs), then many small
 * components of one to eight entities (pairs, stars, paths), as a list of node keys and edges.
 */
function corpusLike(mainSize: number, smallCount: number, seed: number): { nodes: string[]; edges: LayoutEdge[] } {
  const rng = seededRandom(seed);
  const nodes: string[] = [];
  const edges: LayoutEdge[] = [];
  const add = () => nodes.push(`person:n${String(nodes.length).padStart(4, "0")}`) - 1;
  const link = (a: number, b: number, relation: LayoutEdge["relation"] = "co_occurs") => edges.push({ source: nodes[a]!, target: nodes[b]!, relation, weight: 1 + Math.floor(rng() * 3) });
  const hubs = Array.from({ length: 8 }, add);
  hubs.forEach((h, i) => i > 0 && link(h, hubs[Math.floor(rng() * i)]!, "meets"));
  for (let i = hubs.length; i < mainSize; i++) link(add(), hubs[Math.floor(rng() * hubs.length)]!);
  for (let c = 0; c < smallCount; c++) {
    const size = 1 + Math.floor(rng() * rng() * 8);
    const first = add();
    for (let k = 1; k < size; k++) link(add(), rng() < 0.5 ? first : nodes.length - 2);
  }
  return { nodes, edges };
}

/** Each component's bounding box in a layout, nodes' centres only. */
function componentRects(nodes: string[], edges: LayoutEdge[], coreNodes?: number): Rect[] {
  const input = layoutInput(nodes, edges);
  const { x, y } = computeLayout(input, coreNodes !== undefined ? { coreNodes } : {});
  return connectedComponents(nodes.length, input.sources, input.targets).map((members) =>
    union(members.map((i) => ({ minX: x[i]!, minY: y[i]!, maxX: x[i]!, maxY: y[i]! }))),
  );
}

describe("connectedComponents", () => {
  it("groups linked nodes, largest component first, isolated nodes alone", () => {
    // 0-1-2, 3 alone, 4-5
    expect(connectedComponents(6, [0, 4, 2], [1, 5, 1])).toEqual([[0, 1, 2], [4, 5], [3]]);
  });
});

describe("packBoxes", () => {
  it("places boxes without overlap, the first at the origin, in a compact area", () => {
    const rng = seededRandom(3);
    const boxes: Box[] = [{ width: 400, height: 300 }, ...Array.from({ length: 300 }, () => ({ width: 5 + rng() * 40, height: 5 + rng() * 40 }))];
    const at = packBoxes(boxes);
    expect(at[0]).toEqual({ x: 0, y: 0 });
    const rects = boxes.map((b, i) => ({ minX: at[i]!.x, minY: at[i]!.y, maxX: at[i]!.x + b.width, maxY: at[i]!.y + b.height }));
    expect(overlapping(rects)).toEqual([]);
    const total = rects.reduce((sum, r) => sum + area(r), 0);
    const bounds = union(rects);
    expect(area(bounds) / total).toBeLessThan(1.5);
    const aspect = (bounds.maxX - bounds.minX) / (bounds.maxY - bounds.minY);
    expect(aspect).toBeGreaterThan(0.75);
    expect(aspect).toBeLessThan(2);
  });

  it("keeps one box wider than the target strip whole", () => {
    const at = packBoxes([{ width: 100, height: 1 }, { width: 1, height: 1 }]);
    expect(at[1]!.y).toBeGreaterThanOrEqual(1);
  });
});

describe("radialTree", () => {
  it("puts the strongest node in the middle and its neighbours a step away, apart from each other", () => {
    // A star: node 2 is the hub.
    const { x, y } = radialTree([[2], [2], [0, 1, 3, 4], [2], [2]], [1, 1, 4, 1, 1], 10);
    expect([x[2], y[2]]).toEqual([0, 0]);
    const leaves = [0, 1, 3, 4];
    for (const i of leaves) expect(Math.hypot(x[i]!, y[i]!)).toBeCloseTo(10);
    for (const i of leaves) for (const j of leaves) if (i < j) expect(Math.hypot(x[i]! - x[j]!, y[i]! - y[j]!)).toBeGreaterThan(10);
  });
});

describe("layout of components (packed beside the main one)", () => {
  for (const [name, mainSize, coreNodes] of [
    ["whole ForceAtlas2", 300, undefined],
    ["core and placement", 600, 100],
  ] as const) {
    it(`keeps components apart and the picture compact (${name})`, () => {
      const { nodes, edges } = corpusLike(mainSize, 200, 11);
      const rects = componentRects(nodes, edges, coreNodes);
      expect(rects.length).toBeGreaterThan(150);
      expect(overlapping(rects)).toEqual([]);
      // The picture is not much larger than the main component and the small ones side by side (a ring
      // around the main component, as before, made it several times larger).
      const main = rects[0]!;
      const smallArea = rects.slice(1).reduce((sum, r) => sum + (r.maxX - r.minX + 20) * (r.maxY - r.minY + 20), 0);
      expect(area(union(rects)) / (area(main) + smallArea)).toBeLessThan(2);
    });
  }

  it("is deterministic", () => {
    const { nodes, edges } = corpusLike(300, 100, 5);
    const a = computeLayout(layoutInput(nodes, edges), { coreNodes: 100 });
    const b = computeLayout(layoutInput(nodes, edges), { coreNodes: 100 });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(Array.from(a.y)).toEqual(Array.from(b.y));
  });

  it("lays out a graph without links and an empty graph", () => {
    const lone = computeLayout(layoutInput(["person:a", "person:b", "person:c"], []));
    const spots = new Set(Array.from(lone.x, (x, i) => `${x},${lone.y[i]}`));
    expect(spots.size).toBe(3);
    expect(computeLayout(layoutInput([], [])).x.length).toBe(0);
  });
});
