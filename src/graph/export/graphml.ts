/**
 * GraphML export (Gephi, yEd, Cytoscape, NetworkX). graphology-graphml only parses, so this writes the
 * XML itself: one typed <key> per attribute, `edgedefault="undirected"` with `directed="true"` on
 * directed edges (so the undirected symmetric relations stay undirected), lists as JSON strings since
 * GraphML has no list type.
 */
import type { NewsGraph } from "../../types.js";
import { escapeXml } from "./xml.js";

type KeyType = "string" | "int" | "double" | "boolean";
type Domain = "graph" | "node" | "edge";
interface KeySpec {
  domain: Domain;
  name: string;
  type: KeyType;
}

const KEYS: KeySpec[] = [
  { domain: "graph", name: "name", type: "string" },
  { domain: "graph", name: "documents", type: "int" },
  { domain: "graph", name: "generatedBy", type: "string" },
  { domain: "graph", name: "relationTypes", type: "string" },
  { domain: "graph", name: "entityTypes", type: "string" },
  { domain: "node", name: "label", type: "string" },
  { domain: "node", name: "type", type: "string" },
  { domain: "node", name: "aliases", type: "string" },
  { domain: "node", name: "mentions", type: "int" },
  { domain: "node", name: "docs", type: "string" },
  { domain: "node", name: "roles", type: "string" },
  { domain: "node", name: "firstSeen", type: "string" },
  { domain: "node", name: "lastSeen", type: "string" },
  { domain: "node", name: "community", type: "int" },
  { domain: "node", name: "x", type: "double" },
  { domain: "node", name: "y", type: "double" },
  { domain: "node", name: "size", type: "double" },
  { domain: "node", name: "color", type: "string" },
  { domain: "edge", name: "relation", type: "string" },
  { domain: "edge", name: "negated", type: "boolean" },
  { domain: "edge", name: "predicate", type: "string" },
  { domain: "edge", name: "weight", type: "double" },
  { domain: "edge", name: "stories", type: "int" },
  { domain: "edge", name: "docs", type: "string" },
  { domain: "edge", name: "rules", type: "string" },
  { domain: "edge", name: "evidence", type: "string" },
];

const keyId = (spec: KeySpec): string => `${spec.domain[0]}_${spec.name}`;

export function toGraphml(graph: NewsGraph): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const spec of KEYS) {
    out.push(`  <key id="${keyId(spec)}" for="${spec.domain}" attr.name="${spec.name}" attr.type="${spec.type}"/>`);
  }
  out.push('  <graph id="G" edgedefault="undirected">');
  out.push(...dataLines("graph", graph.getAttributes(), "    "));
  graph.forEachNode((key, attrs) => {
    out.push(`    <node id="${escapeXml(key)}">`, ...dataLines("node", attrs, "      "), "    </node>");
  });
  graph.forEachEdge((key, attrs, source, target, _s, _t, undirected) => {
    const directed = undirected ? "" : ' directed="true"';
    out.push(
      `    <edge id="${escapeXml(key)}" source="${escapeXml(source)}" target="${escapeXml(target)}"${directed}>`,
      ...dataLines("edge", attrs, "      "),
      "    </edge>",
    );
  });
  out.push("  </graph>", "</graphml>");
  return out.join("\n") + "\n";
}

function dataLines(domain: Domain, attrs: object, indent: string): string[] {
  const record = attrs as Record<string, unknown>;
  return KEYS.filter((spec) => spec.domain === domain && record[spec.name] !== undefined && record[spec.name] !== null).map(
    (spec) => `${indent}<data key="${keyId(spec)}">${escapeXml(formatValue(record[spec.name]))}</data>`,
  );
}

function formatValue(value: unknown): string {
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
