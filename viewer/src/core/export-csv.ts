/**
 * The selected entity's relations as CSV, as the panel shows them (the relations the filters let
 * through): one row per evidence sentence (one per relation when graph.json carries none), with the
 * claim's polarity, modality, confidence and support. Fields are quoted per RFC 4180.
 */
import { sortedEvidence } from "./evidence.js";
import type { ViewerGraph } from "./model.js";
import { groupRelations } from "./relations.js";

const HEADER = ["source", "relation", "target", "negated", "modality", "inferred", "confidence", "weight", "document", "date", "sentence"];

/** One CSV field: quoted when it holds a comma, a quote or a line break. */
export function csvField(value: string | number | boolean | undefined): string {
  const text = value === undefined ? "" : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of an entity's shown relations with their evidence. */
export function relationsCsv(graph: ViewerGraph, node: string, isShown: (edge: string) => boolean): string {
  const rows = [HEADER];
  const { groups } = groupRelations(graph, node, isShown);
  for (const group of groups) {
    for (const item of group.items) {
      const source = graph.getNodeAttribute(graph.source(item.edge), "label");
      const target = graph.getNodeAttribute(graph.target(item.edge), "label");
      const claim = [source, group.relation, target, item.negated, item.modality, item.inferred, item.confidence?.toFixed(3), item.weight];
      const evidence = sortedEvidence(graph.getEdgeAttribute(item.edge, "evidence"));
      if (evidence.length === 0) rows.push([...claim, "", "", ""].map(csvField));
      for (const ev of evidence) rows.push([...claim, ev.doc, ev.date, ev.sentence].map(csvField));
    }
  }
  return rows.map((r) => r.join(",")).join("\r\n") + "\r\n";
}
