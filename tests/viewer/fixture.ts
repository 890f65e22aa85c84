/** The hand-made viewer fixture (tests/fixtures/viewer/graph) loaded as the viewer loads it. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildGraphIndex, type GraphIndex } from "../../viewer/src/core/graph-index.js";
import { documentTable, importGraph, parseJsonLines, type DocumentRecord, type DocumentTable, type ViewerGraph } from "../../viewer/src/core/model.js";

const DIR = join(import.meta.dirname, "..", "fixtures", "viewer", "graph");

export interface Loaded {
  graph: ViewerGraph;
  documents: DocumentTable;
  index: GraphIndex;
}

export function loadFixture(): Loaded {
  const graph = importGraph(JSON.parse(readFileSync(join(DIR, "graph.json"), "utf8")));
  const documents = documentTable(parseJsonLines<DocumentRecord>(readFileSync(join(DIR, "documents.jsonl"), "utf8")));
  return { graph, documents, index: buildGraphIndex(graph, documents) };
}
