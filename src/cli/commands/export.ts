/**
 * `newsgraph export --format F [--out PATH]`: the graph as GEXF, GraphML, Neo4j CSV, Cypher, DOT or
 * JSON-LD. Single-file formats go to stdout without --out; csv writes nodes.csv and edges.csv into a folder.
 */
import type { Command } from "commander";
import { NewsgraphError } from "../../errors.js";
import { EXPORT_FORMATS, exportGraph, writeExport } from "../../graph/export/index.js";
import { DEFAULT_GRAPH_DIR, loadGraph } from "../../query/load.js";

interface ExportCliOptions {
  graph: string;
  format: string;
  out?: string;
}

export function registerExport(program: Command): void {
  program
    .command("export")
    .description("export the graph for Gephi, Neo4j, Graphviz and linked-data tools")
    .requiredOption("-f, --format <format>", `one of ${EXPORT_FORMATS.join(", ")}`)
    .option("-g, --graph <dir>", "graph folder written by `newsgraph build`", DEFAULT_GRAPH_DIR)
    .option("-o, --out <path>", "output file (folder for csv); stdout when omitted")
    .action((opts: ExportCliOptions) => {
      const kg = loadGraph(opts.graph);
      const result = exportGraph(kg.graph, opts.format, { documents: kg.documents.values() });
      if (opts.out === undefined) {
        if (result.folder) {
          throw new NewsgraphError("BAD_ARGUMENT", `${result.format} export writes ${result.files.map((f) => f.name).join(" and ")}: give --out <folder>`);
        }
        process.stdout.write(result.files[0]!.content);
        return;
      }
      for (const path of writeExport(result, opts.out)) process.stdout.write(`wrote ${path}\n`);
    });
}
