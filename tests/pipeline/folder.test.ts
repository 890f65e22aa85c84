import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { EncodedText, encodeGraphEdges, FolderWriter, serializeGraph, writeEncodedGraph, writeGraphEdges } from "../../src/graph/write.js";
import { indexPayload } from "../../src/query/index-payload.js";
import type { EdgeAttributes, GraphAttributes, NewsGraph, NodeAttributes } from "../../src/types.js";

describe("graph.json streaming", () => {
  it("prints exactly JSON.stringify(graph.export())", () => {
    const g: NewsGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true, allowSelfLoops: false });
    g.replaceAttributes({ name: "t", documents: 1, generatedBy: "x", relationTypes: ["meets"], entityTypes: ["person"] });
    const node = (label: string): NodeAttributes => ({ label, type: "person", aliases: [], mentions: 1, docs: ["d"], x: 1.5, y: -2, size: 3, color: "#fff", community: 0 });
    g.addNode("person:b", node("B \"quoted\""));
    g.addNode("person:a", node("A"));
    const edge = (relation: "meets" | "supports"): EdgeAttributes => ({ relation, negated: false, predicate: "met", weight: 1, docs: ["d"], stories: 1, evidence: [{ doc: "d", sentence: "A met B.", start: 0, end: 8 }], rules: ["r"] });
    g.addUndirectedEdgeWithKey("meets:person:a--person:b", "person:a", "person:b", edge("meets"));
    g.addDirectedEdgeWithKey("supports:person:b->person:a", "person:b", "person:a", edge("supports"));
    expect(serializeGraph(g)).toBe(JSON.stringify(g.export()) + "\n");
  });

  it("writes the same bytes, with their digest, when the edges were encoded beforehand", () => {
    const g: NewsGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true, allowSelfLoops: false });
    g.replaceAttributes({ name: "t", documents: 1, generatedBy: "x", relationTypes: ["meets"], entityTypes: ["person"] });
    for (let i = 0; i < 3000; i++) g.addNode(`person:p${i}`, { label: `Zoë Pérez ${i}`, type: "person", aliases: [], mentions: 1, docs: ["d"], x: i, y: -i, size: 3, color: "#fff", community: 0 });
    for (let i = 1; i < 3000; i++) {
      const evidence = [{ doc: "d", sentence: `Zoë Pérez ${i} met Zoë Pérez ${i - 1} → “again”. `.repeat(20), start: 0, end: 8 }];
      g.addUndirectedEdgeWithKey(`meets:p${i}`, `person:p${i}`, `person:p${i - 1}`, { relation: "meets", negated: false, predicate: "met", weight: 1, docs: ["d"], stories: 1, evidence, rules: ["r"] });
    }
    const serialized = g.export();
    const edges = new EncodedText();
    writeGraphEdges(edges, serialized.edges);
    const parts = edges.end();
    expect(parts.length).toBeGreaterThan(1); // the edges fill several buffers

    const dir = mkdtempSync(join(tmpdir(), "ng-folder-"));
    const w = new FolderWriter(dir);
    const file = w.open("graph.json", { digest: true });
    writeEncodedGraph(file, serialized, parts);
    const digest = file.digest();
    w.commit();
    const bytes = readFileSync(join(dir, "graph.json"));
    expect(bytes.toString("utf8")).toBe(serializeGraph(g));
    expect(digest).toEqual({ bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") });
  });
});

describe("edges encoded with their evidence lists", () => {
  it("gives the bytes writeGraphEdges writes, and the evidence column the query index would serialize", () => {
    const g: NewsGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true, allowSelfLoops: false });
    g.replaceAttributes({ name: "t", documents: 1, generatedBy: "x", relationTypes: ["meets"], entityTypes: ["person"] });
    for (let i = 0; i < 2000; i++) g.addNode(`person:p${i}`, { label: `P ${i}`, type: "person", aliases: [], mentions: 1, docs: ["d"], x: 0, y: 0, size: 1, color: "#fff", community: 0 });
    for (let i = 1; i < 2000; i++) {
      // Sentences that look like the attribute keys, non-ASCII ones, long ones that fill a buffer on their own.
      const sentence = i % 3 === 0 ? `He said ",\"rules\":[ and ,"evidence":[" ${i}.` : i % 3 === 1 ? `Zoë → “${i}”. `.repeat(i % 500 === 1 ? 40000 : 3) : `Plain ${i}.`;
      const evidence = i % 7 === 0 ? [] : [{ doc: "d", sentence, start: 0, end: 8 }, { doc: "e", sentence: "Ünïcode.", start: 1, end: 2, date: "2020-01-01" }];
      const attributes: EdgeAttributes = { relation: "meets", negated: false, predicate: "met", weight: 1, docs: ["d", "e"], stories: 1, evidence, rules: ["r"], modality: "asserted", attributedTo: "person:p0" };
      if (i % 2) g.addUndirectedEdgeWithKey(`meets:p${i}`, `person:p${i}`, `person:p${i - 1}`, attributes);
      else g.addDirectedEdgeWithKey(`meets:p${i}`, `person:p${i}`, `person:p${i - 1}`, attributes);
    }
    const serialized = g.export();
    const written = new EncodedText();
    writeGraphEdges(written, serialized.edges);
    const encoded = encodeGraphEdges(serialized.edges);
    expect(Buffer.concat(encoded.bytes).equals(Buffer.concat(written.end()))).toBe(true);
    const serializedEvidence = indexPayload(serialized).edges.evidence;
    expect(Buffer.from(encoded.evidence.at.buffer).equals(Buffer.from(serializedEvidence.at.buffer))).toBe(true);
    expect((encoded.evidence.bytes as Buffer).equals(serializedEvidence.bytes as Buffer)).toBe(true);
  });
});

describe("FolderWriter", () => {
  it("renames all files into place on commit, and leaves nothing on abort", () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-folder-"));
    const w = new FolderWriter(dir);
    w.open("a.txt").write("one\n");
    w.put("b.txt", "two\n");
    expect(readdirSync(dir).filter((f) => !f.startsWith("."))).toEqual([]);
    w.commit();
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("one\n");

    const failed = new FolderWriter(dir);
    failed.open("a.txt").write("changed\n");
    failed.abort();
    expect(readFileSync(join(dir, "a.txt"), "utf8")).toBe("one\n");
    expect(readdirSync(dir).sort()).toEqual(["a.txt", "b.txt"]);
    expect(existsSync(join(dir, "c.txt"))).toBe(false);
  });

  it("writes the UTF-8 bytes of its chunks in order, across buffer flushes and chunks larger than the buffer", () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-folder-"));
    const chunks = ["Zoë Ångström → ", "€".repeat(400_000), "\n", "𝒳 plain ".repeat(50_000), "😀", "x".repeat(3_000_000), ...Array.from({ length: 600_000 }, (_, i) => (i % 3 ? "€é" : "a")), "end\n"];
    const w = new FolderWriter(dir);
    const file = w.open("big.txt");
    for (const chunk of chunks) file.write(chunk);
    w.commit();
    expect(readFileSync(join(dir, "big.txt")).equals(Buffer.from(chunks.join("")))).toBe(true);
  });
  it("writes bytes and strings in the order given, small byte arrays buffered and large ones as they are", () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-folder-"));
    const pieces: (string | Uint8Array)[] = [];
    for (let i = 0; i < 3000; i++) pieces.push(`line ${i} “é” `, Buffer.from(`{"n":${i}}`.repeat(i % 500 === 0 ? 20_000 : (i % 40) + 1)), new Uint8Array(i % 8));
    const w = new FolderWriter(dir);
    const file = w.open("mixed.bin");
    for (const piece of pieces) {
      if (typeof piece === "string") file.write(piece);
      else file.writeBytes(piece);
    }
    w.commit();
    expect(readFileSync(join(dir, "mixed.bin")).equals(Buffer.concat(pieces.map((p) => (typeof p === "string" ? Buffer.from(p) : p))))).toBe(true);
  });
});
