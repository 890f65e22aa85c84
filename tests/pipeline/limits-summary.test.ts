// The build summary says what the bounds on one document's work cut; a pathological file builds with
// bounded output.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { describeLimits, sumLimits } from "../../src/pipeline/limits-summary.js";
import type { DocumentRecord } from "../../src/types.js";

const record = (id: string, sha256: string): DocumentRecord => ({ id, path: `${id}.txt`, sha256 });

describe("limits in the build summary", () => {
  it("sums each distinct text once and leaves zero counts out", () => {
    const limits = sumLimits([
      { doc: record("a", "1"), limits: { longSentences: 2, slices: 3, evidence: 5 } },
      { doc: record("a-copy", "1"), limits: { longSentences: 2, slices: 3, evidence: 5 } },
      { doc: record("b", "2"), limits: { longSentences: 1 } },
      { doc: record("c", "3") },
    ]);
    expect(limits).toEqual({ longSentences: 3, slicedDocuments: 1, evidence: 5 });
    expect(describeLimits(limits)).toBe("capped: 3 long sentences split, 1 document sliced, 5 evidence sentences over the caps dropped");
    expect(describeLimits({})).toBeUndefined();
  });

  it("reports the cuts of a build from a text without punctuation and one sentence repeated", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-limits-"));
    const words = ["Paris", "met", "London", "and", "the", "Smith", "Berlin", "deal"];
    writeFileSync(join(dir, "flat.txt"), Array.from({ length: 2000 }, (_, i) => words[(i * 7 + (i >> 3)) % words.length]).join(" "));
    writeFileSync(join(dir, "repeat.txt"), "Alva Brint met Corvin Dahl in Ostrava. ".repeat(400));
    const out = join(dir, "out");
    const summary = await build([dir], { out, workers: 1, cache: false });
    expect(summary.limits.longSentences).toBeGreaterThan(0);
    expect(summary.limits.evidence).toBeGreaterThan(0);
    const evidence = readFileSync(join(out, "evidence.jsonl"), "utf8").split("\n").filter(Boolean);
    for (const line of evidence) {
      const items = (JSON.parse(line) as { evidence: { sentence: string }[] }).evidence;
      expect(items.length).toBeLessThanOrEqual(2 * 50); // two documents, each at most the per-relation cap
      for (const item of items) expect(item.sentence.length).toBeLessThanOrEqual(1200);
    }
  });
});
