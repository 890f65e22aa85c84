/**
 * Exports of the graph to the tools analysts already use: GEXF and GraphML (Gephi, Gephi Lite, Retina,
 * yEd), CSV in the Neo4j admin-import format, a Cypher MERGE script, DOT for Graphviz, and JSON-LD with
 * schema.org types. `exportGraph` returns the files as text; `writeExport` writes them atomically.
 */
import { existsSync, statSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { NewsgraphError } from "../../errors.js";
import type { DocumentRecord, NewsGraph } from "../../types.js";
import { toNeo4jCsv } from "./csv.js";
import { toCypher } from "./cypher.js";
import { toDot } from "./dot.js";
import { toGexf } from "./gexf.js";
import { toGraphml } from "./graphml.js";
import { toJsonLd } from "./jsonld.js";
import { writeFilesAtomically } from "../write.js";

export const EXPORT_FORMATS = ["gexf", "graphml", "csv", "cypher", "dot", "jsonld"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: string): value is ExportFormat {
  return (EXPORT_FORMATS as readonly string[]).includes(value);
}

export interface ExportFile {
  /** File name inside the output folder (or the default name of a single-file export). */
  name: string;
  content: string;
}

export interface ExportResult {
  format: ExportFormat;
  /** True when the format is a folder of files (csv). */
  folder: boolean;
  files: ExportFile[];
}

export interface ExportOptions {
  /** Document metadata, used by JSON-LD for the articles. */
  documents?: Iterable<DocumentRecord>;
}

/** Render the graph in one of EXPORT_FORMATS. */
export function exportGraph(graph: NewsGraph, format: string, options: ExportOptions = {}): ExportResult {
  if (!isExportFormat(format)) {
    throw new NewsgraphError("BAD_ARGUMENT", `unknown export format "${format}"; use one of ${EXPORT_FORMATS.join(", ")}`, { format });
  }
  const single = (content: string, extension: string): ExportResult => ({ format, folder: false, files: [{ name: `graph.${extension}`, content }] });
  switch (format) {
    case "gexf":
      return single(toGexf(graph), "gexf");
    case "graphml":
      return single(toGraphml(graph), "graphml");
    case "cypher":
      return single(toCypher(graph), "cypher");
    case "dot":
      return single(toDot(graph), "dot");
    case "jsonld":
      return single(toJsonLd(graph, options.documents), "jsonld");
    case "csv": {
      const { nodes, edges } = toNeo4jCsv(graph);
      return { format, folder: true, files: [{ name: "nodes.csv", content: nodes }, { name: "edges.csv", content: edges }] };
    }
  }
}

/**
 * Write an export to `out`, atomically (temporary files renamed into place): a folder export into that
 * folder (created if needed); a single file to that path, or under its default name when `out` is an
 * existing folder. Returns the paths written.
 */
export function writeExport(result: ExportResult, out: string): string[] {
  if (result.folder && existsSync(out) && !isDirectory(out)) {
    throw new NewsgraphError("BAD_ARGUMENT", `${result.format} export writes a folder, but ${out} is a file`, { path: out });
  }
  const file = result.files[0]!;
  const [dir, files] =
    result.folder || isDirectory(out)
      ? [out, result.files]
      : [dirname(out), [{ name: basename(out), content: file.content }]];
  try {
    writeFilesAtomically(dir, Object.fromEntries(files.map((f) => [f.name, f.content])));
  } catch (err) {
    // An export's --out is an argument: a path that cannot be written is a bad one (with the reason).
    if (err instanceof NewsgraphError) throw new NewsgraphError("BAD_ARGUMENT", err.message, err.context);
    throw new NewsgraphError("BAD_ARGUMENT", `cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { path: out });
  }
  return files.map((f) => join(dir, f.name));
}

function isDirectory(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}
