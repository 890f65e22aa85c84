// The query index (query-index.bin): every query answers the same from it as from graph.json; an edited or
// replaced graph.json is never answered from a stale index, whether the build recorded the files' stats or
// not; a damaged index falls back to graph.json with a warning naming the file, or fails with one line
// naming it when the damage is found in a section a query reads.
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { SerializedNewsGraph } from "../../src/graph/assemble.js";
import type { Evidence } from "../../src/types.js";
import type { FileDigest } from "../../src/query/index-file.js";
import { EVIDENCE_FILE } from "../../src/graph/write.js";
import { evidenceDamage } from "../../src/query/evidence.js";
import { encodeQueryIndex, fileDigest, QUERY_INDEX_FILE, recordIndexStats } from "../../src/query/index-file.js";
import { DocumentLinesWriter, indexPayload, SidecarLinesWriter } from "../../src/query/index-payload.js";
import { IndexedDocuments } from "../../src/query/indexed-documents.js";
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
 * A copy of the fixture folder with a query index made from its graph.json, as the build writes one (the
 * files' stats recorded unless `stats` is false); with `sidecar` (edge key and evidence of each line), also
 * an evidence.jsonl whose lines the index locates. `digest` replaces graph.json's true digest; `edit`
 * changes the graph first.
 */
function indexedCopy(
  name: string,
  sidecar?: [string, Evidence[]][],
  { stats = true, digest, edit }: { stats?: boolean; digest?: FileDigest; edit?: (graph: SerializedNewsGraph) => void } = {},
): string {
  const dir = join(tmp, name);
  cpSync(FIXTURE_DIR, dir, { recursive: true });
  const graphPath = join(dir, GRAPH_FILE);
  const graph = JSON.parse(readFileSync(graphPath, "utf8")) as SerializedNewsGraph;
  if (edit) {
    edit(graph);
    writeFileSync(graphPath, JSON.stringify(graph));
  }
  let lines: SidecarLinesWriter | undefined;
  if (sidecar) {
    lines = new SidecarLinesWriter(graph.edges.length);
    const edgeIndex = new Map(graph.edges.map((e, i) => [e.key!, i]));
    const text = sidecar.map(([edge, evidence]) => lines!.add(edgeIndex.get(edge)!, JSON.stringify({ edge, evidence }) + "\n")).join("");
    writeFileSync(join(dir, EVIDENCE_FILE), text);
  }
  const documents = new DocumentLinesWriter();
  for (const line of readFileSync(join(dir, "documents.jsonl"), "utf8").split("\n")) if (line) documents.add((JSON.parse(line) as { id: string }).id, line + "\n");
  writeFileSync(join(dir, QUERY_INDEX_FILE), Buffer.concat(encodeQueryIndex(indexPayload(graph, lines?.lines, documents.lines), digest ?? fileDigest(graphPath))));
  if (stats) recordIndexStats(dir);
  return dir;
}

/** Distinct documents of the fixture's documents.jsonl. */
const FIXTURE_DOCUMENTS = 4;

/** Where a section of an index file is, from its header (the third line). */
function sectionBytes(file: Buffer, name: string): { start: number; bytes: number } {
  const lines = file.toString("latin1").split("\n", 3);
  const header = JSON.parse(file.toString("utf8", lines[0]!.length + lines[1]!.length + 2, file.indexOf(10, lines[0]!.length + lines[1]!.length + 2))) as {
    sections: Record<string, { at: number; bytes: number }>;
  };
  const headerEnd = lines[0]!.length + lines[1]!.length + lines[2]!.length + 3;
  const payload = headerEnd + (-headerEnd & 7);
  return { start: payload + header.sections[name]!.at, bytes: header.sections[name]!.bytes };
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

  it("gives the same answers with edge keys and evidence longer than a block of the index, and not Latin-1", () => {
    const dir = indexedCopy("long", undefined, {
      edit: (graph) =>
        graph.edges.forEach((edge, i) => {
          const long = `${"Invented words of a long sentence. ".repeat(600 + i)}Łódź-like ✓ ${i}`;
          edge.attributes!.evidence = [...edge.attributes!.evidence, item("d1", long, 0), item("d2", long.slice(7), 5)];
          if (i % 3 === 0) edge.key = `${edge.key}:${"k".repeat(40_000)}${i % 2 ? "ł" : ""}`;
        }),
    });
    const indexed = openGraph(dir);
    expect(indexed.graph).toBeInstanceOf(IndexedGraph);
    expect(answers(indexed)).toStrictEqual(answers(loadGraph(dir)));
  });

  it.each([true, false])("is not used once graph.json was edited, even to the same size (stats recorded: %s)", (stats) => {
    const dir = indexedCopy(`edited-${stats}`, undefined, { stats });
    const graphPath = join(dir, GRAPH_FILE);
    const text = readFileSync(graphPath, "utf8");
    const edited = text.replace(/("label": *)"Sola Reef"/, '$1"Sola Rock"');
    expect(edited).not.toBe(text);
    writeFileSync(graphPath, edited);
    const kg = openGraph(dir, (message) => expect.fail(message));
    expect(kg.graph).not.toBeInstanceOf(IndexedGraph);
    expect(runShow(kg, "location:sola-reef").label).toBe("Sola Rock");
  });

  it("is not used once graph.json was edited in place to the same size with its times forced back", () => {
    const dir = indexedCopy("edited-touched");
    const graphPath = join(dir, GRAPH_FILE);
    // A whole second, so that utimes can set it back exactly; the stats are recorded again with it.
    const second = 1_700_000_000;
    utimesSync(graphPath, second, second);
    recordIndexStats(dir);
    expect(openGraph(dir).graph).toBeInstanceOf(IndexedGraph);
    const before = statSync(graphPath, { bigint: true });
    writeFileSync(graphPath, readFileSync(graphPath, "utf8").replace("Sola Reef", "Sola Rock"));
    utimesSync(graphPath, second, second);
    const after = statSync(graphPath, { bigint: true });
    expect([after.size, after.mtimeNs, after.ino, after.dev]).toStrictEqual([before.size, before.mtimeNs, before.ino, before.dev]);
    const kg = openGraph(dir);
    expect(kg.graph).not.toBeInstanceOf(IndexedGraph);
    expect(runShow(kg, "location:sola-reef").label).toBe("Sola Rock");
  });

  it("trusts a graph.json whose stat is the recorded one, without hashing it", () => {
    // The header names another digest: only the recorded stat can make the index be used.
    const dir = indexedCopy("trusted", undefined, { digest: { ...fileDigest(join(FIXTURE_DIR, GRAPH_FILE)), sha256: "0".repeat(64) } });
    expect(openGraph(dir).graph).toBeInstanceOf(IndexedGraph);
  });

  it("recognises a copy of the folder (new files, same bytes) by graph.json's hash", () => {
    const dir = indexedCopy("original");
    const copy = join(tmp, "copy-of-original");
    cpSync(dir, copy, { recursive: true });
    const kg = openGraph(copy, (message) => expect.fail(message));
    expect(kg.graph).toBeInstanceOf(IndexedGraph);
    expect(answers(kg)).toStrictEqual(answers(loadGraph(copy)));
  });

  it("reads documents.jsonl through the index, and whole once it changed", () => {
    const dir = indexedCopy("documents");
    const kg = openGraph(dir);
    expect(kg.documents).toBeInstanceOf(IndexedDocuments);
    expect(kg.documents.size).toBe(FIXTURE_DOCUMENTS);
    const whole = loadGraph(dir).documents;
    for (const id of [...whole.keys(), "no-such-document"]) expect(kg.documents.get(id)).toStrictEqual(whole.get(id));
    appendFileSync(join(dir, "documents.jsonl"), JSON.stringify({ id: "d-added", title: "Added later" }) + "\n");
    const changed = openGraph(dir);
    expect(changed.graph).toBeInstanceOf(IndexedGraph);
    expect(changed.documents).toBeInstanceOf(Map);
    expect(runStats(changed).documents).toBe(FIXTURE_DOCUMENTS + 1);
    expect(changed.documents.get("d-added")?.title).toBe("Added later");
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
    ["a cut file", (bytes: Buffer) => bytes.subarray(0, bytes.length >> 1), /bytes where its header says/],
    ["a file of another kind", () => Buffer.from("{}\n"), /not a query index/],
    ["a damaged header", (bytes: Buffer) => Buffer.from(bytes.toString("latin1").replace('"endianness":', '"endianness" :'), "latin1"), /header does not match its checksum/],
    ["a section out of place", (bytes: Buffer) => Buffer.concat([bytes, Buffer.alloc(8)]), /bytes where its header says/],
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

  /** The index with a byte flipped in the middle of section `name`. */
  const flipped = (name: string): { dir: string; indexPath: string } => {
    const dir = indexedCopy(`flipped-${name}`);
    const indexPath = join(dir, QUERY_INDEX_FILE);
    const bytes = readFileSync(indexPath);
    const { start, bytes: length } = sectionBytes(bytes, name);
    bytes[start + (length >> 1)] ^= 1;
    writeFileSync(indexPath, bytes);
    return { dir, indexPath };
  };

  it.each(["strings.text", "nodes.key"])("with a flipped byte in section %s, read at open, is reported by name and graph.json answers", (name) => {
    const { dir, indexPath } = flipped(name);
    const warnings: string[] = [];
    const kg = openGraph(dir, (message) => warnings.push(message));
    expect(kg.graph).not.toBeInstanceOf(IndexedGraph);
    expect(warnings).toStrictEqual([`${indexPath}: damaged query index (section ${name} does not match its checksum); read graph.json instead (rebuild to repair)`]);
    expect(answers(kg)).toStrictEqual(answers(loadGraph(dir)));
  });

  it.each(["nodes.mentions", "edges.evidence.bytes"])("with a flipped byte in section %s, fails the query that reads it with one line naming the file", (name) => {
    const { dir, indexPath } = flipped(name);
    const kg = openGraph(dir, (message) => expect.fail(message));
    expect(kg.graph).toBeInstanceOf(IndexedGraph);
    expect(() => answers(kg)).toThrow(`${indexPath}: damaged query index (section ${name} does not match its checksum); delete it or rebuild`);
  });

  it("with a damaged stat slot, hashes graph.json and answers from the index", () => {
    const dir = indexedCopy("damaged-slot");
    const indexPath = join(dir, QUERY_INDEX_FILE);
    const bytes = readFileSync(indexPath);
    bytes[bytes.indexOf(10) + 20] ^= 1;
    writeFileSync(indexPath, bytes);
    const kg = openGraph(dir, (message) => expect.fail(message));
    expect(kg.graph).toBeInstanceOf(IndexedGraph);
    expect(kg.documents).toBeInstanceOf(Map);
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
