// The query index (query-index.bin): every query answers the same from it as from graph.json; an edited or
// replaced graph.json is never answered from a stale index; a damaged index falls back to graph.json with
// a warning naming the file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SerializedNewsGraph } from "../../src/graph/assemble.js";
import type { Evidence } from "../../src/types.js";
import { EVIDENCE_FILE } from "../../src/graph/write.js";
import { evidenceDamage } from "../../src/query/evidence.js";
import { encodeQueryIndex, fileDigest, QUERY_INDEX_FILE, SidecarLinesWriter } from "../../src/query/index-file.js";
import { IndexedGraph } from "../../src/query/indexed-graph.js";
import { GRAPH_FILE, loadGraph, openGraph, type LoadedGraph } from "../../src/query/load.js";
import { runNeighbors } from "../../src/query/neighbors.js";
import { runPath } from "../../src/query/path.js";
import { runSearch } from "../../src/query/search.js";
import { runShow } from "../../src/query/show.js";
import { runStats } from "../../src/query/stats.js";
import { runTimeline } from "../../src/query/timeline.js";
import { runWhy } from "../../src/query/why.js";
import { FIXTURE_DIR } from "./fixture.js";

const tmp = mkdtempSync(join(tmpdir(), "newsgraph-index-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/**
 * A copy of the fixture folder with a query index made from its graph.json, as the build writes one; with
 * `sidecar` (edge key and evidence of each line), also an evidence.jsonl whose lines the index locates.
 */
function indexedCopy(name: string, sidecar?: [string, Evidence[]][]): string {
  const dir = join(tmp, name);
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  const graphPath = join(dir, GRAPH_FILE);
  const graph = JSON.parse(readFileSync(graphPath, "utf8")) as SerializedNewsGraph;
  let lines: SidecarLinesWriter | undefined;
  if (sidecar) {
    lines = new SidecarLinesWriter(graph.edges.length);
    const edgeIndex = new Map(graph.edges.map((e, i) => [e.key!, i]));
    const text = sidecar.map(([edge, evidence]) => lines!.add(edgeIndex.get(edge)!, JSON.stringify({ edge, evidence }) + "\n")).join("");
    writeFileSync(join(dir, EVIDENCE_FILE), text);
  }
  writeFileSync(join(dir, QUERY_INDEX_FILE), encodeQueryIndex(graph, fileDigest(graphPath), lines?.lines));
  return dir;
}

const item = (doc: string, sentence: string, start: number): Evidence => ({ doc, sentence, start, end: start + sentence.length });

/** Full evidence lists of three edges, longer than those graph.json keeps (lines of equal length for e0 and e2). */
const SIDECAR: [string, Evidence[]][] = [
  ["e0", [item("d1", "Sidecar one.", 0), item("d1", "Sidecar two.", 20), item("d2", "Sidecar three.", 40)]],
  ["e2", [item("d2", "Sidecar four.", 0), item("d1", "Sidecar five.", 20), item("d3", "Sidecar six.", 40)]],
  ["e7", [item("d3", "Sidecar summit one.", 0), item("d3", "Sidecar summit two.", 30), item("d4", "Sidecar summit three.", 60)]],
];

/** Every answer of every query command on a graph, or the error it gives. */
function answers(kg: LoadedGraph): unknown[] {
  const attempt = (query: () => unknown): unknown => {
    try {
      return query();
    } catch (err) {
      return `${(err as Error).name}: ${(err as Error).message}`;
    }
  };
  const keys = kg.graph.mapNodes((key) => key);
  return [
    runStats(kg),
    runStats(kg, { top: 3, communities: 1, suspects: 5 }),
    ...["park", "mercury", "acme works", "valdora", "ł", "zz"].map((text) => runSearch(kg, text, { limit: 0 })),
    ...keys.flatMap((key) => [
      runShow(kg, key),
      runNeighbors(kg, key, { depth: 2 }),
      runNeighbors(kg, key, { since: "2024-01", until: "2024-02" }),
      runTimeline(kg, key, { any: true }),
      ...keys.flatMap((other) => [attempt(() => runPath(kg, key, other, { any: true, k: 2 })), runWhy(kg, key, other)]),
    ]),
    attempt(() => runShow(kg, "mercury")),
    attempt(() => runNeighbors(kg, "Nobody Atall")),
  ];
}

describe("the query index", () => {
  it("gives every query the answers graph.json gives", () => {
    const dir = indexedCopy("same");
    const indexed = openGraph(dir);
    expect(indexed.graph).toBeInstanceOf(IndexedGraph);
    expect(answers(indexed)).toStrictEqual(answers(loadGraph(dir)));
  });

  it("is not used once graph.json was edited, even to the same size", () => {
    const dir = indexedCopy("edited");
    const graphPath = join(dir, GRAPH_FILE);
    const text = readFileSync(graphPath, "utf8");
    const edited = text.replace(/("label": *)"Sola Reef"/, '$1"Sola Rock"');
    expect(edited).not.toBe(text);
    writeFileSync(graphPath, edited);
    const kg = openGraph(dir, (message) => expect.fail(message));
    expect(kg.graph).not.toBeInstanceOf(IndexedGraph);
    expect(runShow(kg, "location:sola-reef").label).toBe("Sola Rock");
  });

  it("is not used for another graph.json copied over this one", () => {
    const dir = indexedCopy("replaced");
    const graph = JSON.parse(readFileSync(join(dir, GRAPH_FILE), "utf8")) as { nodes: unknown[] };
    graph.nodes.pop();
    writeFileSync(join(dir, GRAPH_FILE), JSON.stringify(graph));
    const kg = openGraph(dir);
    expect(kg.graph).not.toBeInstanceOf(IndexedGraph);
    expect(runStats(kg).nodes).toBe(15);
  });

  it.each([
    ["a flipped byte", (bytes: Buffer) => Buffer.concat([bytes.subarray(0, -9), Buffer.from([bytes[bytes.length - 9]! ^ 1]), bytes.subarray(-8)]), /payload does not match/],
    ["a cut file", (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1), /payload does not match/],
    ["a file of another kind", () => Buffer.from("{}\n"), /not a query index/],
    ["a damaged header", (bytes: Buffer) => Buffer.concat([Buffer.from("newsgraph-query-index/1\n{\n"), bytes]), /unreadable header/],
  ])("with %s, is reported by name and graph.json answers", (_what, damage, reason) => {
    const dir = indexedCopy(`damaged-${_what.replace(/\W/g, "-")}`);
    const indexPath = join(dir, QUERY_INDEX_FILE);
    writeFileSync(indexPath, damage(readFileSync(indexPath)));
    const warnings: string[] = [];
    const kg = openGraph(dir, (message) => warnings.push(message));
    expect(kg.graph).not.toBeInstanceOf(IndexedGraph);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(indexPath);
    expect(warnings[0]).toMatch(reason);
    expect(answers(kg)).toStrictEqual(answers(loadGraph(dir)));
  });

  describe("with the lines of evidence.jsonl", () => {
    /** The answers and the sidecar warning of the indexed folder, and those of graph.json with a scan of evidence.jsonl. */
    const compare = (dir: string): void => {
      const indexed = openGraph(dir);
      expect(indexed.graph).toBeInstanceOf(IndexedGraph);
      const scanned = loadGraph(dir);
      expect(answers(indexed)).toStrictEqual(answers(scanned));
      expect(evidenceDamage(indexed)).toBe(evidenceDamage(scanned));
    };

    it("reads each edge's full evidence from its line, as a scan of the file does", () => {
      const dir = indexedCopy("sidecar", SIDECAR);
      const kg = openGraph(dir);
      expect(runWhy(kg, "person:ana-muller", "organization:acme-rocket-works").groups[0]!.edges[0]!.evidence.map((e) => e.sentence)).toContain("Sidecar three.");
      compare(dir);
    });

    it("falls back to a scan when a line is not where the index says (same size, lines reordered)", () => {
      const dir = indexedCopy("sidecar-moved", SIDECAR);
      const path = join(dir, EVIDENCE_FILE);
      const [first, second, third] = readFileSync(path, "utf8").split("\n");
      expect(first!.length).toBe(second!.length);
      writeFileSync(path, `${second}\n${first}\n${third}\n`);
      compare(dir);
    });

    it("falls back to a scan when evidence.jsonl has another size", () => {
      const dir = indexedCopy("sidecar-rewritten", SIDECAR);
      writeFileSync(join(dir, EVIDENCE_FILE), JSON.stringify({ edge: "e7", evidence: [item("d4", "Rewritten summit.", 0)] }) + "\n");
      compare(dir);
    });

    it("reports a damaged line it reads by its number, as a scan does", () => {
      const dir = indexedCopy("sidecar-damaged", SIDECAR);
      const path = join(dir, EVIDENCE_FILE);
      writeFileSync(path, readFileSync(path, "utf8").replace("Sidecar summit two.", 'Sidecar summit two"'));
      const kg = openGraph(dir);
      runTimeline(kg, "person:tomas-oneill", { any: true });
      expect(evidenceDamage(kg)).toMatch(/evidence\.jsonl:3: a damaged line/);
      compare(dir);
    });
  });
});
