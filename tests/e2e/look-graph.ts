/**
 * A small dense graph folder for the look-and-export browser tests, written as the build writes
 * graph.json and documents.jsonl: one hub ("Mara Quell") with two dozen neighbours close around it, among
 * them claims of every kind (negated, possible, former, inferred), inside a crowd of entities with long
 * names packed tightly enough that drawing every label would pile them up. All names are invented.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { TYPE_COLORS } from "../../src/graph/palette.js";
import { seededRandom } from "../../src/random.js";
import { ENTITY_TYPES, RELATION_TYPES, SYMMETRIC_RELATIONS, type EntityType, type RelationType } from "../../src/types.js";

const FIRST = ["Kest", "Orva", "Talen", "Brenna", "Vasko", "Lumi", "Sarn", "Fyel", "Ide", "Corra", "Maro", "Nessa"];
const LAST = ["Halvard", "Quorin", "Delmont", "Ystrad", "Pellow", "Varrick", "Ombre", "Tessaly"];
const ORG = ["Holdings", "Shipping Council", "Grain Union", "Rail Authority", "Mining Group", "Press Agency"];

export const HUB = "person:mara-quell";

/** Claim kinds of the hub's first neighbours, in order (the rest are plain assertions). */
export const HUB_CLAIMS = [
  { relation: "member_of", negated: true },
  { relation: "meets", modality: "possible" },
  { relation: "leader_of", modality: "former" },
  { relation: "works_for", inferred: true },
] as const;

export function writeLookGraph(dir: string): void {
  const rand = seededRandom(11);
  const docs = [
    { id: "harbour-talks", title: "Harbour talks", date: "2025-02-03", path: "look/harbour.txt", sha256: "a".repeat(64) },
    { id: "grain-vote", title: "Grain vote", date: "2025-03-10", path: "look/grain.txt", sha256: "b".repeat(64) },
  ];
  const nodes: { key: string; attributes: Record<string, unknown> }[] = [];
  const addNode = (type: EntityType, label: string, x: number, y: number): string => {
    const key = `${type}:${label.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
    nodes.push({
      key,
      attributes: { label, type, aliases: [], mentions: 1 + Math.floor(rand() * 9), docs: [docs[nodes.length % 2]!.id], x, y, size: 4, color: TYPE_COLORS[type], community: nodes.length % 5 },
    });
    return key;
  };
  const hub = addNode("person", "Mara Quell", 0, 0);
  const around: string[] = [];
  for (let i = 0; i < 24; i++) {
    const angle = (2 * Math.PI * i) / 24;
    const type: EntityType = i % 3 === 0 ? "person" : i % 3 === 1 ? "organization" : "country";
    const north = i >= FIRST.length ? "North " : "";
    const label =
      type === "person"
        ? `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`
        : type === "organization"
          ? `${north}${FIRST[i % FIRST.length]} ${ORG[i % ORG.length]}`
          : `${north}Republic of ${FIRST[i % FIRST.length]}ia`;
    around.push(addNode(type, label, 12 * Math.cos(angle), 12 * Math.sin(angle)));
  }
  const crowd: string[] = [];
  for (let i = 0; i < 90; i++) {
    const type = ENTITY_TYPES[i % ENTITY_TYPES.length]!;
    const label = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${ORG[i % ORG.length]} ${i}`;
    crowd.push(addNode(type, label, (rand() - 0.5) * 120, (rand() - 0.5) * 90));
  }
  const edges: Record<string, unknown>[] = [];
  const addEdge = (source: string, target: string, relation: RelationType, claim: Record<string, unknown> = {}): void => {
    const doc = docs[edges.length % 2]!;
    const sentence = `${source} and ${target} were named in the story.`;
    edges.push({
      key: `e${edges.length}`,
      source,
      target,
      ...(SYMMETRIC_RELATIONS.has(relation) ? { undirected: true } : {}),
      attributes: { relation, negated: false, predicate: relation.replace(/_/g, " "), weight: 1, docs: [doc.id], stories: 1, evidence: [{ doc: doc.id, sentence, start: 0, end: sentence.length, date: doc.date }], rules: ["look-fixture"], ...claim },
    });
  };
  around.forEach((node, i) => {
    const claim = HUB_CLAIMS[i];
    if (claim) {
      const { relation, ...qualities } = claim;
      addEdge(hub, node, relation, qualities);
    } else {
      addEdge(hub, node, i % 2 === 0 ? "supports" : "partner_of");
    }
  });
  const typed = RELATION_TYPES.filter((r) => r !== "co_occurs");
  crowd.forEach((node, i) => {
    addEdge(node, crowd[(i * 13 + 5) % crowd.length]!, typed[i % typed.length]!);
    if (i % 3 === 0) addEdge(node, around[i % around.length]!, "meets");
  });
  const graph = {
    attributes: { name: "Look Fixture", documents: docs.length, generatedBy: "test", relationTypes: RELATION_TYPES, entityTypes: ENTITY_TYPES },
    options: { type: "mixed", multi: true, allowSelfLoops: true },
    nodes,
    edges,
  };
  writeFileSync(join(dir, "graph.json"), JSON.stringify(graph));
  writeFileSync(join(dir, "documents.jsonl"), docs.map((d) => JSON.stringify(d)).join("\n") + "\n");
}
