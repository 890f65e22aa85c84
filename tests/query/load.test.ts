import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NewsgraphError } from "../../src/errors.js";
import { loadGraph } from "../../src/query/load.js";
import { edgeEvidence } from "../../src/query/evidence.js";
import { loadFixture } from "./fixture.js";

const tmp = mkdtempSync(join(tmpdir(), "newsgraph-load-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function folder(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof NewsgraphError) return `${err.code}: ${err.message}`;
    throw err;
  }
  return "no error";
}

const node = (key: string, type = "person") => ({ key, attributes: { label: key, type, aliases: [], mentions: 1, docs: [] } });

describe("loadGraph", () => {
  it("loads the fixture as a mixed multigraph with its documents", () => {
    const kg = loadFixture();
    expect(kg.graph.type).toBe("mixed");
    expect(kg.graph.multi).toBe(true);
    expect(kg.graph.order).toBe(16);
    expect(kg.graph.size).toBe(21);
    expect(kg.graph.isUndirected("e2")).toBe(true);
    expect(kg.documents.get("d2")?.title).toBe("Acme orders a pipeline");
  });

  it("dates evidence from its document when the item has no date", () => {
    const kg = loadFixture();
    expect(kg.graph.getEdgeAttribute("e0", "evidence")[1]?.date).toBeUndefined();
    expect(edgeEvidence(kg, "e0").map((e) => e.date)).toEqual(["2024-01-10", "2024-03-05"]);
  });

  it.each([
    ["a missing folder", () => join(tmp, "nowhere"), /^GRAPH_MISSING: no graph folder at .*nowhere/],
    ["a folder without graph.json", () => folder("empty", {}), /^GRAPH_MISSING: no graph\.json in .*empty/],
    ["graph.json that is not JSON", () => folder("garbled", { "graph.json": "{nodes:" }), /^GRAPH_INVALID: .*garbled.*graph\.json: not valid JSON/],
    ["JSON that is not a graph", () => folder("array", { "graph.json": "[1,2]" }), /^GRAPH_INVALID: .*not a serialized graph/],
    [
      "a node with an unknown type",
      () => folder("badtype", { "graph.json": JSON.stringify({ nodes: [node("a", "planet")], edges: [] }) }),
      /^GRAPH_INVALID: .*node a has no label or an unknown type/,
    ],
    [
      "an edge with an unknown relation",
      () => folder("badrel", { "graph.json": JSON.stringify({ nodes: [node("a"), node("b")], edges: [{ source: "a", target: "b", attributes: { relation: "likes" } }] }) }),
      /^GRAPH_INVALID: .*edge #0 \(a -> b\) has an unknown relation/,
    ],
    [
      "an edge to a missing node",
      () => folder("dangling", { "graph.json": JSON.stringify({ nodes: [node("a")], edges: [{ source: "a", target: "zz", attributes: { relation: "meets" } }] }) }),
      /^GRAPH_INVALID: .*zz/,
    ],
    [
      "a malformed documents.jsonl line",
      () => folder("baddocs", { "graph.json": JSON.stringify({ nodes: [], edges: [] }), "documents.jsonl": '{"id":"x"}\n{oops\n' }),
      /^GRAPH_INVALID: .*documents\.jsonl:2: not valid JSON/,
    ],
  ])("fails clearly on %s", (_what, make, expected) => {
    const dir = make();
    const message = codeOf(() => loadGraph(dir));
    expect(message).toMatch(expected);
    expect(message).not.toContain("\n");
  });

  it("fills missing list attributes and accepts a folder without documents.jsonl", () => {
    const dir = folder("minimal", {
      "graph.json": JSON.stringify({
        nodes: [{ key: "a", attributes: { label: "A", type: "person" } }, node("b")],
        edges: [{ source: "a", target: "b", attributes: { relation: "meets" } }],
      }),
    });
    const kg = loadGraph(dir);
    expect(kg.graph.getNodeAttribute("a", "aliases")).toEqual([]);
    expect(kg.graph.getEdgeAttributes(kg.graph.edges()[0]!)).toMatchObject({ evidence: [], docs: [], weight: 1, negated: false });
    expect(kg.documents.size).toBe(0);
  });
});
