/**
 * What the viewer fetches from `newsgraph serve` (the graph itself comes through app/load-graph.ts):
 * which files the graph folder holds, the document records, and one document's text with its mention
 * spans. URLs are relative so the viewer works under any path.
 */
import {
  parseJsonLines,
  type DocumentRecord,
  type DocumentText,
  type Evidence,
} from "../core/model.js";

/** The answer of `api/info`: which optional files the graph folder holds. */
export interface ServerInfo {
  documents: boolean;
  texts: boolean;
  /** evidence.jsonl: the full evidence of edges whose list graph.json caps. */
  evidence: boolean;
}

async function fetchOk(url: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status} ${response.statusText}`);
  return response;
}

export async function fetchInfo(): Promise<ServerInfo> {
  return (await fetchOk("api/info")).json();
}

export async function fetchDocuments(): Promise<DocumentRecord[]> {
  return parseJsonLines<DocumentRecord>(await (await fetchOk("data/documents.jsonl")).text());
}

export async function fetchDocumentText(id: string): Promise<DocumentText> {
  return (await fetchOk(`api/text?id=${encodeURIComponent(id)}`)).json();
}

/** The full evidence of an edge, or null when the sidecar holds nothing beyond graph.json. */
export async function fetchEdgeEvidence(edge: string): Promise<Evidence[] | null> {
  const body = (await (await fetchOk(`api/evidence?edge=${encodeURIComponent(edge)}`)).json()) as { evidence: Evidence[] | null };
  return body.evidence;
}
