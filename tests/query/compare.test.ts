// Shared orderings: `firstInOrder` lists what a stable sort puts first (the top lists of `stats` rely on it).
import { describe, expect, it } from "vitest";
import { firstInOrder } from "../../src/query/compare.js";

describe("firstInOrder", () => {
  // Many ties on `score`, told apart only by input position (`at`).
  const items = Array.from({ length: 200 }, (_, at) => ({ at, score: (at * 37) % 11 }));
  const byScore = (a: { score: number }, b: { score: number }): number => b.score - a.score;

  it.each([0, 1, 3, 10, 57, 200, 500])("gives the first %i of a stable sort, ties in input order", (k) => {
    expect(firstInOrder(items, k, byScore)).toStrictEqual([...items].sort(byScore).slice(0, k));
  });

  it("leaves its input as it was", () => {
    const copy = items.map((item) => ({ ...item }));
    firstInOrder(items, 5, byScore);
    expect(items).toStrictEqual(copy);
  });
});
