/**
 * Damaged files of a graph folder through the compiled CLI: a cut-short evidence.jsonl is a warning that
 * names file and line while `show` and `why` print what is readable (the edge on the damaged line falls
 * back to graph.json's evidence); a cut-short documents.jsonl stops every command with one line naming
 * file and line (exit 4). Never "internal error", never a silent drop.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FIXTURE_DIR } from "../query/fixture.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/src/cli/main.js");
const run = (...args: string[]) => spawnSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", timeout: 60_000 });

const item = (doc: string, sentence: string, start: number) => ({ doc, sentence, start, end: start + sentence.length });

describe("a damaged evidence.jsonl", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "newsgraph-damaged-"));
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    // e0 (Ana Müller leads Acme) has three items here; e2's line (Ana Müller meets Tomás O'Neill) is cut short.
    const e0 = JSON.stringify({ edge: "e0", evidence: [item("d1", "Sidecar one.", 0), item("d1", "Sidecar two.", 20), item("d1", "Sidecar three.", 40)] });
    const e2 = JSON.stringify({ edge: "e2", evidence: [item("d2", "Sidecar meeting.", 0)] });
    writeFileSync(join(dir, "evidence.jsonl"), `${e0}\n${e2.slice(0, 40)}`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("show prints every readable relation and warns naming file and line", () => {
    const r = run("show", "Ana Müller", "--graph", dir, "--evidence", "0");
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^newsgraph: warning: .*evidence\.jsonl:2: a damaged line \(cut short or not JSON\)/);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stdout).toContain("Sidecar three.");
    expect(r.stdout).toContain("Tomás O'Neill");
  });

  it("why shows the damaged edge with graph.json's evidence, and says so", () => {
    const r = run("why", "Ana Müller", "Tomás O'Neill", "--graph", dir, "--json");
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/evidence\.jsonl:2: a damaged line/);
    const result = JSON.parse(r.stdout) as { groups: { relation: string; edges: { edge: string; evidence: unknown[] }[] }[] };
    const meets = result.groups.find((g) => g.relation === "meets")!.edges[0]!;
    const graph = JSON.parse(readFileSync(join(dir, "graph.json"), "utf8")) as { edges: { key: string; attributes: { evidence: unknown[] } }[] };
    expect(meets.evidence).toHaveLength(graph.edges.find((e) => e.key === "e2")!.attributes.evidence.length);
  });
});

describe("a damaged documents.jsonl", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "newsgraph-damaged-docs-"));
    cpSync(FIXTURE_DIR, dir, { recursive: true });
    const docs = readFileSync(join(dir, "documents.jsonl"), "utf8");
    writeFileSync(join(dir, "documents.jsonl"), docs.slice(0, docs.length - 30));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("stops the command with one line naming file and line (exit 4)", () => {
    for (const args of [["show", "Ana Müller"], ["why", "Ana Müller", "Tomás O'Neill"]]) {
      const r = run(...args, "--graph", dir);
      expect(r.status).toBe(4);
      expect(r.stderr).toMatch(/^newsgraph: .*documents\.jsonl:\d+: not valid JSON\n$/);
    }
  });
});
