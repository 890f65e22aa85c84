/**
 * The country the knowledge base puts an entity in: a city or a well-known organization of the
 * gazetteer, or a name carrying a demonym ("German Society for Philosophy"), when the document also
 * names that country. Document-level inference turns it into a located_in edge; the classifier reads it
 * as a feature.
 */
import { nameKey } from "../../nlp/normalize.js";
import type { DocEntity } from "../../types.js";
import { lookupName, type Gazetteer } from "../gazetteer.js";

const PLACEABLE = new Set(["location", "organization", "event"]);

/** A country entity of the document and the rule that places an entity in it. */
export interface Home {
  country: string;
  rule: "gazetteer-home-country" | "demonym-in-name";
}

function homeCountry(gaz: Gazetteer, e: DocEntity): { country: string; rule: Home["rule"] } | undefined {
  const known = lookupName(gaz, e.name);
  if (known?.country) return { country: known.country, rule: "gazetteer-home-country" };
  if (known?.type === "country") return undefined;
  for (const word of e.name.split(/\s+/)) {
    const country = /^\p{Lu}/u.test(word) ? gaz.demonyms.get(word.toLowerCase()) : undefined;
    if (country) return { country, rule: "demonym-in-name" };
  }
  return undefined;
}

/** Entity id → its home country's entity id, for the places and organizations the document places. */
export function homeCountries(gaz: Gazetteer, entities: DocEntity[], entityByKey: Map<string, string>): Map<string, Home> {
  const out = new Map<string, Home>();
  for (const e of entities) {
    if (!PLACEABLE.has(e.type)) continue;
    const home = homeCountry(gaz, e);
    const countryId = home ? entityByKey.get(nameKey(home.country)) : undefined;
    if (home && countryId && countryId !== e.id) out.set(e.id, { country: countryId, rule: home.rule });
  }
  return out;
}
