/**
 * Resolution inside one document: mentions that name the same thing become one entity. Gazetteer names
 * go to their canonical form ("U.S." → United States), surnames and given names point back to the full
 * name ("Merkel" → "Angela Merkel" when the document names her in full; "al-Assad" and "Assad" →
 * "Bashar al-Assad", whose spelling "Bashar Assad" joins it too), acronyms defined in parentheses
 * or matching a name's initials join that name, and demonyms join their country. Descriptions and
 * pronouns are linked afterwards (coreference.ts).
 */
import { hasAccents, nameKey, nameWordCount, personNameKey, personShortForms } from "../nlp/normalize.js";
import type { DocEntity, EntityType, Mention } from "../types.js";
import { lookupName, type Gazetteer, type KnownName } from "./gazetteer.js";
import type { DemonymMention, EntityMention } from "./mentions.js";

export interface ResolvedDocument {
  entities: DocEntity[];
  /** The entity id of each resolved name mention (descriptions are resolved by coreference.ts). */
  entityOf: Map<EntityMention, string>;
  /** The country entity id of each demonym. */
  countryOf: Map<DemonymMention, string>;
}

/** (Every field is set when a cluster is made, so that all clusters have one shape.) */
interface Cluster {
  key: string;
  mentions: EntityMention[];
  demonyms: DemonymMention[];
  types: Map<EntityType, number>;
  /** A gazetteer type overrides the tagger's votes. */
  fixedType: EntityType | undefined;
  canonical: string | undefined;
  aliases: Set<string>;
  mergedInto: Cluster | undefined;
}

const ACRONYM = /^\p{Lu}{2,6}$/u;
const TYPE_PRIORITY: EntityType[] = ["country", "person", "organization", "location", "event", "project"];
const ORDINALS = /^(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+/;

/** What the document says around its names: the acronyms it spells out, and its words. */
interface DocumentContext {
  /** Name keys of the acronyms the document defines ("European Central Bank (ECB)"). */
  defined: ReadonlySet<string>;
  /** The document's lowercase words. */
  words: ReadonlySet<string>;
}

const FUNCTION_WORDS = new Set(["of", "and", "the", "for", "in", "on", "de"]);

/**
 * The expansion of an acronym the knowledge base expands several ways that the document's words support
 * best ("cricket" for the cricket board, "inflation" for no one); none on a tie.
 */
function expansionInContext(options: readonly KnownName[], words: ReadonlySet<string>): KnownName | undefined {
  const support = options.map((o) => nameKey(o.canonical).split(" ").filter((w) => !FUNCTION_WORDS.has(w) && words.has(w)).length);
  const best = Math.max(...support);
  return best > 0 && support.filter((n) => n === best).length === 1 ? options[support.indexOf(best)] : undefined;
}

function canonicalOf(gaz: Gazetteer, m: EntityMention, context: DocumentContext): { key: string; canonical?: string; type?: EntityType } {
  const key = nameKey(m.name);
  // The document's own expansion of an acronym wins over the knowledge base's (joined in step 2).
  if (context.defined.has(key)) return { key };
  const options = gaz.ambiguousAcronyms.get(key);
  const known = options ? expansionInContext(options, context.words) : lookupName(gaz, m.name);
  if (known && (known.strong || known.type === m.type || m.source === "GAZ")) {
    return { key: nameKey(known.canonical), canonical: known.canonical, type: known.type };
  }
  return { key: nameKey(m.name).replace(ORDINALS, "") };
}

function root(c: Cluster): Cluster {
  while (c.mergedInto) c = c.mergedInto;
  return c;
}

function typeOf(c: Cluster): EntityType {
  if (c.fixedType) return c.fixedType;
  let best: EntityType = "organization";
  let bestCount = -1;
  for (const t of TYPE_PRIORITY) {
    const n = c.types.get(t) ?? 0;
    if (n > bestCount) {
      best = t;
      bestCount = n;
    }
  }
  return best;
}

function initials(name: string): string {
  return name
    .split(/[\s-]+/)
    .filter((w) => /^\p{Lu}/u.test(w))
    .map((w) => w[0])
    .join("");
}

/** Resolve the mentions of one document into entities. */
export function resolveDocument(gaz: Gazetteer, mentions: EntityMention[], demonyms: DemonymMention[], words: ReadonlySet<string>): ResolvedDocument {
  const clusters = new Map<string, Cluster>();
  const clusterOf = new Map<EntityMention, Cluster>();
  const get = (key: string): Cluster => {
    let c = clusters.get(key);
    if (!c) {
      c = { key, mentions: [], demonyms: [], types: new Map(), fixedType: undefined, canonical: undefined, aliases: new Set(), mergedInto: undefined };
      clusters.set(key, c);
    }
    return c;
  };

  // 1. Named mentions by canonical key.
  const defined = new Set(mentions.flatMap((m) => m.aliases.filter((a) => ACRONYM.test(a)).map(nameKey)));
  const acronyms = new Map<string, Cluster>();
  for (const m of mentions) {
    if (m.source === "NOM") continue;
    const { key, canonical, type } = canonicalOf(gaz, m, { defined, words });
    if (!key) continue;
    const c = get(key);
    c.mentions.push(m);
    // Longer names are typed more reliably than their short forms ("Acme Initiative" vs "ACME").
    c.types.set(m.type, (c.types.get(m.type) ?? 0) + m.name.split(/\s+/).length);
    if (type && (type === "country" || m.type !== "person")) c.fixedType = type === "location" && m.type === "event" ? m.type : type;
    if (canonical) c.canonical = canonical;
    for (const a of m.aliases) {
      c.aliases.add(a);
      if (ACRONYM.test(a)) acronyms.set(nameKey(a), c);
    }
    clusterOf.set(m, c);
  }
  for (const d of demonyms) get(nameKey(d.country)).demonyms.push(d);
  for (const d of demonyms) {
    const c = get(nameKey(d.country));
    c.fixedType = "country";
    c.canonical = d.country;
  }

  const all = [...clusters.values()];
  // Display names, computed once per cluster and again only when a merge gives it more mentions (the
  // steps below compare every pair of clusters by them).
  const names = new Map<Cluster, string>();
  const nameOf = (c: Cluster): string => {
    let name = names.get(c);
    if (name === undefined) names.set(c, (name = displayName(c)));
    return name;
  };
  const merge = (from: Cluster, into: Cluster) => {
    const a = root(from);
    const b = root(into);
    if (a === b) return;
    a.mergedInto = b;
    b.mentions.push(...a.mentions);
    b.demonyms.push(...a.demonyms);
    for (const [t, n] of a.types) b.types.set(t, (b.types.get(t) ?? 0) + n);
    for (const x of a.aliases) b.aliases.add(x);
    b.aliases.add(nameOf(a));
    names.delete(b);
  };

  // 2. Aliases that are another cluster's name (extended forms, acronyms defined in parentheses).
  for (const c of all) {
    for (const alias of c.aliases) {
      const other = clusters.get(nameKey(alias));
      if (other && other !== c && !other.fixedType) merge(other, c);
    }
  }
  // 3. Acronyms: defined in the document, or the initials of a longer name in it.
  for (const c of all) {
    if (root(c) !== c || c.fixedType === "country") continue;
    const surface = c.mentions[0]?.name ?? "";
    if (!ACRONYM.test(surface)) continue;
    const defined = acronyms.get(c.key);
    const target = defined ?? all.find((o) => o !== c && root(o) === o && o.key.includes(" ") && initials(nameOf(o)) === surface);
    if (target && root(target) !== c) merge(c, target);
  }
  // 4. A person named in full (or by a hyphenated surname): the same name with or without its particles
  //    ("Bashar Assad"), then the surname, given name or first piece of a hyphenated surname alone
  //    ("Assad", "al-Assad", "bin Laden", "Kilroy" of "Kilroy-Silk").
  const fullKey = (c: Cluster) => personNameKey(nameOf(c));
  const persons: Cluster[] = [];
  for (const c of all) {
    if (root(c) !== c || typeOf(c) !== "person" || !/[ -]/.test(fullKey(c))) continue;
    const same = persons.find((p) => fullKey(p) === fullKey(c));
    if (same) merge(c, same);
    else persons.push(c);
  }
  // A country's name the tagger read as a person's, in a document naming that person in full ("Michael
  // Jordan ... Jordan thanked the fans"), is the person's surname.
  const readAsPerson = (c: Cluster) => c.fixedType === "country" && c.demonyms.length === 0 && c.mentions.length > 0 && c.mentions.every((m) => m.source === "PER");
  for (const c of all) {
    // (Loops, not map().find(): an empty map() result has another elements kind, and this code deoptimized on it.)
    let word: string | undefined;
    for (const m of c.mentions) {
      const k = personNameKey(m.name);
      if (!k.includes(" ")) {
        word = k;
        break;
      }
    }
    if (root(c) !== c || word === undefined || (c.fixedType && !readAsPerson(c))) continue;
    const matches = new Set(persons.filter((p) => personShortForms(fullKey(p)).includes(word)).map(root));
    matches.delete(c);
    if (matches.size === 1) {
      const [into] = matches as Set<Cluster>;
      merge(c, into!);
      // A name the tagger also read in full as a person is a person, whatever the votes of its short form.
      into!.fixedType = "person";
    }
  }

  // 5. Entities and ids, in order of first mention.
  const roots = all.filter((c) => root(c) === c && (c.mentions.length > 0 || c.demonyms.length > 0));
  const firstPos = new Map(roots.map((c) => [c, firstStart(c)]));
  roots.sort((a, b) => firstPos.get(a)! - firstPos.get(b)! || a.key.localeCompare(b.key));
  const entities: DocEntity[] = [];
  const idOf = new Map<Cluster, string>();
  for (const c of roots) {
    const id = `e${entities.length + 1}`;
    idOf.set(c, id);
    const name = nameOf(c);
    const surface = new Set<string>();
    for (const m of c.mentions) surface.add(m.name);
    for (const a of c.aliases) surface.add(a);
    surface.delete(name);
    const ms: Mention[] = [];
    for (const m of c.mentions) ms.push({ text: m.text, start: m.start, end: m.end, sentence: m.sentence });
    for (const d of c.demonyms) ms.push({ text: d.text, start: d.start, end: d.end, sentence: d.sentence });
    ms.sort((a, b) => a.start - b.start);
    entities.push({ id, type: typeOf(c), name, aliases: [...surface].filter((a) => nameKey(a) !== nameKey(name) || a !== name).sort(), mentions: ms });
  }
  const entityOf = new Map<EntityMention, string>();
  for (const [m, c] of clusterOf) {
    const id = idOf.get(root(c));
    if (id) entityOf.set(m, id);
  }
  const countryOf = new Map<DemonymMention, string>();
  for (const d of demonyms) {
    const id = idOf.get(root(get(nameKey(d.country))));
    if (id) countryOf.set(d, id);
  }

  for (const e of entities) e.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
  return { entities, entityOf, countryOf };
}

/**
 * Where a cluster is first named: its earliest mention or demonym (loops, not spreads of map() results:
 * the two lists hold objects of two shapes, and one is often empty).
 */
function firstStart(c: Cluster): number {
  let first = Infinity;
  for (const m of c.mentions) if (m.start < first) first = m.start;
  for (const d of c.demonyms) if (d.start < first) first = d.start;
  return first;
}

/**
 * The display name of a cluster: the gazetteer's canonical name, else the fullest surface form (particles
 * count: "Bashar al-Assad" over "Bashar Assad"; accents break ties: "Erdoğan" over "Erdogan").
 */
function displayName(c: Cluster): string {
  if (c.canonical) return c.canonical;
  const counts = new Map<string, number>();
  for (const m of c.mentions) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  const names = [...counts.keys()];
  const score = (n: string) => nameWordCount(n) * 10 + (/\p{Lu}/u.test(n.slice(1)) ? 2 : 0) + (counts.get(n) ?? 0) * 0.1 + (n === n.toUpperCase() ? -15 : 0);
  names.sort((a, b) => score(b) - score(a) || Number(hasAccents(b)) - Number(hasAccents(a)) || a.localeCompare(b));
  return names[0] ?? c.key;
}
