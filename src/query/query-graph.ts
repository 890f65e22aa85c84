/**
 * The read-only view of a graph the queries use: the few graphology methods they call, over the node and
 * edge attributes they read. A graphology `NewsGraph` is one; the graph read from a query index
 * (indexed-graph.ts) is another, so a query never needs the whole graph.json in memory. Type-only: the
 * viewer shares path-search.ts, which uses it.
 */
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../types.js";

/** The node attributes queries read (not the layout: x, y, size, color; a graph.json may lack `community`). */
export type QueryNodeAttributes = Pick<NodeAttributes, "label" | "type" | "aliases" | "mentions" | "docs" | "firstSeen" | "lastSeen" | "roles"> & { community?: number };

/** The edge attributes queries read (all but `stories`). */
export type QueryEdgeAttributes = Omit<EdgeAttributes, "stories">;

export interface QueryGraph {
  readonly order: number;
  readonly size: number;
  getAttribute<Name extends keyof GraphAttributes>(name: Name): GraphAttributes[Name];
  hasNode(node: string): boolean;
  getNodeAttributes(node: string): QueryNodeAttributes;
  forEachNode(callback: (node: string, attributes: QueryNodeAttributes) => void): void;
  mapNodes<T>(callback: (node: string, attributes: QueryNodeAttributes) => T): T[];
  /** The distinct entities linked to `node` (itself included when it has a self-loop). */
  neighbors(node: string): string[];
  forEachEdge(callback: (edge: string, attributes: QueryEdgeAttributes, source: string, target: string) => void): void;
  forEachEdge(node: string, callback: (edge: string, attributes: QueryEdgeAttributes) => void): void;
  getEdgeAttributes(edge: string): QueryEdgeAttributes;
  getEdgeAttribute<Name extends keyof QueryEdgeAttributes>(edge: string, name: Name): QueryEdgeAttributes[Name];
  source(edge: string): string;
  opposite(node: string, edge: string): string;
  isUndirected(edge: string): boolean;
}
