/** Label placement: no two placed labels overlap, the labels that must show go first and may change side. */
import { describe, expect, it } from "vitest";
import { boxesOverlap, labelAt, placeLabels, type LabelRequest } from "../../viewer/src/core/label-placement.js";
import { seededRandom } from "../../src/random.js";

const request = (key: string, x: number, y: number, patch: Partial<LabelRequest> = {}): LabelRequest => ({
  key,
  text: key,
  x,
  y,
  nodeSize: 5,
  width: 60,
  fontSize: 13,
  priority: 0,
  anySide: false,
  ...patch,
});

describe("placeLabels", () => {
  it("draws a lone label where sigma draws it: right of the node, baseline a third of the font under the centre", () => {
    const [label] = placeLabels([request("Arno Vell", 100, 50)]);
    expect(label).toMatchObject({ side: "right", x: 108, fontSize: 13 });
    expect(label!.y).toBeCloseTo(50 + 13 / 3);
  });

  it("keeps the higher priority label where two would overlap", () => {
    const placed = placeLabels([request("small", 100, 50, { priority: 1 }), request("large", 104, 52, { priority: 5 })]);
    expect(placed.map((l) => l.key)).toEqual(["large"]);
  });

  it("moves a label that must show to another side of its node when the right is taken", () => {
    const placed = placeLabels([request("hub", 100, 50, { priority: 9, anySide: true }), request("neighbour", 102, 50, { priority: 5, anySide: true })]);
    expect(placed.map((l) => [l.key, l.side])).toEqual([
      ["hub", "right"],
      ["neighbour", "left"],
    ]);
  });

  it("never places two overlapping labels, however dense the requests", () => {
    const rand = seededRandom(7);
    const requests = Array.from({ length: 400 }, (_, i) =>
      request(`Entity ${i}`, rand() * 800, rand() * 500, { width: 30 + rand() * 90, priority: rand(), anySide: rand() < 0.2 }),
    );
    const placed = placeLabels(requests);
    expect(placed.length).toBeGreaterThan(40);
    expect(placed.length).toBeLessThan(requests.length);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i]!.box, placed[j]!.box, 0)).toBe(false);
    }
  });

  it("keeps a label off the disc of another labelled node, but not off its own", () => {
    // "left" ends 3 px short of its node; "right" sits where that label would run, 60 px further.
    const placed = placeLabels([request("left", 100, 50, { priority: 1 }), request("right", 150, 50, { nodeSize: 8, width: 10 })]);
    expect(placed.map((l) => l.key)).toEqual(["right"]);
    expect(placeLabels([request("alone", 100, 50, { nodeSize: 30 })]).map((l) => l.key)).toEqual(["alone"]);
  });

  it("skips empty labels and gives each side its box", () => {
    expect(placeLabels([request("", 0, 0)])).toEqual([]);
    const r = request("x", 100, 100, { nodeSize: 10, width: 40 });
    expect(labelAt(r, "left").box.right).toBe(87);
    expect(labelAt(r, "above").box.bottom).toBe(87);
    expect(labelAt(r, "below").box.top).toBe(113);
  });
});
