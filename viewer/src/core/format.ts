/** Display text for types, relations, counts and documents. */
import type { DocumentRecord, EntityType, Modality, RelationType } from "./model.js";

/**
 * "member_of" → "member of"; negated claims read "not member of", claims that are not plain assertions
 * say so: "meets (possible)", "leader of (former)".
 */
export function relationText(relation: RelationType, negated = false, modality: Modality = "asserted"): string {
  const text = relation === "co_occurs" ? "co-occurs with" : relation.replace(/_/g, " ");
  const claim = negated ? `not ${text}` : text;
  return modality === "asserted" ? claim : `${claim} (${modality})`;
}

/** "organization" → "Organization". */
export function typeText(type: EntityType): string {
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** One formatter for every count: `toLocaleString` with a locale makes a new one at each call, a few milliseconds each. */
const COUNT_FORMAT = new Intl.NumberFormat("en-US");

/** 12345 → "12,345". */
export function countText(count: number): string {
  return COUNT_FORMAT.format(count);
}

/** "1 document", "3 documents", "2 entities". */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${countText(count)} ${count === 1 ? noun : nouns}`;
}

/** A document's title, falling back to its id. */
export function documentTitle(doc: DocumentRecord | undefined, id: string): string {
  return doc?.title?.trim() || id;
}
