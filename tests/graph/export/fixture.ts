// The query fixture plus one entity whose name holds every character the export formats must escape.
import { fileURLToPath } from "node:url";
import { loadGraph } from "../../../src/query/load.js";
import type { LoadedGraph } from "../../../src/query/load.js";

export const TRICKY_LABEL = `Café "Zürich" <&> O'Brien, Back\\slash; Tab\there`;

export function loadExportFixture(): LoadedGraph {
  const kg = loadGraph(fileURLToPath(new URL("../../fixtures/query/graph", import.meta.url)));
  kg.graph.addNode("organization:cafe-zurich", {
    label: TRICKY_LABEL,
    type: "organization",
    aliases: ["Café Zürich", "CZ; Ltd", 'The "Café"'],
    mentions: 1,
    docs: ["d2"],
    x: 1.5,
    y: -2.25,
    size: 4,
    color: "#123abc",
    community: 0,
  });
  kg.graph.addDirectedEdgeWithKey("e-tricky", "organization:cafe-zurich", "organization:acme-rocket-works", {
    relation: "supports",
    negated: false,
    predicate: 'said "yes" to',
    weight: 1,
    docs: ["d2"],
    stories: 1,
    evidence: [{ doc: "d2", sentence: `${TRICKY_LABEL} said "yes"\nto Acme.`, start: 5, end: 60 }],
    rules: ["said-yes"],
  });
  return kg;
}
