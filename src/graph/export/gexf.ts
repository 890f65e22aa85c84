/**
 * GEXF export (Gephi, Gephi Lite, Retina) through graphology-gexf, GEXF 1.3: node label, position, size
 * and colour go to `viz`; entity type, mentions, community and dates become typed attributes; each edge
 * carries its relation as label and `kind` (so Gephi keeps parallel edges of different relations apart),
 * its weight, polarity and predicate. Lists (aliases, documents, roles, rules, evidence) are written as
 * JSON strings: graphology-gexf 0.13 writes GEXF 1.3 list items unquoted, so an alias with a comma
 * ("Smith, Jones & Partners") would come back split in two.
 */
import { write } from "graphology-gexf";
import type { NewsGraph } from "../../types.js";
import { xmlSafe } from "./xml.js";

export function toGexf(graph: NewsGraph): string {
  const attrs = graph.getAttributes();
  const meta = { creator: `newsgraph ${attrs.generatedBy ?? ""}`.trim(), description: attrs.name ?? "" };
  return write(withAttributes(graph, meta), {
    version: "1.3",
    formatNode: (_key, a) => ({
      label: xmlSafe(a.label),
      viz: { x: a.x, y: a.y, size: a.size, color: a.color },
      attributes: definedOnly({
        type: a.type,
        aliases: json(a.aliases),
        mentions: a.mentions,
        docs: json(a.docs),
        roles: a.roles && json(a.roles),
        firstSeen: a.firstSeen,
        lastSeen: a.lastSeen,
        community: a.community,
      }),
    }),
    formatEdge: (_key, a) => ({
      label: a.negated ? `not ${a.relation}` : a.relation,
      kind: a.negated ? `not_${a.relation}` : a.relation,
      weight: a.weight,
      attributes: {
        relation: a.relation,
        negated: a.negated,
        predicate: xmlSafe(a.predicate),
        stories: a.stories,
        docs: json(a.docs),
        rules: json(a.rules),
        evidence: json(a.evidence),
      },
    }),
  });
}

/**
 * The graph seen with other graph attributes, without copying it (a copy of a large graph takes
 * seconds): the GEXF writer turns graph attributes into <meta>, which only knows creator, description
 * and keywords.
 */
function withAttributes(graph: NewsGraph, attributes: Record<string, string>): NewsGraph {
  return new Proxy(graph, {
    get: (target, prop) => (prop === "getAttributes" ? () => attributes : Reflect.get(target, prop)),
  });
}

function json(value: unknown): string {
  return xmlSafe(JSON.stringify(value));
}

function definedOnly(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
