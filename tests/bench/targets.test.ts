// Checks the targets as the benchmark prints them: met at the limit, missed past it, in the
// right direction, and only for the corpora a target is set for.
import { describe, expect, it } from "vitest";
import { verdict } from "../../src/bench/targets.js";

describe("verdict", () => {
  it("meets an upper limit at or under it and misses it above", () => {
    expect(verdict("buildMs", "bbc", 6_000)).toBe("target ≤ 6 s: met");
    expect(verdict("buildMs", "bbc", 6_001)).toBe("target ≤ 6 s: missed");
    expect(verdict("buildMs", "reuters", 24_000)).toBe("target ≤ 25 s: met");
  });

  it("meets a lower limit at or above it and misses it below", () => {
    expect(verdict("compromiseRatio", "bbc", 4)).toBe("target ≥ 4×: met");
    expect(verdict("nerTokensPerSecond", "reuters", 249_999)).toBe("target ≥ 250,000 tokens/s: missed");
  });

  it("gives no target for a corpus the issue sets none for", () => {
    expect(verdict("coldStartMs", "bbc", 100)).toBe("");
    expect(verdict("coldStartMs", "reuters", 900)).toBe("target ≤ 0.8 s: missed");
  });
});
