/**
 * DOT export for Graphviz (`dot -Tsvg graph.dot`, `sfdp` for large graphs): one digraph; symmetric
 * relations drawn without arrowheads, negated relations dashed and labelled "not ...", co-occurrence
 * dotted and grey. Node fill colours and the force layout's positions (as `pos`, honoured by
 * `neato -n`) come from the graph.
 */
import type { NewsGraph } from "../../types.js";

export function toDot(graph: NewsGraph): string {
  const lines = [
    `digraph ${quote(graph.getAttribute("name") || "newsgraph")} {`,
    "  graph [overlap=false, splines=true];",
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fillcolor="#dddddd"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  graph.forEachNode((key, a) => {
    const attrs: Record<string, string> = { label: a.label, tooltip: `${a.type}: ${[a.label, ...a.aliases].join(" / ")}` };
    if (/^#[0-9a-f]{6}$/i.test(a.color ?? "")) attrs.fillcolor = a.color;
    if (Number.isFinite(a.x) && Number.isFinite(a.y)) attrs.pos = `${a.x},${a.y}`;
    lines.push(`  ${quote(key)} ${attributeList(attrs)};`);
  });
  graph.forEachEdge((key, a, source, target, _s, _t, undirected) => {
    const attrs: Record<string, string> = {
      id: key,
      label: a.relation === "co_occurs" ? "" : a.negated ? `not ${a.relation}` : a.relation,
      tooltip: a.predicate,
      weight: String(Math.max(1, Math.round(a.weight))),
    };
    if (undirected) attrs.dir = "none";
    if (a.relation === "co_occurs") Object.assign(attrs, { style: "dotted", color: "#999999" });
    else if (a.negated) Object.assign(attrs, { style: "dashed", color: "#c0392b", fontcolor: "#c0392b" });
    lines.push(`  ${quote(source)} -> ${quote(target)} ${attributeList(attrs)};`);
  });
  lines.push("}");
  return lines.join("\n") + "\n";
}

function attributeList(attrs: Record<string, string>): string {
  return `[${Object.entries(attrs)
    .map(([k, v]) => `${k}=${quote(v)}`)
    .join(", ")}]`;
}

/** A DOT double-quoted string: backslashes and quotes escaped, line breaks as \n. */
export function quote(text: string): string {
  return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\r\n|[\r\n]/g, "\\n")}"`;
}
