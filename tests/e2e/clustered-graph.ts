/**
 * A graph folder for the overview browser tests, laid out by the build's own layout code: a main
 * component of a few dense clusters of invented entities ("Veldt 0", "Veldt 1", …, most mentioned first)
 * loosely linked to each other, and many small components ("Stray 12a", …) that the layout packs beside
 * it. Seeded, so the same every run.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import Graph from "graphology";
import { layoutGraph } from "../../src/graph/layout.js";
import { serializeGraph } from "../../src/graph/write.js";
import { seededRandom } from "../../src/random.js";
import { ENTITY_TYPES, RELATION_TYPES, type EdgeAttributes, type GraphAttributes, type NewsGraph, type NodeAttributes } from "../../src/types.js";

export const CLUSTER_NAMES = ["Veldt", "Orchid", "Basalt", "Marrow", "Quartz", "Tundra"];

export interface ClusteredOptions {
  /** Entities per cluster. */
  clusterSize: number;
  /** Small components of one to four entities. */
  strays: number;
  seed: number;
}

const DOC = { id: "doc-0", title: "Clustered story", date: "2021-03-04", path: "clustered/0.txt", sha256: "0".repeat(64) };

/** Write graph.json and documents.jsonl of a clustered graph into `dir`; returns the entity count. */
export function writeClusteredGraph(dir: string, options: ClusteredOptions): number {
  const rand = seededRandom(options.seed);
  const graph: NewsGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
  graph.replaceAttributes({ name: "clustered", documents: 1, generatedBy: "test", relationTypes: [...RELATION_TYPES], entityTypes: [...ENTITY_TYPES] });
  const entity = (label: string, mentions: number): string => {
    const type = ENTITY_TYPES[graph.order % ENTITY_TYPES.length]!;
    const key = `${type}:${label.toLowerCase().replace(/ /g, "-")}`;
    graph.addNode(key, { label, type, aliases: [], mentions, docs: [DOC.id], x: 0, y: 0, size: 1, color: "", community: 0 });
    return key;
  };
  const link = (source: string, target: string): void => {
    const sentence = `${graph.getNodeAttribute(source, "label")} met ${graph.getNodeAttribute(target, "label")}.`;
    graph.addDirectedEdgeWithKey(`meets:${source}->${target}`, source, target, {
      relation: "meets",
      negated: false,
      predicate: "met",
      weight: 1,
      docs: [DOC.id],
      stories: 1,
      evidence: [{ doc: DOC.id, sentence, start: 0, end: sentence.length, date: DOC.date }],
      rules: ["test"],
      modality: "asserted",
    });
  };
  const linkOnce = (a: string, b: string) => a !== b && !graph.hasEdge(`meets:${a}->${b}`) && !graph.hasEdge(`meets:${b}->${a}`) && link(a, b);

  const clusters = CLUSTER_NAMES.map((name) => Array.from({ length: options.clusterSize }, (_, i) => entity(`${name} ${i}`, 10 * (options.clusterSize - i))));
  for (const members of clusters) {
    // Each member meets the cluster's first entities and a few others of its cluster.
    members.forEach((m, i) => {
      if (i > 0) linkOnce(m, members[Math.floor(rand() * Math.min(i, 3))]!);
      for (let k = 0; k < 3; k++) linkOnce(m, members[Math.floor(rand() * members.length)]!);
    });
  }
  clusters.forEach((members, c) => linkOnce(members[members.length - 1]!, clusters[(c + 1) % clusters.length]![members.length - 2]!));
  for (let s = 0; s < options.strays; s++) {
    const size = 1 + Math.floor(rand() * 4);
    const keys = Array.from({ length: size }, (_, i) => entity(`Stray ${s}${"abcd"[i]}`, 1));
    keys.forEach((k, i) => i > 0 && link(k, keys[Math.floor(rand() * i)]!));
  }
  layoutGraph(graph);
  writeFileSync(join(dir, "graph.json"), serializeGraph(graph));
  writeFileSync(join(dir, "documents.jsonl"), JSON.stringify(DOC) + "\n");
  return graph.order;
}
