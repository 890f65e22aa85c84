/**
 * What the viewer needs to keep graph.json's co-occurrences out of its first frame without parsing them
 * (the server sends it as GET /api/co-occurrences, src/server/co-occurrence-body.ts): which edges of the
 * file are held co-occurrences, in file order, the positions in the node list of their ends, and their
 * tally (count, largest weight, claim kinds). With it, the viewer's loader cuts graph.json's edges into
 * the relations it imports at once and the co-occurrences it keeps as text for later, without a
 * JSON.parse of its own (viewer/src/app/graph-loader.worker.ts). It is tagged with the ETag of the
 * graph.json it was made from, so that the viewer can tell a summary of another version of the file.
 */
import { emptyTally, tallyEdge, type EdgeTally } from "./edge-tally.js";
import type { EdgeAttributes } from "../types.js";

export interface CoOccurrenceSummary {
  /** The ETag under which the server sends the graph.json this summary was made from. */
  etag: string;
  /** One character per edge of graph.json, in file order: "1" for a held co-occurrence, "0" for an edge imported at once. */
  held: string;
  /** Node positions (in file order) of each held co-occurrence's source and target, one after the other. */
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
 * The summary of a parsed graph.json. A co-occurrence is held when it has a key (graphology would name a
 * keyless edge by a counter, and the same edge imported later would get another name) and both its ends
 * are nodes of the file; every other edge is imported at once, and fails there if it is malformed.
 */
export function summarizeCoOccurrences(data: unknown, etag: string): CoOccurrenceSummary {
  const { nodes, edges } = (data ?? {}) as { nodes?: unknown; edges?: unknown };
  const position = new Map<unknown, number>();
  if (Array.isArray(nodes)) nodes.forEach((node: { key?: unknown } | null, i) => position.set(node?.key, i));
  const held: string[] = [];
  const ends: number[] = [];
  const tally = emptyTally();
  for (const edge of Array.isArray(edges) ? (edges as (SerializedEdge | null)[]) : []) {
    const attrs = edge?.attributes;
    const source = position.get(edge?.source);
    const target = position.get(edge?.target);
    const hold = attrs?.relation === "co_occurs" && typeof edge?.key === "string" && source !== undefined && target !== undefined;
    held.push(hold ? "1" : "0");
    if (!hold) continue;
    ends.push(source, target);
    tallyEdge(tally, attrs as EdgeAttributes);
  }
  return { etag, held: held.join(""), ends, tally };
}
