/**
 * JSON-LD export with schema.org types where they fit: entities as Person, Organization, Country, Place,
 * Project or Event (name, alternateName, subjectOf their articles); documents as NewsArticle (headline,
 * datePublished, url); every edge as a reified `ng:Relation` (schema.org has no generic statement type)
 * with source, target, polarity, weight and its evidence as schema.org Quotations citing the article.
 */
import type { DocumentRecord, EntityType, NewsGraph } from "../../types.js";

const SCHEMA_TYPES: Record<EntityType, string> = {
  person: "Person",
  organization: "Organization",
  country: "Country",
  location: "Place",
  project: "Project",
  event: "Event",
};

/** The namespace of newsgraph's own terms (relations, polarity, weights). */
export const NEWSGRAPH_VOCAB = "urn:newsgraph:vocab:";

const CONTEXT = {
  "@vocab": "https://schema.org/",
  ng: NEWSGRAPH_VOCAB,
  "ng:source": { "@type": "@id" },
  "ng:target": { "@type": "@id" },
};

export function toJsonLd(graph: NewsGraph, documents: Iterable<DocumentRecord> = []): string {
  const items: object[] = [];
  const known = new Map([...documents].map((d) => [d.id, d]));
  const cited = new Set<string>();
  graph.forEachNode((key, a) => {
    a.docs.forEach((d) => cited.add(d));
    items.push(
      definedOnly({
        "@id": entityId(key),
        "@type": SCHEMA_TYPES[a.type],
        name: a.label,
        alternateName: a.aliases.length > 0 ? a.aliases : undefined,
        jobTitle: a.type === "person" && a.roles && a.roles.length > 0 ? a.roles : undefined,
        subjectOf: a.docs.map((d) => ({ "@id": documentId(d) })),
        "ng:mentions": a.mentions,
        "ng:firstSeen": a.firstSeen,
        "ng:lastSeen": a.lastSeen,
        "ng:community": a.community,
      }),
    );
  });
  graph.forEachEdge((key, a, source, target, _s, _t, undirected) => {
    a.docs.forEach((d) => cited.add(d));
    items.push({
      "@id": `urn:newsgraph:edge:${iriSafe(key)}`,
      "@type": "ng:Relation",
      "ng:relation": a.relation,
      "ng:source": entityId(source),
      "ng:target": entityId(target),
      "ng:directed": !undirected,
      "ng:negated": a.negated,
      "ng:predicate": a.predicate,
      "ng:weight": a.weight,
      "ng:evidence": a.evidence.map((ev) =>
        definedOnly({ "@type": "Quotation", text: ev.sentence, isPartOf: { "@id": documentId(ev.doc) }, dateCreated: ev.date, "ng:start": ev.start, "ng:end": ev.end }),
      ),
    });
  });
  for (const id of [...cited].sort()) {
    const doc = known.get(id);
    items.push(
      definedOnly({
        "@id": documentId(id),
        "@type": "NewsArticle",
        identifier: id,
        headline: doc?.title,
        datePublished: doc?.date,
        url: doc?.url,
        publisher: doc?.source === undefined ? undefined : { "@type": "Organization", name: doc.source },
      }),
    );
  }
  return JSON.stringify({ "@context": CONTEXT, "@graph": items }, null, 1) + "\n";
}

function entityId(key: string): string {
  return `urn:newsgraph:entity:${iriSafe(key)}`;
}

function documentId(id: string): string {
  return `urn:newsgraph:document:${iriSafe(id)}`;
}

/** Percent-encode what an IRI may not hold (spaces, quotes, brackets...); letters of any script stay. */
function iriSafe(text: string): string {
  return text.replace(/[^\p{L}\p{N}\-._~:@!$&'()*+,;=/]/gu, (c) => encodeURIComponent(c));
}

function definedOnly(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined));
}
