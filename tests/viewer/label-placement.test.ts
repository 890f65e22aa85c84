/** Label placement: no two placed labels overlap, the labels that must show go first and may change side. */
import { describe, expect, it } from "vitest";
import { boxesOverlap, edgeLabelAt, labelAt, placeLabels, type EdgeLabelRequest, type LabelRequest } from "../../viewer/src/core/label-placement.js";
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
  ...patch,
});

describe("placeLabels", () => {
  it("draws a lone label where sigma draws it: right of the node, baseline a third of the font under the centre", () => {
    const [label] = placeLabels([request("Arno Vell", 100, 50)]).labels;
    expect(label).toMatchObject({ side: "right", x: 108, fontSize: 13 });
    expect(label!.y).toBeCloseTo(50 + 13 / 3);
  });

  it("gives the higher priority label the usual side and moves the other to a free side", () => {
    const placed = placeLabels([request("neighbour", 102, 50, { priority: 5 }), request("hub", 100, 50, { priority: 9 })]).labels;
    expect(placed.map((l) => [l.key, l.side])).toEqual([
      ["hub", "right"],
      ["neighbour", "left"],
    ]);
  });

  it("leaves out a label with no free side, the lower priority one", () => {
    // Two labels fill the four sides around a spot; a third there has nowhere to go.
    const crowd = [request("a", 100, 50, { priority: 9, width: 200, nodeSize: 10 }), request("b", 100, 50, { priority: 8, width: 200, nodeSize: 10 }), request("c", 100, 50, { priority: 7, width: 200, nodeSize: 10 }), request("d", 100, 50, { priority: 6, width: 200, nodeSize: 10 }), request("e", 100, 50, { priority: 1, nodeSize: 10 })];
    const placed = placeLabels(crowd).labels;
    expect(placed.map((l) => l.side)).toEqual(["right", "left", "above", "below"]);
    expect(placed.map((l) => l.key)).not.toContain("e");
  });

  it("never places two overlapping labels, however dense the requests", () => {
    const rand = seededRandom(7);
    const requests = Array.from({ length: 400 }, (_, i) =>
      request(`Entity ${i}`, rand() * 800, rand() * 500, { width: 30 + rand() * 90, priority: rand() }),
    );
    const placed = placeLabels(requests).labels;
    expect(placed.length).toBeGreaterThan(40);
    expect(placed.length).toBeLessThan(requests.length);
    for (let i = 0; i < placed.length; i++) {
      for (let j = i + 1; j < placed.length; j++) expect(boxesOverlap(placed[i]!.box, placed[j]!.box, 0)).toBe(false);
    }
  });

  it("keeps a label off the disc of another labelled node, but not off its own", () => {
    // "west"'s label would run over "east"'s disc, 50 px to its right: it goes to the left instead.
    const placed = placeLabels([request("west", 100, 50, { priority: 1 }), request("east", 150, 50, { nodeSize: 8, width: 10 })]).labels;
    expect(placed.map((l) => [l.key, l.side])).toEqual([
      ["west", "left"],
      ["east", "right"],
    ]);
    expect(placeLabels([request("alone", 100, 50, { nodeSize: 30 })]).labels.map((l) => l.key)).toEqual(["alone"]);
  });

  it("skips empty labels and gives each side its box", () => {
    expect(placeLabels([request("", 0, 0)]).labels).toEqual([]);
    const r = request("x", 100, 100, { nodeSize: 10, width: 40 });
    expect(labelAt(r, "left").box.right).toBe(87);
    expect(labelAt(r, "above").box.bottom).toBe(87);
    expect(labelAt(r, "below").box.top).toBe(113);
  });
});

const edgeRequest = (key: string, x1: number, y1: number, x2: number, y2: number, patch: Partial<EdgeLabelRequest> = {}): EdgeLabelRequest => ({
  key,
  text: key,
  x1,
  y1,
  x2,
  y2,
  sourceSize: 5,
  targetSize: 5,
  edgeSize: 2,
  width: 50,
  fontSize: 11,
  priority: 0,
  ...patch,
});

describe("edge labels", () => {
  it("centres a label between the rims, upright, a font size under the line, as sigma draws it", () => {
    const right = edgeLabelAt(edgeRequest("supports", 0, 0, 200, 0))!;
    expect(right).toMatchObject({ x: 100, y: 0, angle: 0, baseline: 12 });
    // Drawn from right to left the text is still upright.
    const left = edgeLabelAt(edgeRequest("supports", 200, 0, 0, 0))!;
    expect(Math.abs(left.angle)).toBeCloseTo(0);
    expect(edgeLabelAt(edgeRequest("down", 0, 0, 0, 200))!.angle).toBeCloseTo(Math.PI / 2);
    expect(edgeLabelAt(edgeRequest("up", 0, 200, 0, 0))!.angle).toBeCloseTo(Math.PI / 2);
  });

  it("leaves out a label longer than the free length of its edge, or than the room left at a third of it", () => {
    expect(edgeLabelAt(edgeRequest("long", 0, 0, 60, 0, { width: 55 }))).toBeNull();
    expect(edgeLabelAt(edgeRequest("fits", 0, 0, 70, 0, { width: 55 }))).not.toBeNull();
    expect(edgeLabelAt(edgeRequest("fits", 0, 0, 70, 0, { width: 55 }), 0.33)).toBeNull();
    expect(edgeLabelAt(edgeRequest("third", 0, 0, 310, 0), 0.33)!.x).toBeCloseTo(5 + 300 * 0.33);
  });

  it("keeps edge labels off node labels, labelled nodes and each other, higher priority first", () => {
    // Two parallel edges 4 px apart: their labels would overlap, the incident one wins.
    const { edgeLabels } = placeLabels([], [edgeRequest("other", 0, 4, 200, 4, { priority: 1 }), edgeRequest("incident", 0, 0, 200, 0, { priority: 5 })]);
    expect(edgeLabels.map((l) => l.key)).toEqual(["incident"]);
    // A node label under the edge's middle takes the place: the edge label moves a third of the way along.
    const moved = placeLabels([request("Dena Rook", 120, 8, { nodeSize: 2 })], [edgeRequest("meets", 0, 0, 200, 0)]);
    expect(moved.labels.map((l) => l.key)).toEqual(["Dena Rook"]);
    expect(moved.edgeLabels.map((l) => l.x)).toEqual([5 + 190 * 0.33]);
    // On a short edge there is nowhere else to go.
    const blocked = placeLabels([request("Dena Rook", 40, 8, { nodeSize: 2 })], [edgeRequest("meets", 0, 0, 70, 0)]);
    expect(blocked.edgeLabels).toEqual([]);
  });

  it("lets crossing edges both keep their labels when the turned texts do not touch", () => {
    // An X: one label under each diagonal's middle would meet, but a horizontal and a far vertical do not.
    const { edgeLabels } = placeLabels([], [edgeRequest("flat", 0, 100, 200, 100), edgeRequest("steep", 300, 0, 300, 200)]);
    expect(edgeLabels.map((l) => l.key)).toEqual(["flat", "steep"]);
  });
});
