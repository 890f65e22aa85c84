/**
 * Cypher export: a script of idempotent MERGE statements a Neo4j server runs with `cypher-shell -f`.
 * Entities get the label `Entity` plus their type (`Person`, ...) and are merged on a unique `key`;
 * relations are merged on their edge key with the upper-cased relation as type. Symmetric relations keep
 * their stored orientation with `directed: false`. Strings are single-quoted with backslash escapes.
 */
import type { NewsGraph } from "../../types.js";
import { neo4jLabel, neo4jType } from "./csv.js";

export function toCypher(graph: NewsGraph): string {
  const lines = [
    `// newsgraph export of ${literal(graph.getAttribute("name") ?? "")}: ${graph.order} entities, ${graph.size} relations.`,
    "// Run with: cypher-shell -f graph.cypher",
    "CREATE CONSTRAINT newsgraph_entity_key IF NOT EXISTS FOR (n:Entity) REQUIRE n.key IS UNIQUE;",
  ];
  graph.forEachNode((key, a) => {
    const props = map({
      label: a.label,
      type: a.type,
      aliases: a.aliases,
      mentions: a.mentions,
      docs: a.docs,
      roles: a.roles,
      firstSeen: a.firstSeen,
      lastSeen: a.lastSeen,
      community: a.community,
    });
    lines.push(`MERGE (n:Entity {key: ${literal(key)}}) SET n:\`${neo4jLabel(a.type)}\`, n += ${props};`);
  });
  graph.forEachEdge((key, a, source, target, _s, _t, undirected) => {
    const props = map({
      relation: a.relation,
      negated: a.negated,
      directed: !undirected,
      predicate: a.predicate,
      weight: a.weight,
      stories: a.stories,
      docs: a.docs,
      rules: a.rules,
      evidence: JSON.stringify(a.evidence),
    });
    lines.push(
      `MATCH (a:Entity {key: ${literal(source)}}) MATCH (b:Entity {key: ${literal(target)}}) ` +
        `MERGE (a)-[r:\`${neo4jType(a.relation)}\` {key: ${literal(key)}}]->(b) SET r += ${props};`,
    );
  });
  return lines.join("\n") + "\n";
}

type Value = string | number | boolean | readonly string[] | undefined;

/** A Cypher map literal, leaving out undefined values. */
function map(record: Record<string, Value>): string {
  const entries = Object.entries(record).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${k}: ${literal(v!)}`).join(", ")}}`;
}

/** A Cypher literal: quoted and escaped string, number, boolean or list of strings. */
export function literal(value: Exclude<Value, undefined>): string {
  if (typeof value === "string") {
    const escaped = value.replace(/\\/g, "\\\\").replace(/'/g, "\\'").replace(/\n/g, "\\n").replace(/\r/g, "\\r").replace(/\t/g, "\\t");
    return `'${escaped}'`;
  }
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return `[${value.map((v) => literal(v)).join(", ")}]`;
}
