/**
 * The build pipeline: read the corpus, extract each document, resolve entities across documents,
 * assemble the graph, lay it out, and write the graph folder. Returns a summary; progress and warnings
 * go to callbacks so the library never prints.
 */
import { basename, resolve } from "node:path";
import { readDocuments } from "../corpus/read.js";
import { extractDocument } from "../extract/index.js";
import { assembleGraph } from "../graph/assemble.js";
import { layoutGraph } from "../graph/layout.js";
import { readUserAliases, resolveCorpus } from "../graph/resolve-corpus.js";
import { writeGraphFolder, type DocumentText } from "../graph/write.js";
import type { DocExtraction, EntityType, NewsGraph, RelationType } from "../types.js";

export interface BuildOptions {
  /** Output folder. */
  out?: string;
  /** Warn and skip bad files or JSONL lines instead of failing. */
  skipBad?: boolean;
  /** User alias file (forced merges and splits). */
  aliases?: string;
  /** Graph name; defaults to the first input's base name. */
  name?: string;
  /** Called after each document with the count so far. */
  onProgress?: (done: number) => void;
  onWarning?: (message: string) => void;
}

export const BUILD_DEFAULTS = { out: "graph-out" } as const;

export interface BuildSummary {
  out: string;
  documents: number;
  nodes: number;
  edges: number;
  entitiesByType: Partial<Record<EntityType, number>>;
  relationsByType: Partial<Record<RelationType, number>>;
  merges: number;
  ms: number;
}

/** Count nodes by type and edges by relation. */
export function countGraph(graph: NewsGraph): Pick<BuildSummary, "entitiesByType" | "relationsByType"> {
  const entitiesByType: Partial<Record<EntityType, number>> = {};
  const relationsByType: Partial<Record<RelationType, number>> = {};
  graph.forEachNode((_n, a) => (entitiesByType[a.type] = (entitiesByType[a.type] ?? 0) + 1));
  graph.forEachEdge((_e, a) => (relationsByType[a.relation] = (relationsByType[a.relation] ?? 0) + 1));
  return { entitiesByType, relationsByType };
}

/** Build a graph folder from article files and folders. */
export function build(inputs: string[], options: BuildOptions = {}, now: () => number = () => performance.now()): BuildSummary {
  const t0 = now();
  const out = resolve(options.out ?? BUILD_DEFAULTS.out);
  const aliases = options.aliases ? readUserAliases(options.aliases) : undefined;
  const extractions: DocExtraction[] = [];
  const texts: { id: string; text: string }[] = [];
  const readOptions = options.onWarning ? { skipBad: options.skipBad ?? false, onWarning: options.onWarning } : { skipBad: options.skipBad ?? false };
  for (const doc of readDocuments(inputs, readOptions)) {
    extractions.push(extractDocument(doc));
    texts.push({ id: doc.id, text: doc.text });
    options.onProgress?.(extractions.length);
  }
  const resolution = resolveCorpus(extractions, aliases);
  const { graph, nodeKeys } = assembleGraph(extractions, resolution, { name: options.name ?? basename(resolve(inputs[0] ?? "newsgraph")) });
  layoutGraph(graph);

  const docTexts: DocumentText[] = extractions.map((x, i) => {
    const mentions = x.entities.flatMap((e) => {
      const node = nodeKeys[resolution.indexOf.get(`${x.doc.id}/${e.id}`)!]!;
      return e.mentions.map((m) => ({ node, start: m.start, end: m.end }));
    });
    mentions.sort((a, b) => a.start - b.start || a.end - b.end || a.node.localeCompare(b.node));
    return { id: x.doc.id, text: texts[i]!.text, mentions };
  });
  writeGraphFolder(out, { graph, documents: extractions.map((x) => x.doc), texts: docTexts, merges: resolution.merges });
  return { out, documents: extractions.length, nodes: graph.order, edges: graph.size, ...countGraph(graph), merges: resolution.merges.length, ms: now() - t0 };
}
