/**
 * The viewer's data model: the graph as the build wrote it (graph.json, imported into a graphology
 * mixed multigraph), the document records of documents.jsonl and the per-document texts with the
 * character spans of each entity's mentions (texts.jsonl, fetched one document at a time).
 */
import Graph from "graphology";
import type { SerializedGraph } from "graphology-types";
import type {
  DocumentRecord,
  EdgeAttributes,
  GraphAttributes,
  NewsGraph,
  NodeAttributes,
} from "../../../src/types.js";

export type { DocumentRecord, EdgeAttributes, Evidence, GraphAttributes, NodeAttributes } from "../../../src/types.js";
export type { EntityType, Modality, RelationType } from "../../../src/types.js";
export { ENTITY_TYPES, RELATION_TYPES } from "../../../src/types.js";

/** The knowledge graph as the viewer holds it. */
export type ViewerGraph = NewsGraph;

/** One mention span of an entity in a document text (a line of texts.jsonl). */
export interface TextMention {
  node: string;
  start: number;
  end: number;
}

/** A document's text with every entity mention marked. */
export interface DocumentText {
  id: string;
  text: string;
  mentions: TextMention[];
}

/** Documents by id. */
export type DocumentTable = ReadonlyMap<string, DocumentRecord>;

/** Import a graph.json export into a mixed multigraph. */
export function importGraph(data: SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>): ViewerGraph {
  const graph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
  graph.import(data);
  return graph;
}

/** Parse JSON Lines text, skipping blank lines. */
export function parseJsonLines<T>(text: string): T[] {
  const out: T[] = [];
  for (const line of text.split("\n")) {
    const trimmed = line.trim();
    if (trimmed !== "") out.push(JSON.parse(trimmed) as T);
  }
  return out;
}

/** Index document records by id. */
export function documentTable(records: readonly DocumentRecord[]): DocumentTable {
  return new Map(records.map((r) => [r.id, r]));
}
