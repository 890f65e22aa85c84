import { describe, expect, it } from "vitest";
import { formatProgress } from "../../src/cli/commands/build.js";

describe("build progress line", () => {
  it.each([
    [{ done: 50, total: 200 }, 10, "[######------------------] 50/200 documents, 5 docs/s, ETA 30s"],
    [{ done: 600, total: 19000 }, 60, "[#-----------------------] 600/19000 documents, 10 docs/s, ETA 30m40s"],
    [{ done: 200, total: 200 }, 4, "[########################] 200/200 documents, 50 docs/s, ETA 0s"],
    [{ done: 30 }, 3, "extracting: 30 documents, 10 docs/s"],
    [{ done: 30, stage: "layout" as const }, 65, "layout: 30 documents extracted in 1m05s"],
  ])("%j after %d s", (progress, seconds, expected) => {
    expect(formatProgress(progress, seconds)).toBe(expected);
  });
});
