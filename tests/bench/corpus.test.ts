// Checks the benchmark's corpus selection and inputs: --only/--skip take known corpora, a selected
// corpus that is missing is one expected error (a skipped one is not), and --documents spreads its sample.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { benchInput, selectCorpora, type BenchCorpus } from "../../src/bench/corpus.js";
import { errorCode } from "../error-code.js";

const dir = mkdtempSync(join(tmpdir(), "bench-corpus-"));
const records = Array.from({ length: 10 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `Story number ${i} about the Vellmoor ferry.` }));
writeFileSync(join(dir, "a.jsonl"), records.join("\n") + "\n\n");
writeFileSync(join(dir, "b.jsonl.gz"), gzipSync(records.join("\n")));
const present: BenchCorpus = { key: "bbc", name: "Present", path: join(dir, "a.jsonl") };
const zipped: BenchCorpus = { key: "reuters", name: "Zipped", path: join(dir, "b.jsonl.gz") };
const missing: BenchCorpus = { key: "reuters", name: "Missing", path: join(dir, "none.jsonl.gz") };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("selectCorpora", () => {
  it("keeps every corpus by default, those of --only, and drops those of --skip", () => {
    const corpora = [present, zipped];
    expect(selectCorpora(undefined, [], corpora).map((c) => c.name)).toEqual(["Present", "Zipped"]);
    expect(selectCorpora(["reuters"], [], corpora).map((c) => c.name)).toEqual(["Zipped"]);
    expect(selectCorpora(undefined, ["reuters"], corpora).map((c) => c.name)).toEqual(["Present"]);
  });

  it("fails with INPUT_MISSING on a selected corpus that is missing, and not on a skipped one", () => {
    expect(errorCode(() => selectCorpora(undefined, [], [present, missing]))).toBe("INPUT_MISSING");
    expect(selectCorpora(undefined, ["reuters"], [present, missing])).toEqual([present]);
  });

  it("fails with BAD_ARGUMENT on an unknown corpus name", () => {
    expect(errorCode(() => selectCorpora(["wire"], [], [present]))).toBe("BAD_ARGUMENT");
    expect(errorCode(() => selectCorpora(undefined, ["bbc,reuters"], [present]))).toBe("BAD_ARGUMENT");
  });
});

describe("benchInput", () => {
  it("reads the corpus itself without --documents", () => {
    expect(benchInput(present, undefined, dir)).toBe(present.path);
  });

  it("writes --documents records spread evenly over the corpus, gzipped or not", () => {
    for (const corpus of [present, zipped]) {
      const lines = readFileSync(benchInput(corpus, 4, dir), "utf8").trimEnd().split("\n");
      expect(lines.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(["r0", "r2", "r5", "r7"]);
    }
  });
});
