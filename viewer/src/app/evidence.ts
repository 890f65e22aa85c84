/**
 * The one place the viewer reads evidence: the sentences graph.json carries for an edge at once, and on
 * demand the full list from the server (evidence.jsonl) when graph.json keeps a capped one.
 */
import { evidenceCapped, sortedEvidence } from "../core/evidence.js";
import type { Evidence, ViewerGraph } from "../core/model.js";
import { fetchEdgeEvidence } from "./api.js";

export interface EvidenceReader {
  /** The sentences at hand (graph.json), in order. */
  inline(edge: string): Evidence[];
  /** How many sentences can be shown for the edge in all. */
  total(edge: string): number;
  /** Every sentence, fetched when graph.json holds only some. */
  all(edge: string): Promise<Evidence[]>;
}

export function createEvidenceReader(graph: ViewerGraph, hasSidecar: boolean): EvidenceReader {
  const fetched = new Map<string, Promise<Evidence[]>>();
  const inline = (edge: string) => sortedEvidence(graph.getEdgeAttribute(edge, "evidence"));
  return {
    inline,
    // Without the sidecar, what graph.json holds is all there is to show.
    total: (edge) => {
      const attrs = graph.getEdgeAttributes(edge);
      return hasSidecar ? Math.max(attrs.weight, attrs.evidence.length) : attrs.evidence.length;
    },
    all(edge) {
      if (!hasSidecar || !evidenceCapped(graph.getEdgeAttributes(edge))) return Promise.resolve(inline(edge));
      let full = fetched.get(edge);
      if (!full) {
        full = fetchEdgeEvidence(edge).then((evidence) => (evidence ? sortedEvidence(evidence) : inline(edge)));
        fetched.set(edge, full);
        full.catch(() => fetched.delete(edge));
      }
      return full;
    },
  };
}
