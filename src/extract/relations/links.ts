/**
 * Links stated by form rather than by a verb: possessives ("Norland's Acme Corp", "Norland's oil giant
 * Acme"), "X-based" places ("the Geneva-based agency"), names that begin with a known place ("Lagos
 * Stock Exchange" located in Lagos), and hyphen compounds before a relation noun ("the A-B war").
 */
import { nameKey } from "../../nlp/normalize.js";
import { findTriggers } from "../lexicon.js";
import { lookupName } from "../gazetteer.js";
import { ClaimList, type RuleOutput } from "./claims.js";
import type { Item, SentenceContext } from "./context.js";

const MAX_POSSESSIVE_MODIFIERS = 4;

/** "Y's [modifiers] X": involved_in for projects and events, located_in for places, else affiliated_with. */
export function possessive(ctx: SentenceContext, out: ClaimList, middle: number[], owner: { items: Item[] }, owned: { items: Item[] }): boolean {
  if (ctx.lower[middle[0]!] !== "'s" || middle.length - 1 > MAX_POSSESSIVE_MODIFIERS) return false;
  // Only a noun phrase may stand between ("Norland's oil and gas giant Acme"), no verb or preposition.
  if (middle.slice(1).some((i) => !/^(?:JJ|JJR|JJS|NN|NNS|CC|VBG|VBN)$/.test(ctx.pos[i] ?? "") || /^\p{Lu}/u.test(ctx.words[i]!))) return false;
  const y = owner.items[owner.items.length - 1]!;
  let any = false;
  for (const x of owned.items) {
    const predicate = ctx.words.slice(y.m.tokEnd, x.m.tokStart).join(" ").replace(/^'s/, "'s");
    if (x.type === "project" || x.type === "event") any = out.add(y, "involved_in", x, { predicate, rule: "possessive-involved" }) || any;
    else if (x.type === "location" && y.type === "country") any = out.add(x, "located_in", y, { predicate, rule: "possessive-located" }) || any;
    else if (x.type === "person" && y.type === "organization") any = out.add(x, "member_of", y, { predicate, rule: "possessive-member" }) || any;
    else any = out.add(x, "affiliated_with", y, { predicate, rule: "possessive-affiliated" }) || any;
  }
  return any;
}

/** "Jane Roe (Labour)": a party or organization in parentheses right after a person's name. */
export function parentheticalMembership(ctx: SentenceContext): RuleOutput {
  const out = new ClaimList(ctx);
  for (const person of ctx.items) {
    if (person.type !== "person" || ctx.lower[person.m.tokEnd] !== "(") continue;
    const org = ctx.items.find((it) => it.m.tokStart === person.m.tokEnd + 1 && ctx.lower[it.m.tokEnd] === ")");
    if (org) out.add(person, "member_of", org, { predicate: `(${org.m.text})`, rule: "parenthetical-member" });
  }
  return out;
}

/** "the Hague-based court" → located_in(court, Hague). */
export function basedInRelations(ctx: SentenceContext): RuleOutput {
  const out = new ClaimList(ctx);
  for (const item of ctx.items) {
    const place = item.m.basedIn;
    if (!place) continue;
    const placeId = ctx.entityOf(place);
    if (placeId) out.add(item, "located_in", placeId, { predicate: `${place.text}-based`, rule: "x-based" });
  }
  return out;
}

/** "Lagos Stock Exchange" → located_in(Lagos) when the place is an entity of the document. */
export function namePrefixRelations(ctx: SentenceContext): RuleOutput {
  const out = new ClaimList(ctx);
  for (const item of ctx.items) {
    if (item.m.source === "NOM" || !["location", "organization", "event"].includes(item.type)) continue;
    const words = item.m.name.split(/\s+/);
    for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
      const prefix = words.slice(0, n).join(" ");
      const known = lookupName(ctx.gaz, prefix);
      if (!known || (known.type !== "location" && known.type !== "country")) continue;
      const placeId = ctx.entityByKey.get(nameKey(known.canonical));
      if (placeId && placeId !== item.id) out.add(item, "located_in", placeId, { predicate: item.m.name, rule: "name-prefix-place" });
      break;
    }
  }
  return out;
}

/** "the Norland-Southia war": two mentions in one hyphenated token before a relation noun. */
export function hyphenPairRelations(ctx: SentenceContext): RuleOutput {
  const out = new ClaimList(ctx);
  for (let i = 0; i + 1 < ctx.items.length; i++) {
    const a = ctx.items[i]!;
    const b = ctx.items[i + 1]!;
    if (a.m.tokStart !== b.m.tokStart || a.m.tokEnd !== a.m.tokStart + 1) continue;
    const after = a.m.tokEnd;
    const match = findTriggers(ctx.lex, ctx.lower, after, Math.min(ctx.lower.length, after + 2)).find((m) => m.entry.noun && m.start === after);
    if (match) out.add(a, match.entry.relation, b, { predicate: `${ctx.words[a.m.tokStart]} ${ctx.lower.slice(match.start, match.end).join(" ")}`, rule: `hyphen-${match.entry.reason}` });
  }
  return out;
}
