/**
 * graph.json as the viewer loads it (the server sends it as GET /api/graph, src/server/viewer-graph-body.ts):
 * a summary of the co-occurrences the viewer holds out of its first frame, then the graph with those
 * co-occurrences moved after every other edge (each group in file order). The viewer's loader imports the
 * edges before them at once and stops reading there until the first frame is shown; the summary lets it
 * count the rest meanwhile (where their ends are, and their tally) without parsing them
 * (viewer/src/app/graph-loader.worker.ts). A news graph's co-occurrences are most of its relations and
 * most of graph.json's bytes.
 */
import { emptyTally, tallyEdge, type EdgeTally } from "./edge-tally.js";
import type { EdgeAttributes } from "../types.js";

export interface CoOccurrenceSummary {
  /** Edges listed before the held co-occurrences: every edge but them. */
  typed: number;
  /** Node positions (in the order of the node list) of each held co-occurrence's source and target, one after the other. */
  ends: number[];
  tally: EdgeTally;
}

interface SerializedEdge {
  key?: unknown;
  source?: unknown;
  target?: unknown;
  attributes?: Partial<EdgeAttributes>;
}

/**
 * The JSON text of a parsed graph.json as the viewer loads it: `{"coOccurrences": summary, ...graph}`, the
 * held co-occurrences last. A co-occurrence is held when it has a key (graphology would name a keyless
 * edge by a counter, and the same edge imported later would get another name) and both its ends are
 * nodes of the file; every other edge is imported at once, and fails there if it is malformed.
 */
export function viewerGraphJson(data: unknown): string {
  const graph = (data ?? {}) as { nodes?: unknown; edges?: unknown };
  const { nodes, edges } = graph;
  const position = new Map<unknown, number>();
  if (Array.isArray(nodes)) nodes.forEach((node: { key?: unknown } | null, i) => position.set(node?.key, i));
  const typed: unknown[] = [];
  const held: unknown[] = [];
  const ends: number[] = [];
  const tally = emptyTally();
  for (const edge of Array.isArray(edges) ? (edges as (SerializedEdge | null)[]) : []) {
    const attrs = edge?.attributes;
    const source = position.get(edge?.source);
    const target = position.get(edge?.target);
    if (attrs?.relation !== "co_occurs" || typeof edge?.key !== "string" || source === undefined || target === undefined) {
      typed.push(edge);
      continue;
    }
    held.push(edge);
    ends.push(source, target);
    tallyEdge(tally, attrs as EdgeAttributes);
  }
  const summary: CoOccurrenceSummary = { typed: typed.length, ends, tally };
  // The summary first, for the loader to read before the edges; a file without an edge list keeps none.
  return JSON.stringify({ coOccurrences: summary, ...graph, ...(Array.isArray(edges) ? { edges: typed.concat(held) } : {}) });
}
