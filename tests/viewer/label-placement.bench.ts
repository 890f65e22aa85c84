/**
 * Speed of label placement per frame (run: `npx vitest bench --run tests/viewer/label-placement.bench.ts`):
 * random labels on a 1,400 × 900 stage, from what sigma's grid lets through at the default density
 * (about 150) to a hub's two thousand forced neighbours, each with edge labels. Not part of `npm test`.
 */
import { bench, describe } from "vitest";
import { placeLabels, type EdgeLabelRequest, type LabelRequest } from "../../viewer/src/core/label-placement.js";
import { seededRandom } from "../../src/random.js";

function frame(count: number): [LabelRequest[], EdgeLabelRequest[]] {
  const rand = seededRandom(count);
  const nodes = Array.from({ length: count }, (_, i) => ({
    key: `n${i}`,
    text: `Entity ${i}`,
    x: rand() * 1400,
    y: rand() * 900,
    nodeSize: 3 + rand() * 10,
    width: 40 + rand() * 90,
    fontSize: 13,
    priority: rand(),
  }));
  const edges = nodes.map((a, i) => {
    const b = nodes[Math.floor(rand() * count)]!;
    return { key: `e${i}`, text: "partner of", x1: a.x, y1: a.y, x2: b.x, y2: b.y, sourceSize: a.nodeSize, targetSize: b.nodeSize, edgeSize: 1, width: 55, fontSize: 11, priority: rand() };
  });
  return [nodes, edges];
}

describe("placeLabels", () => {
  for (const count of [150, 500, 2000]) {
    const [nodes, edges] = frame(count);
    bench(`${count} node labels + ${count} edge labels`, () => {
      placeLabels(nodes, edges);
    });
  }
});
