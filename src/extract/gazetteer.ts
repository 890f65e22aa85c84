/**
 * Gazetteer lookups for extraction, compiled from the src/kb loaders (once per Extractor): known names
 * (countries, regions, cities, organizations and their aliases/acronyms) by name key, demonyms to
 * countries, title words, honorifics, head nouns of names and of descriptions, given names and the
 * particles of personal names.
 */
import { cities, commonAcronyms, companySuffixes, countries, eventHeads, facilityHeads, givenNames, honorifics, nameParticles, organizationHeads, organizations, personTitles, projectHeads, referenceNouns, regions, type ReferenceNouns } from "../kb/index.js";
import { nameKey } from "../nlp/normalize.js";
import type { EntityType, RelationType } from "../types.js";

export interface KnownName {
  /** Canonical name of the entity ("United States" for "U.S."). */
  canonical: string;
  type: EntityType;
  /** For cities and organizations with a home country: its canonical name. */
  country?: string;
  /** Whether the match is safe without the tagger's help (not a common word). */
  strong: boolean;
}

/** A known name with every field present (one shape for all, so the lookups' readers stay monomorphic). */
function knownName(canonical: string, type: EntityType, strong: boolean, country?: string): KnownName {
  return { canonical, type, country, strong };
}

export interface Gazetteer {
  /** name key → known entity (countries win over cities and organizations). */
  names: Map<string, KnownName>;
  /** Acronyms the knowledge base expands more than one way ("ECB") → each expansion; the document's context picks one. */
  ambiguousAcronyms: Map<string, KnownName[]>;
  /** Longest known name in tokens, bounds multi-token lookups. */
  maxTokens: number;
  /** lowercase demonym → country canonical name. */
  demonyms: Map<string, string>;
  /** lowercase title (single or multiword) → relation it implies. */
  titles: Map<string, RelationType>;
  maxTitleTokens: number;
  honorifics: Set<string>;
  eventHeads: Set<string>;
  projectHeads: Set<string>;
  facilityHeads: Set<string>;
  companySuffixes: Set<string>;
  /** Name keys of news agencies and media (names, acronyms, aliases): the sources credited in a story. */
  media: Set<string>;
  /** Acronyms used as common nouns ("PC", "DVD"), as written. */
  commonAcronyms: Set<string>;
  /** Lowercase head nouns of organization names that take a "for"/"on" complement ("institute"). */
  organizationHeads: Set<string>;
  /** Lowercase head noun of a description ("lender", "tribunal", "leaders") → the kind of entity it names. */
  references: Map<string, ReferenceNouns>;
  /** Lowercase given names ("osama", "ursula"). */
  givenNames: ReadonlySet<string>;
  /** Particles written as words inside personal names ("bin", "von", "de"). */
  nameParticles: Set<string>;
  /** Particles written before a name with a hyphen or an apostrophe ("al" of "al-Assad", "d" of "d'Estaing"). */
  attachedParticles: Set<string>;
  /** Particles found in personal names only ("bin", "van"): the name after them is a person's. */
  personalParticles: Set<string>;
}

/** Compile the gazetteer from the knowledge-base files. */
export function loadGazetteer(): Gazetteer {
  const names = new Map<string, KnownName>();
  let maxTokens = 1;
  const add = (surface: string, known: KnownName) => {
    const key = nameKey(surface);
    if (!key || names.has(key)) return;
    names.set(key, known);
    maxTokens = Math.max(maxTokens, surface.split(/\s+/).length);
  };
  const demonyms = new Map<string, string>();
  const countryByIso = new Map<string, string>();
  for (const c of countries()) {
    countryByIso.set(c.iso2, c.name);
    add(c.name, knownName(c.name, "country", true));
    for (const a of c.aliases) add(a, knownName(c.name, "country", a.length > 2 || a === a.toUpperCase()));
    for (const d of c.demonyms) if (!demonyms.has(d.toLowerCase())) demonyms.set(d.toLowerCase(), c.name);
  }
  for (const r of regions()) {
    add(r.name, knownName(r.name, "location", true));
    for (const a of r.aliases) add(a, knownName(r.name, "location", true));
  }
  const expansions = new Map<string, KnownName[]>();
  const media = new Set<string>();
  for (const o of organizations()) {
    if (o.kind === "media") for (const n of [o.name, ...o.aliases, ...(o.acronym ? [o.acronym] : [])]) media.add(nameKey(n));
    const home = o.country ? countryByIso.get(o.country) : undefined;
    const known = (strong: boolean): KnownName => knownName(o.name, "organization", strong, home);
    add(o.name, known(true));
    if (o.acronym) {
      add(o.acronym, known(o.acronym.length >= 2));
      const key = nameKey(o.acronym);
      expansions.set(key, [...(expansions.get(key) ?? []), known(o.acronym.length >= 2)]);
    }
    for (const a of o.aliases) add(a, known(true));
  }
  for (const c of cities()) {
    const country = countryByIso.get(c.country);
    add(c.name, knownName(c.name, "location", false, country));
    for (const a of c.aliases) add(a, knownName(c.name, "location", false, country));
  }
  const titles = new Map<string, RelationType>();
  let maxTitleTokens = 1;
  for (const t of personTitles()) {
    titles.set(t.title.toLowerCase(), t.relation);
    maxTitleTokens = Math.max(maxTitleTokens, t.title.split(" ").length);
  }
  const particles = nameParticles();
  const lower = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase().replace(/\.$/, "")));
  return {
    names,
    ambiguousAcronyms: new Map([...expansions].filter(([, list]) => list.length > 1)),
    maxTokens: Math.min(maxTokens, 8),
    demonyms,
    titles,
    maxTitleTokens,
    honorifics: lower(honorifics()),
    eventHeads: lower(eventHeads()),
    projectHeads: lower(projectHeads()),
    facilityHeads: lower(facilityHeads()),
    companySuffixes: lower(companySuffixes()),
    organizationHeads: lower(organizationHeads()),
    commonAcronyms: new Set(commonAcronyms()),
    media,
    references: new Map(referenceNouns().flatMap((r) => r.heads.map((h) => [h.toLowerCase(), r] as const))),
    givenNames: givenNames(),
    nameParticles: new Set(particles.filter((p) => p.standalone).map((p) => p.particle)),
    attachedParticles: new Set(particles.filter((p) => p.attached).map((p) => p.particle)),
    personalParticles: new Set(particles.filter((p) => p.personal).map((p) => p.particle)),
  };
}

/** Look a surface form up in the gazetteer. */
export function lookupName(gaz: Gazetteer, surface: string): KnownName | undefined {
  return gaz.names.get(nameKey(surface));
}

/** The first and the last words of the titles: a phrase is no title unless it starts with one and ends with one. */
export interface TitleBounds {
  first: ReadonlySet<string>;
  last: ReadonlySet<string>;
}

/** Derived once per title map (the gazetteer of an Extractor, or one a test builds around other titles). */
const TITLE_BOUNDS = new WeakMap<ReadonlyMap<string, RelationType>, TitleBounds>();

/**
 * The first and last words of the gazetteer's titles: the rules probing the phrases before or after a
 * word for a title (up to four words joined, at every token) skip the words that can end or start none.
 */
export function titleBounds(gaz: Gazetteer): TitleBounds {
  let bounds = TITLE_BOUNDS.get(gaz.titles);
  if (!bounds) {
    const first = new Set<string>();
    const last = new Set<string>();
    for (const title of gaz.titles.keys()) {
      const space = title.indexOf(" ");
      first.add(space < 0 ? title : title.slice(0, space));
      last.add(title.slice(title.lastIndexOf(" ") + 1));
    }
    bounds = { first, last };
    TITLE_BOUNDS.set(gaz.titles, bounds);
  }
  return bounds;
}
