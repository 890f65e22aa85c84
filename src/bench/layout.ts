/**
 * Layout benchmark: lays out built graphs again (the graph.json of a graph folder) with the default
 * settings and with a thorough reference (more ForceAtlas2 iterations on a larger core), and prints the
 * CPU time of each with its quality (src/bench/layout-quality.ts), so that a faster layout shows what it
 * costs in picture. Run: `node dist/src/bench/layout.js <graph folder>...`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { formatTable, handleError } from "../cli/output.js";
import { computeLayout, layoutInput, type LayoutInput, type LayoutOptions } from "../graph/layout.js";
import { GRAPH_FILE } from "../graph/write.js";
import type { RelationType } from "../types.js";
import { layoutQuality, type LayoutQuality } from "./layout-quality.js";

/** The layout input of a built graph folder, as the build computed it. */
export function readLayoutInput(dir: string): LayoutInput {
  const data = JSON.parse(readFileSync(join(dir, GRAPH_FILE), "utf8")) as {
    nodes: { key: string }[];
    edges: { source: string; target: string; attributes: { relation: RelationType; weight: number } }[];
  };
  return layoutInput(
    data.nodes.map((n) => n.key),
    data.edges.map((e) => ({ source: e.source, target: e.target, relation: e.attributes.relation, weight: e.attributes.weight })),
  );
}

/** A layout setting benchmarked. */
export interface LayoutVariant {
  name: string;
  options: LayoutOptions;
}

/** The defaults, and a thorough reference to measure their quality against. */
export const LAYOUT_VARIANTS: LayoutVariant[] = [
  { name: "default", options: {} },
  { name: "thorough (4,000-node core, 300 iterations)", options: { coreNodes: 4000, iterations: 300 } },
];

export interface LayoutBenchRow extends LayoutQuality {
  graph: string;
  variant: string;
  /** Nodes and node pairs (edges of the simple projection) of the whole graph. */
  order: number;
  pairs: number;
  /** CPU milliseconds of `computeLayout` (communities included). */
  cpuMs: number;
}

/** Lay out each graph folder with each variant; CPU time and quality of each. */
export function benchLayout(dirs: readonly string[], variants: readonly LayoutVariant[] = LAYOUT_VARIANTS): LayoutBenchRow[] {
  const rows: LayoutBenchRow[] = [];
  for (const dir of dirs) {
    const input = readLayoutInput(dir);
    for (const variant of variants) {
      const start = process.cpuUsage();
      const result = computeLayout(input, variant.options);
      const cpu = process.cpuUsage(start);
      rows.push({
        graph: dir,
        variant: variant.name,
        order: input.nodes.length,
        pairs: input.weights.length,
        cpuMs: (cpu.user + cpu.system) / 1000,
        ...layoutQuality(input, result.x, result.y),
      });
    }
  }
  return rows;
}

/** The rows as a table. */
export function formatLayoutBench(rows: readonly LayoutBenchRow[]): string {
  return formatTable(
    ["graph", "nodes", "pairs", "layout", "CPU s", "main comp.", "stress", "crossings", "neighbourhood"],
    rows.map((r) => [r.graph, r.order, r.pairs, r.variant, (r.cpuMs / 1000).toFixed(2), r.nodes, r.stress.toFixed(3), (r.crossings * 100).toFixed(2) + "%", r.neighbourhood.toFixed(3)]),
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  try {
    process.stdout.write(formatLayoutBench(benchLayout(process.argv.slice(2))) + "\n");
  } catch (err) {
    handleError(err);
  }
}
