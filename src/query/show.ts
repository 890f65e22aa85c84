/**
 * `show`: the entity card — type, aliases, roles, documents, and every relation grouped by type with the
 * sentences that support it.
 */
import type { DocumentRecord, Evidence, RelationType } from "../types.js";
import type { Direction, EntityRef } from "./edge-view.js";
import { directionFrom, entityRef, claimView, type ClaimView } from "./edge-view.js";
import { compareStrings, relationRank } from "./compare.js";
import { edgeEvidence, newestFirst } from "./evidence.js";
import type { LoadedGraph } from "./load.js";
import { resolveEntity } from "./resolve.js";

/** One relation of the entity, seen from it. */
export interface CardEdge extends ClaimView {
  edge: string;
  other: EntityRef;
  direction: Direction;
  predicate: string;
  weight: number;
  docs: string[];
  /** Supporting sentences, newest document first. */
  evidence: Evidence[];
}

export interface RelationGroup {
  relation: RelationType;
  edges: CardEdge[];
}

export interface EntityCard extends EntityRef {
  aliases: string[];
  roles: string[];
  mentions: number;
  firstSeen?: string;
  lastSeen?: string;
  community?: number;
  /** Number of distinct entities it is linked to. */
  degree: number;
  /** Its documents, with whatever metadata documents.jsonl has (id only when missing). */
  documents: (Pick<DocumentRecord, "id"> & Partial<DocumentRecord>)[];
  /** Relations grouped by type in vocabulary order (co_occurs last), strongest first inside a group. */
  relations: RelationGroup[];
}

export function runShow(kg: LoadedGraph, name: string): EntityCard {
  const key = resolveEntity(kg, name);
  const { graph } = kg;
  const attrs = graph.getNodeAttributes(key);
  const groups = new Map<RelationType, CardEdge[]>();
  graph.forEachEdge(key, (edge, e) => {
    const list = groups.get(e.relation) ?? [];
    list.push({
      edge,
      other: entityRef(kg, graph.opposite(key, edge)),
      direction: directionFrom(kg, edge, key),
      ...claimView(kg, e),
      predicate: e.predicate,
      weight: e.weight,
      docs: e.docs,
      evidence: edgeEvidence(kg, edge).sort(newestFirst),
    });
    groups.set(e.relation, list);
  });
  const relations = [...groups.entries()]
    .sort(([a], [b]) => relationRank(a) - relationRank(b))
    .map(([relation, edges]) => ({
      relation,
      edges: edges.sort((a, b) => b.weight - a.weight || compareStrings(a.other.label, b.other.label) || compareStrings(a.edge, b.edge)),
    }));
  const documents = [...attrs.docs]
    .map((id): EntityCard["documents"][number] => kg.documents.get(id) ?? { id })
    .sort((a, b) => compareStrings(b.date ?? "", a.date ?? "") || compareStrings(a.id, b.id));
  return {
    ...entityRef(kg, key),
    aliases: attrs.aliases,
    roles: attrs.roles ?? [],
    mentions: attrs.mentions,
    ...(attrs.firstSeen !== undefined && { firstSeen: attrs.firstSeen }),
    ...(attrs.lastSeen !== undefined && { lastSeen: attrs.lastSeen }),
    ...(attrs.community !== undefined && { community: attrs.community }),
    degree: graph.neighbors(key).filter((n) => n !== key).length,
    documents,
    relations,
  };
}
