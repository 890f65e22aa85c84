import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { build } from "../../src/pipeline/build.js";
import { readDocuments } from "../../src/corpus/read.js";
import { loadExtractor } from "../../src/extract/extractor.js";
import { extractDocument } from "../../src/extract/index.js";
import { assembleGraph } from "../../src/graph/assemble.js";
import { layoutGraph } from "../../src/graph/layout.js";
import { resolveCorpus } from "../../src/graph/resolve-corpus.js";
import { GRAPH_FILE, serializeGraph } from "../../src/graph/write.js";

const seeds = join(import.meta.dirname, "../../seeds");
const extractor = loadExtractor();

describe("assembleGraph and layoutGraph (the library's steps)", () => {
  it("give the graph the build writes, byte for byte", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "ng-assemble-")), "out");
    await build([seeds], { out, workers: 1, cache: false });
    const extractions = [];
    for await (const doc of readDocuments([seeds])) extractions.push(extractDocument(extractor, doc));
    const { graph } = assembleGraph(extractions, resolveCorpus(extractions), { name: "seeds" });
    layoutGraph(graph);
    expect(serializeGraph(graph)).toBe(readFileSync(join(out, GRAPH_FILE), "utf8"));
  });
});
