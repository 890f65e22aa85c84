import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { build, type BuildSummary } from "../../src/pipeline/build.js";
import { CACHE_FILE } from "../../src/pipeline/cache.js";
import { compiledWorkerFile } from "../../src/pipeline/pool.js";
import { EXTRACTOR_VERSION } from "../../src/pipeline/extractor-version.js";
import { EVIDENCE_FILE, GRAPH_FILE } from "../../src/graph/write.js";
import { edgeEvidence } from "../../src/query/evidence.js";
import { QUERY_INDEX_FILE } from "../../src/query/index-file.js";
import { loadGraph } from "../../src/query/load.js";
import type { Evidence } from "../../src/types.js";

const seeds = join(import.meta.dirname, "../../seeds");
const seedFiles = readdirSync(seeds).filter((f) => f.endsWith(".txt")).sort();
const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));
/** A file of a graph folder; of query-index.bin all but its second line, the stats of the files as placed (inodes and times differ between any two builds). */
const read = (dir: string, file: string) => {
  const bytes = readFileSync(join(dir, file));
  if (file !== QUERY_INDEX_FILE) return bytes;
  const slotAt = bytes.indexOf(10) + 1;
  return Buffer.concat([bytes.subarray(0, slotAt), bytes.subarray(bytes.indexOf(10, slotAt))]);
};
const FOLDER_FILES = [GRAPH_FILE, "documents.jsonl", "texts.jsonl", "merges.jsonl", EVIDENCE_FILE, QUERY_INDEX_FILE];

describe("build: determinism across worker counts", () => {
  const root = tmp("ng-workers-");
  let one: BuildSummary;
  let two: BuildSummary;
  beforeAll(async () => {
    one = await build([seeds], { out: join(root, "one"), workers: 1, cache: false });
    two = await build([seeds], { out: join(root, "two"), workers: 2, cache: false });
  });

  it("uses the worker pool when the compiled worker exists, in-process extraction otherwise", () => {
    expect(one.workers).toBe(1);
    expect(two.workers).toBe(compiledWorkerFile() ? 2 : 1);
    expect(one.extracted).toBe(seedFiles.length);
  });

  it("writes byte-identical graph folders with 1 and 2 workers", () => {
    for (const file of FOLDER_FILES) expect(read(join(root, "two"), file)).toEqual(read(join(root, "one"), file));
  });

  it("leaves no temporary files behind", () => {
    expect(readdirSync(join(root, "one")).filter((f) => f.startsWith("."))).toEqual([]);
  });
});

describe("build: incremental rebuild", () => {
  const root = tmp("ng-incremental-");
  const input = join(root, "articles");
  let first: BuildSummary;
  let second: BuildSummary;
  let firstCache: Buffer;
  beforeAll(async () => {
    mkdirSync(input);
    for (const f of seedFiles.slice(0, -1)) copyFileSync(join(seeds, f), join(input, f));
    first = await build([input], { out: join(root, "inc"), workers: 1 });
    firstCache = read(join(root, "inc"), CACHE_FILE);
    // Named to come first: a rewritten cache, in document order, would start with its entry.
    copyFileSync(join(seeds, seedFiles.at(-1)!), join(input, `0-${seedFiles.at(-1)!}`));
    second = await build([input], { out: join(root, "inc"), workers: 1 });
    await build([input], { out: join(root, "full"), workers: 1, cache: false });
  });

  it("re-extracts only the added article", () => {
    expect(first).toMatchObject({ extracted: seedFiles.length - 1, cached: 0 });
    expect(second).toMatchObject({ extracted: 1, cached: seedFiles.length - 1, documents: seedFiles.length });
  });

  it("gives the same folder as a full rebuild, byte for byte", () => {
    for (const file of FOLDER_FILES) expect(read(join(root, "inc"), file)).toEqual(read(join(root, "full"), file));
  });

  it("keeps the cache in the graph folder, keyed by extractor version", () => {
    expect(read(join(root, "inc"), CACHE_FILE).toString("utf8").split("\n")[0]).toContain(EXTRACTOR_VERSION);
    expect(existsSync(join(root, "full", CACHE_FILE))).toBe(false);
  });

  it("appends the added article's entry to the cache rather than rewriting it", () => {
    const cache = read(join(root, "inc"), CACHE_FILE);
    expect(cache.subarray(0, firstCache.length)).toEqual(firstCache);
    expect(cache.toString("utf8").trimEnd().split("\n")).toHaveLength(1 + seedFiles.length);
  });

  it("re-extracts an entry cut short by an interrupted append, and rewrites the cache whole", async () => {
    const out = join(root, "cut");
    await build([input], { out, workers: 1 });
    const whole = read(out, CACHE_FILE);
    writeFileSync(join(out, CACHE_FILE), whole.subarray(0, whole.length - 10));
    const rebuilt = await build([input], { out, workers: 1 });
    expect(rebuilt).toMatchObject({ extracted: 1, cached: seedFiles.length - 1 });
    expect(read(out, GRAPH_FILE)).toEqual(read(join(root, "full"), GRAPH_FILE));
    const lines = read(out, CACHE_FILE).toString("utf8").split("\n");
    expect(lines.pop()).toBe("");
    expect(lines).toHaveLength(1 + seedFiles.length);
    for (const line of lines.slice(1)) expect(() => JSON.parse(line.slice(line.indexOf("\t") + 1))).not.toThrow();
  });

  it("drops the entries of removed articles once they are most of the cache", async () => {
    const out = join(root, "shrink");
    await build([input], { out, workers: 1 });
    const one = join(root, "one-article");
    mkdirSync(one);
    copyFileSync(join(seeds, seedFiles[0]!), join(one, seedFiles[0]!));
    expect(await build([one], { out, workers: 1 })).toMatchObject({ extracted: 0, cached: 1 });
    expect(read(out, CACHE_FILE).toString("utf8").trimEnd().split("\n")).toHaveLength(2);
  });

  it("ignores a cache written by another extractor version", async () => {
    const out = join(root, "stale");
    await build([input], { out, workers: 1 });
    const cache = read(out, CACHE_FILE).toString("utf8").replace(EXTRACTOR_VERSION, "0000000000000000");
    writeFileSync(join(out, CACHE_FILE), cache);
    const rebuilt = await build([input], { out, workers: 1 });
    expect(rebuilt).toMatchObject({ extracted: seedFiles.length, cached: 0 });
    expect(read(out, GRAPH_FILE)).toEqual(read(join(root, "full"), GRAPH_FILE));
  });
});

describe("build: duplicate stories", () => {
  it("counts a near-duplicate copy of an article as the same story", async () => {
    const root = tmp("ng-stories-");
    const input = join(root, "articles");
    mkdirSync(input);
    const text = readFileSync(join(seeds, seedFiles[0]!), "utf8");
    writeFileSync(join(input, "a.txt"), text);
    // The same story from another outlet: one sentence added at the end.
    writeFileSync(join(input, "b.txt"), `${text.trimEnd()}\nThe talks are expected to continue next week.\n`);
    writeFileSync(join(input, "c.txt"), readFileSync(join(seeds, seedFiles[1]!), "utf8"));
    const s = await build([input], { out: join(root, "out"), workers: 1 });
    expect(s).toMatchObject({ documents: 3, stories: 2, nearDuplicates: 1, exactDuplicates: 0 });
    const graph = JSON.parse(read(join(root, "out"), GRAPH_FILE).toString("utf8")) as { edges: { attributes: { docs: string[]; stories: number } }[] };
    const both = graph.edges.filter((e) => e.attributes.docs.includes("a") && e.attributes.docs.includes("b"));
    expect(both.length).toBeGreaterThan(0);
    for (const e of both) expect(e.attributes.stories).toBe(e.attributes.docs.includes("c") ? 2 : 1);
  });
});

describe("build: evidence sidecar", () => {
  const root = tmp("ng-evidence-");
  const out = join(root, "out");
  beforeAll(async () => {
    await build([seeds], { out, workers: 1, evidenceCap: 1 });
  });

  it("caps evidence in graph.json and keeps the full lists in evidence.jsonl", () => {
    const lines = read(out, EVIDENCE_FILE).toString("utf8").trim().split("\n").map((l) => JSON.parse(l) as { edge: string; evidence: Evidence[] });
    expect(lines.length).toBeGreaterThan(0);
    const kg = loadGraph(out);
    for (const { edge, evidence } of lines) {
      const capped = kg.graph.getEdgeAttribute(edge, "evidence");
      expect(capped.length).toBeLessThan(evidence.length);
      expect(evidence.slice(0, capped.length)).toEqual(capped);
      expect(evidence.length).toBe(kg.graph.getEdgeAttribute(edge, "weight"));
    }
  });

  it("is what the queries read through edgeEvidence", () => {
    const kg = loadGraph(out);
    const line = JSON.parse(read(out, EVIDENCE_FILE).toString("utf8").split("\n")[0]!) as { edge: string; evidence: Evidence[] };
    expect(edgeEvidence(kg, line.edge).map((e) => [e.doc, e.start])).toEqual(line.evidence.map((e) => [e.doc, e.start]));
    const plain = kg.graph.edges().find((e) => !read(out, EVIDENCE_FILE).toString("utf8").includes(JSON.stringify(e)))!;
    expect(edgeEvidence(kg, plain)).toHaveLength(kg.graph.getEdgeAttribute(plain, "evidence").length);
  });
});
