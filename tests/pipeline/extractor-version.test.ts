/** The extractor version keys the extraction cache: it must change with every byte the extraction depends on. */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { computeExtractorVersion } from "../../src/pipeline/extractor-version.js";

/** A package root holding a model larger than the buffer files are read through (1 MiB), a kb file and a source. */
function fakePackage(model: Buffer): string {
  const root = mkdtempSync(join(tmpdir(), "ng-version-"));
  mkdirSync(join(root, "src/nlp/models"), { recursive: true });
  mkdirSync(join(root, "src/kb"), { recursive: true });
  mkdirSync(join(root, "src/extract"), { recursive: true });
  writeFileSync(join(root, "src/nlp/models/tagger.bin"), model);
  writeFileSync(join(root, "src/kb/names.json"), '{"names":["Zorblat"]}');
  writeFileSync(join(root, "src/extract/rules.ts"), "export const RULES = [];\n");
  return root;
}

const MODEL = Buffer.alloc((1 << 20) * 2 + 5, 7);

describe("extractor version", () => {
  it("is the same for the same files, 16 hex digits", () => {
    const a = computeExtractorVersion(fakePackage(MODEL));
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(computeExtractorVersion(fakePackage(MODEL))).toBe(a);
  });

  it.each([
    ["the first byte", 0],
    ["a byte in the second megabyte", (1 << 20) + 3],
    ["the last byte", MODEL.length - 1],
  ])("changes with %s of a model", (_what, at) => {
    const changed = Buffer.from(MODEL);
    changed[at] = 8;
    expect(computeExtractorVersion(fakePackage(changed))).not.toBe(computeExtractorVersion(fakePackage(MODEL)));
  });

  it("changes with a model's length and with a source file", () => {
    const base = computeExtractorVersion(fakePackage(MODEL));
    expect(computeExtractorVersion(fakePackage(MODEL.subarray(0, MODEL.length - 1)))).not.toBe(base);
    const root = fakePackage(MODEL);
    writeFileSync(join(root, "src/extract/rules.ts"), "export const RULES = [1];\n");
    expect(computeExtractorVersion(root)).not.toBe(base);
  });

  it("changes with the hashing, randomness and vocabulary files the extraction uses, and a kb source", () => {
    const base = computeExtractorVersion(fakePackage(MODEL));
    for (const file of ["src/hash.ts", "src/random.ts", "src/types.ts", "src/kb/index.ts"]) {
      const root = fakePackage(MODEL);
      writeFileSync(join(root, file), "export const SEED = 1;\n");
      expect(computeExtractorVersion(root), file).not.toBe(base);
    }
  });
});
