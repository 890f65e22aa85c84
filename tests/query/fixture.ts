// The hand-made query fixture (tests/fixtures/query/graph): invented entities, four documents (one undated).
import { fileURLToPath } from "node:url";
import { loadGraph } from "../../src/query/load.js";
import type { LoadedGraph } from "../../src/query/load.js";

export const FIXTURE_DIR = fileURLToPath(new URL("../fixtures/query/graph", import.meta.url));

export function loadFixture(): LoadedGraph {
  return loadGraph(FIXTURE_DIR);
}
