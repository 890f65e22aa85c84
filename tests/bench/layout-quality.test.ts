import { describe, expect, it } from "vitest";
import { layoutQuality } from "../../src/bench/layout-quality.js";
import { layoutInput, type LayoutEdge } from "../../src/graph/layout.js";

const link = (source: string, target: string): LayoutEdge => ({ source, target, relation: "co_occurs", weight: 1 });

/** A path a-b-c-d-e-f, plus a separate pair x-y. */
const pathNodes = ["a", "b", "c", "d", "e", "f", "x", "y"];
const pathInput = layoutInput(pathNodes, [link("a", "b"), link("b", "c"), link("c", "d"), link("d", "e"), link("e", "f"), link("x", "y")]);

/** A 4-cycle a-b-c-d-a. */
const cycleInput = layoutInput(["a", "b", "c", "d"], [link("a", "b"), link("b", "c"), link("c", "d"), link("d", "a")]);

describe("layoutQuality", () => {
  it("measures the main component only", () => {
    expect(layoutQuality(pathInput, [0, 1, 2, 3, 4, 5, 50, 60], [0, 0, 0, 0, 0, 0, 9, 9]).nodes).toBe(6);
  });

  it("gives a path drawn straight at its hop distances no stress, no crossing and neighbourhoods kept", () => {
    const q = layoutQuality(pathInput, [0, 1, 2, 3, 4, 5, 0, 1], [0, 0, 0, 0, 0, 0, 9, 9]);
    expect(q.stress).toBeCloseTo(0, 9);
    expect(q.crossings).toBe(0);
    expect(q.neighbourhood).toBe(1);
  });

  it("finds stress and lost neighbourhoods in a scrambled drawing of the same path", () => {
    const q = layoutQuality(pathInput, [3, 0, 5, 1, 4, 2, 0, 1], [0, 0, 0, 0, 0, 0, 9, 9]);
    expect(q.stress).toBeGreaterThan(0.1);
    expect(q.neighbourhood).toBeLessThan(0.6);
  });

  it("counts crossing edges: none in a square, one pair of two in a bow tie", () => {
    expect(layoutQuality(cycleInput, [0, 1, 1, 0], [0, 0, 1, 1]).crossings).toBe(0);
    expect(layoutQuality(cycleInput, [0, 1, 1, 0], [0, 1, 0, 1]).crossings).toBeCloseTo(0.5, 1);
  });
});
