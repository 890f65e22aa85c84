import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

// These tests run the compiled CLI (npm test builds it first) on the project's own seeds.
const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/src/cli/main.js");
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });

describe("newsgraph build on seeds/", () => {
  const dir = mkdtempSync(join(tmpdir(), "ng-build-"));
  const a = join(dir, "a");
  const b = join(dir, "b");
  let graph: { nodes: { key: string; attributes: Record<string, unknown> }[]; edges: { attributes: Record<string, unknown> }[]; attributes: Record<string, unknown> };

  beforeAll(() => {
    expect(run("build", "seeds", "--out", a).status).toBe(0);
    expect(run("build", "seeds", "--out", b).status).toBe(0);
    graph = JSON.parse(readFileSync(join(a, "graph.json"), "utf8"));
  });

  it("is deterministic: two builds give byte-identical graph.json", () => {
    expect(readFileSync(join(a, "graph.json"))).toEqual(readFileSync(join(b, "graph.json")));
  });

  it("writes the graph contract: mixed multigraph, typed nodes with layout, documents", () => {
    expect(graph.attributes).toMatchObject({ documents: 5, entityTypes: expect.any(Array), relationTypes: expect.any(Array) });
    expect(graph.nodes.length).toBeGreaterThanOrEqual(25);
    for (const n of graph.nodes) {
      expect(n.key).toMatch(/^(person|organization|country|location|project|event):/);
      expect(n.attributes).toMatchObject({ label: expect.any(String), x: expect.any(Number), y: expect.any(Number), size: expect.any(Number), color: expect.any(String) });
    }
    const docs = readFileSync(join(a, "documents.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l));
    expect(docs).toHaveLength(5);
    for (const d of docs) expect(d).toMatchObject({ id: expect.any(String), path: expect.any(String), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("puts evidence on every typed edge", () => {
    const typed = graph.edges.filter((e) => e.attributes.relation !== "co_occurs");
    expect(typed.length).toBeGreaterThan(10);
    for (const e of typed) {
      const evidence = e.attributes.evidence as { doc: string; sentence: string }[];
      expect(evidence.length).toBeGreaterThan(0);
      expect(evidence[0]).toMatchObject({ doc: expect.any(String), sentence: expect.any(String) });
      expect(typeof e.attributes.negated).toBe("boolean");
    }
  });

  it("prints a summary of documents, entity types and relation types", () => {
    const out = run("build", "seeds", "--out", b).stdout;
    expect(out).toMatch(/5 documents, \d+ entities, \d+ relations in [\d.]+ s/);
    expect(out).toMatch(/person\s+\d+/);
  });
});

describe("build errors", () => {
  it("names a missing input and exits non-zero on one line", () => {
    const r = run("build", "no/such/folder", "--out", join(mkdtempSync(join(tmpdir(), "ng-")), "out"));
    expect(r.status).not.toBe(0);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("no/such/folder");
  });

  it("leaves an existing graph folder untouched when a build fails", () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-keep-"));
    const out = join(dir, "out");
    expect(run("build", "seeds", "--out", out).status).toBe(0);
    const before = readFileSync(join(out, "graph.json"));
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{"text": "Fine text."}\n{oops\n');
    const r = run("build", "seeds", bad, "--out", out);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/bad\.jsonl:2/);
    expect(readFileSync(join(out, "graph.json"))).toEqual(before);
  });

  it("skips bad records with --skip-bad and still builds", () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-skip-"));
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{"text": "Talks between Norway and Sweden resumed in Oslo."}\n{oops\n');
    const r = run("build", bad, "--out", join(dir, "out"), "--skip-bad");
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/warning: skipped .*bad\.jsonl:2/);
    expect(existsSync(join(dir, "out", "graph.json"))).toBe(true);
  });
});
