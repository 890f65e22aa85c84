/**
 * Writes a graph folder: graph.json, documents.jsonl, texts.jsonl (text and mention spans for the
 * viewer) and merges.jsonl. Every file is first written to a temporary name and renamed into place only
 * once all of them are complete, so a failed build never leaves a half-written or mixed folder.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { DocumentRecord, NewsGraph } from "../types.js";
import type { MergeRecord } from "./resolve-corpus.js";

export interface DocumentText {
  id: string;
  text: string;
  mentions: { node: string; start: number; end: number }[];
}

export interface GraphFolder {
  graph: NewsGraph;
  documents: DocumentRecord[];
  texts: DocumentText[];
  merges: MergeRecord[];
}

export const GRAPH_FILE = "graph.json";
export const DOCUMENTS_FILE = "documents.jsonl";
export const TEXTS_FILE = "texts.jsonl";
export const MERGES_FILE = "merges.jsonl";

const jsonl = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).join("\n") + (rows.length ? "\n" : "");

/** Serialize the graph exactly as graph.json holds it. */
export function serializeGraph(graph: NewsGraph): string {
  return JSON.stringify(graph.export()) + "\n";
}

/** Write files atomically: all to temporary names first, then renamed into place. */
export function writeFilesAtomically(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  const temps: [string, string][] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const tmp = join(dir, `.${name}.tmp-${process.pid}`);
      writeFileSync(tmp, content);
      temps.push([tmp, join(dir, name)]);
    }
  } catch (err) {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
    throw err;
  }
  for (const [tmp, final] of temps) renameSync(tmp, final);
}

/** Write a whole graph folder. */
export function writeGraphFolder(dir: string, folder: GraphFolder, extra: Record<string, string> = {}): void {
  writeFilesAtomically(dir, {
    [GRAPH_FILE]: serializeGraph(folder.graph),
    [DOCUMENTS_FILE]: jsonl(folder.documents),
    [TEXTS_FILE]: jsonl(folder.texts),
    [MERGES_FILE]: jsonl(folder.merges),
    ...extra,
  });
}
