import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { errorCode } from "../../error-code.js";
import { EXPORT_FORMATS, exportGraph, writeExport } from "../../../src/graph/export/index.js";
import { loadExportFixture } from "./fixture.js";

const kg = loadExportFixture();
const tmp = mkdtempSync(join(tmpdir(), "newsgraph-export-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("exportGraph", () => {
  it.each(EXPORT_FORMATS.map((f) => [f]))("%s is deterministic", (format) => {
    const a = exportGraph(kg.graph, format, { documents: kg.documents.values() });
    const b = exportGraph(kg.graph.copy(), format, { documents: kg.documents.values() });
    expect(a).toEqual(b);
    expect(a.files.every((f) => f.content.length > 0)).toBe(true);
  });

  it("names the files of each format", () => {
    expect(exportGraph(kg.graph, "csv").files.map((f) => f.name)).toEqual(["nodes.csv", "edges.csv"]);
    expect(exportGraph(kg.graph, "gexf").files.map((f) => f.name)).toEqual(["graph.gexf"]);
  });

  it("rejects an unknown format", () => {
    expect(errorCode(() => exportGraph(kg.graph, "xlsx"))).toBe("BAD_ARGUMENT");
  });
});

describe("writeExport", () => {
  it("writes a single file, creating its folder, with no temporary file left", () => {
    const out = join(tmp, "one", "graph.graphml");
    expect(writeExport(exportGraph(kg.graph, "graphml"), out)).toEqual([out]);
    expect(readFileSync(out, "utf8")).toContain("<graphml");
    expect(readdirSync(join(tmp, "one"))).toEqual(["graph.graphml"]);
  });

  it("writes a single file under its default name into an existing folder", () => {
    const dir = join(tmp, "one");
    expect(writeExport(exportGraph(kg.graph, "dot"), dir)).toEqual([join(dir, "graph.dot")]);
  });

  it("replaces an existing file whole", () => {
    const out = join(tmp, "replace.dot");
    writeFileSync(out, "old content that is much longer than nothing ".repeat(1000));
    writeExport(exportGraph(kg.graph, "dot"), out);
    expect(readFileSync(out, "utf8")).toBe(exportGraph(kg.graph, "dot").files[0]!.content);
  });

  it("writes csv as a folder with nodes.csv and edges.csv", () => {
    const dir = join(tmp, "neo4j");
    writeExport(exportGraph(kg.graph, "csv"), dir);
    expect(readdirSync(dir).sort()).toEqual(["edges.csv", "nodes.csv"]);
  });

  it("refuses to write a folder export over a file", () => {
    const file = join(tmp, "a-file");
    writeFileSync(file, "x");
    expect(errorCode(() => writeExport(exportGraph(kg.graph, "csv"), file))).toBe("BAD_ARGUMENT");
    expect(readFileSync(file, "utf8")).toBe("x");
  });

  it("fails with a clear error when the path cannot be written", () => {
    const blocker = join(tmp, "blocker");
    writeFileSync(blocker, "x");
    expect(errorCode(() => writeExport(exportGraph(kg.graph, "dot"), join(blocker, "sub", "graph.dot")))).toBe("BAD_ARGUMENT");
    expect(existsSync(join(blocker, "sub"))).toBe(false);
  });
});
