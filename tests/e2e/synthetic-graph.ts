/**
 * A large synthetic graph folder for the browser tests: thousands of entities with a skewed degree
 * distribution (preferential attachment, seeded), random positions, dated documents and typed and
 * co-occurrence edges, written as the build writes graph.json and documents.jsonl.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { seededRandom } from "../../src/random.js";
import { ENTITY_TYPES, RELATION_TYPES, SYMMETRIC_RELATIONS, type RelationType } from "../../src/types.js";

export interface SyntheticOptions {
  nodes: number;
  /** Edges added per new node. */
  edgesPerNode: number;
  documents: number;
  seed: number;
  /** Share of the edges that are co-occurrences rather than typed relations (default 0.5). */
  coOccursShare?: number;
}

const TYPE_COLORS = ["#e8743b", "#3b7be8", "#2a9d5c", "#8e5ad6", "#d6a62c", "#d6456b"];

export function writeSyntheticGraph(dir: string, options: SyntheticOptions): void {
  const rand = seededRandom(options.seed);
  const coOccursShare = options.coOccursShare ?? 0.5;
  const docs = Array.from({ length: options.documents }, (_, i) => ({
    id: `doc-${i}`,
    title: `Synthetic story ${i}`,
    date: `2020-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`,
    path: `synthetic/${i}.txt`,
    sha256: i.toString(16).padStart(64, "0"),
  }));
  const nodes = Array.from({ length: options.nodes }, (_, i) => {
    const t = i % ENTITY_TYPES.length;
    return {
      key: `${ENTITY_TYPES[t]}:entity-${i}`,
      attributes: {
        label: `Entity ${i}`,
        type: ENTITY_TYPES[t],
        aliases: [`E${i}`],
        mentions: 1 + Math.floor(rand() * 20),
        docs: [docs[Math.floor(rand() * docs.length)]!.id],
        x: rand() * 1000,
        y: rand() * 1000,
        size: 4,
        color: TYPE_COLORS[t],
        community: i % 12,
      },
    };
  });
  const typed = RELATION_TYPES.filter((r) => r !== "co_occurs");
  const targets: number[] = [0];
  const edges = [];
  for (let i = 1; i < nodes.length; i++) {
    for (let k = 0; k < options.edgesPerNode; k++) {
      const j = targets[Math.floor(rand() * targets.length)]!;
      if (j === i) continue;
      const relation: RelationType = rand() < coOccursShare ? "co_occurs" : typed[Math.floor(rand() * typed.length)]!;
      const doc = docs[Math.floor(rand() * docs.length)]!;
      const sentence = `Entity ${i} and Entity ${j} appear together.`;
      edges.push({
        key: `e${edges.length}`,
        source: nodes[i]!.key,
        target: nodes[j]!.key,
        ...(SYMMETRIC_RELATIONS.has(relation) ? { undirected: true } : {}),
        attributes: {
          relation,
          negated: rand() < 0.05,
          predicate: relation.replace(/_/g, " "),
          weight: 1 + Math.floor(rand() * 3),
          docs: [doc.id],
          stories: 1,
          evidence: [{ doc: doc.id, sentence, start: 0, end: sentence.length, date: doc.date }],
          rules: ["synthetic"],
        },
      });
      targets.push(i, j);
    }
  }
  const graph = {
    attributes: { name: "synthetic", documents: docs.length, generatedBy: "test", relationTypes: RELATION_TYPES, entityTypes: ENTITY_TYPES },
    options: { type: "mixed", multi: true, allowSelfLoops: true },
    nodes,
    edges,
  };
  writeFileSync(join(dir, "graph.json"), JSON.stringify(graph));
  writeFileSync(join(dir, "documents.jsonl"), docs.map((d) => JSON.stringify(d)).join("\n") + "\n");
}
