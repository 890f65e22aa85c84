/**
 * CSV export as two files in the Neo4j admin-import format (`neo4j-admin database import full
 * --nodes=nodes.csv --relationships=edges.csv`): typed headers (`key:ID`, `mentions:int`,
 * `aliases:string[]`, `:LABEL`, `:START_ID`, `:END_ID`, `:TYPE`), RFC 4180 quoting (fields with commas,
 * quotes or edge spaces are quoted, quotes doubled), arrays joined with Neo4j's default `;` delimiter.
 * Plain spreadsheet tools read the same files. Relationships in Neo4j are always directed: symmetric
 * relations keep their stored orientation with `directed=false`.
 */
import type { NewsGraph } from "../../types.js";

export interface CsvFiles {
  nodes: string;
  edges: string;
}

const NODE_HEADER = [
  "key:ID",
  "label",
  "type",
  "aliases:string[]",
  "mentions:int",
  "docs:string[]",
  "roles:string[]",
  "firstSeen",
  "lastSeen",
  "community:int",
  "x:double",
  "y:double",
  "size:double",
  "color",
  ":LABEL",
];

const EDGE_HEADER = [
  ":START_ID",
  ":END_ID",
  ":TYPE",
  "key",
  "relation",
  "negated:boolean",
  "directed:boolean",
  "predicate",
  "weight:int",
  "stories:int",
  "docs:string[]",
  "rules:string[]",
  "evidence",
];

export function toNeo4jCsv(graph: NewsGraph): CsvFiles {
  const nodes = [NODE_HEADER.join(",")];
  graph.forEachNode((key, a) => {
    nodes.push(
      row([key, a.label, a.type, list(a.aliases), a.mentions, list(a.docs), list(a.roles ?? []), a.firstSeen, a.lastSeen, a.community, a.x, a.y, a.size, a.color, `Entity;${neo4jLabel(a.type)}`]),
    );
  });
  const edges = [EDGE_HEADER.join(",")];
  graph.forEachEdge((key, a, source, target, _s, _t, undirected) => {
    edges.push(
      row([source, target, neo4jType(a.relation), key, a.relation, a.negated, !undirected, a.predicate, a.weight, a.stories, list(a.docs), list(a.rules), JSON.stringify(a.evidence)]),
    );
  });
  return { nodes: nodes.join("\n") + "\n", edges: edges.join("\n") + "\n" };
}

/** A Neo4j node label from an entity type: `organization` -> `Organization`. */
export function neo4jLabel(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** A Neo4j relationship type from a relation: `leader_of` -> `LEADER_OF`. */
export function neo4jType(relation: string): string {
  return relation.toUpperCase();
}

/** Join array items with Neo4j's array delimiter; a `;` inside an item (which it cannot escape) becomes `,`. */
function list(items: readonly string[]): string {
  return items.map((i) => i.replace(/;/g, ",")).join(";");
}

function row(values: (string | number | boolean | undefined)[]): string {
  return values.map(field).join(",");
}

/** One CSV field: empty for a missing value, quoted when needed; line breaks become spaces (one record per line). */
function field(value: string | number | boolean | undefined): string {
  if (value === undefined) return "";
  const text = String(value).replace(/\r\n|[\r\n]/g, " ");
  return /[",;]|^\s|\s$/.test(text) || text === "" ? `"${text.replace(/"/g, '""')}"` : text;
}
