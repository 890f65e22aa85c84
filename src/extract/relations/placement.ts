/**
 * Places and organizations put in their country by world knowledge: a city or a well-known organization
 * of the gazetteer, or a name carrying a demonym ("German Society for Philosophy"), is located_in its
 * country when the document also names that country. The evidence is the first sentence that names
 * both, else the first that names the place.
 */
import { nameKey } from "../../nlp/normalize.js";
import type { DocEntity } from "../../types.js";
import { lookupName, type Gazetteer } from "../gazetteer.js";
import type { SentenceContext } from "./context.js";

const PLACEABLE = new Set(["location", "organization", "event"]);

function homeCountry(gaz: Gazetteer, e: DocEntity): { country: string; rule: string } | undefined {
  const known = lookupName(gaz, e.name);
  if (known?.country) return { country: known.country, rule: "gazetteer-home-country" };
  if (known?.type === "country") return undefined;
  for (const word of e.name.split(/\s+/)) {
    const country = /^\p{Lu}/u.test(word) ? gaz.demonyms.get(word.toLowerCase()) : undefined;
    if (country) return { country, rule: "demonym-in-name" };
  }
  return undefined;
}

export function placeInCountries(gaz: Gazetteer, contexts: SentenceContext[], entities: DocEntity[], entityByKey: Map<string, string>): void {
  for (const e of entities) {
    if (!PLACEABLE.has(e.type)) continue;
    const home = homeCountry(gaz, e);
    const countryId = home ? entityByKey.get(nameKey(home.country)) : undefined;
    if (!home || !countryId || countryId === e.id) continue;
    const names = (ctx: SentenceContext, id: string) => ctx.items.some((it) => it.id === id) || ctx.demonyms.some((d) => d.id === id);
    const ctx = contexts.find((c) => names(c, e.id) && names(c, countryId)) ?? contexts.find((c) => names(c, e.id));
    if (ctx) ctx.emit(e.id, "located_in", countryId, { predicate: `${e.name}, ${home.country}`, rule: home.rule });
  }
}
