/** The layout is the same on every run, even where noverlap has to part nodes that sit on one spot. */
import { readFileSync } from "node:fs";
import { afterEach, expect, it, vi } from "vitest";
import { computeLayout, type LayoutInput } from "../../src/graph/layout.js";

/**
 * The node pairs and weights of a 300-article news build, entity names replaced by numbers. Two of its
 * nodes have the same neighbours and end ForceAtlas2 on the same float32 spot, where noverlap jitters
 * them apart with Math.random.
 */
function twins(): LayoutInput {
  const data = JSON.parse(readFileSync(new URL("../fixtures/layout/twins.json", import.meta.url), "utf8")) as {
    nodes: number;
    degrees: number[];
    sources: number[];
    targets: number[];
    weights: number[];
  };
  return {
    nodes: Array.from({ length: data.nodes }, (_, i) => `n${i}`),
    degrees: Int32Array.from(data.degrees),
    sources: Int32Array.from(data.sources),
    targets: Int32Array.from(data.targets),
    weights: Float64Array.from(data.weights),
  };
}

afterEach(() => {
  vi.restoreAllMocks();
});

it("lays out twins at the same positions whatever Math.random returns, and draws nothing from it", () => {
  const input = twins();
  const low = vi.spyOn(Math, "random").mockReturnValue(0.1);
  const first = computeLayout(input);
  expect(low).not.toHaveBeenCalled();
  vi.spyOn(Math, "random").mockReturnValue(0.9);
  const second = computeLayout(input);
  expect(Array.from(second.x)).toEqual(Array.from(first.x));
  expect(Array.from(second.y)).toEqual(Array.from(first.y));
  expect(Math.random()).toBe(0.9); // the global generator is given back
});
