/**
 * Typed loaders for the world-knowledge gazetteers in src/kb: countries (with historical states), cities,
 * regions, well-known organizations, given names, the particles of personal names, person titles,
 * honorifics, company suffixes, the head nouns of event and project names and those of descriptions that
 * refer back to an entity. Each data file is `{ source, license, items }` (see SOURCES.md); each
 * call reads it and checks its shape. Nothing is cached here: the Extractor (src/extract/extractor.ts)
 * compiles the gazetteer and lexicon from these once and holds them.
 */
import { readFileSync } from "node:fs";
import { NewsgraphError } from "../errors.js";
import { kbPath } from "../paths.js";

export interface Country {
  name: string;
  aliases: string[];
  demonyms: string[];
  capital?: string;
  /** ISO 3166-1 alpha-2; former (ISO 3166-3) or user-assigned X* codes for historical states. */
  iso2: string;
  region?: string;
}

export interface City {
  name: string;
  /** ISO 3166-1 alpha-2 of the city's country. */
  country: string;
  aliases: string[];
  population?: number;
}

export interface Region {
  name: string;
  aliases: string[];
  kind: "continent" | "region" | "sea" | "other";
}

export interface KnownOrganization {
  name: string;
  acronym?: string;
  aliases: string[];
  kind: "international" | "government" | "company" | "media" | "political" | "other";
  /** ISO 3166-1 alpha-2 of the organization's home country. */
  country?: string;
  /** Name of the city where it is headquartered. */
  basedIn?: string;
}

/** Head nouns of descriptions that refer back to an entity of one kind ("the lender", "both nations"). */
export interface ReferenceNouns {
  /** What the heads name: one kind of organization, place, project, event, or a plural group. */
  kind: string;
  type: "person" | "organization" | "country" | "location" | "event" | "project";
  /** Lowercase head nouns. */
  heads: string[];
  /** Plural heads name a group of entities ("the two leaders"). */
  plural?: boolean;
}

/** A lowercase particle of personal names: "bin" (Osama bin Laden), "al-" (Bashar al-Assad). */
export interface NameParticle {
  particle: string;
  /** Written as a word of its own ("bin", "von", "de"). */
  standalone: boolean;
  /** Written before the name with a hyphen or an apostrophe ("al-Assad", "d'Estaing"). */
  attached: boolean;
  /** Found in personal names only, never in names of places or organizations ("bin", "van"; not "de": Rio de Janeiro). */
  personal: boolean;
  example: string;
}

export interface PersonTitle {
  /** Lowercase, may be multiword ("prime minister"). */
  title: string;
  relation: "leader_of" | "official_of" | "works_for";
}

/** The common envelope of every data file. */
export interface KbFile<T> {
  source: string;
  license: string;
  items: T[];
}

/** Parse and check the text of a data file; `file` names it in errors (KB_INVALID). */
export function parseKbFile<T>(text: string, file: string, check: (item: unknown) => boolean): T[] {
  let parsed: Partial<KbFile<unknown>>;
  try {
    parsed = JSON.parse(text) as Partial<KbFile<unknown>>;
  } catch (err) {
    throw new NewsgraphError("KB_INVALID", `knowledge-base file ${file} is not JSON: ${(err as Error).message}`, { file });
  }
  if (typeof parsed.source !== "string" || typeof parsed.license !== "string" || !Array.isArray(parsed.items)) {
    throw new NewsgraphError("KB_INVALID", `knowledge-base file ${file} lacks source, license or items`, { file });
  }
  const bad = parsed.items.findIndex((item) => !check(item));
  if (bad >= 0) {
    throw new NewsgraphError("KB_INVALID", `knowledge-base file ${file}: item ${bad} is malformed`, {
      file,
      item: JSON.stringify(parsed.items[bad]).slice(0, 200),
    });
  }
  return parsed.items as T[];
}

/** Read a data file of src/kb and check its items. */
function loadKbItems<T>(file: string, check: (item: unknown) => boolean): T[] {
  const path = kbPath(file);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new NewsgraphError("KB_INVALID", `cannot read knowledge-base file ${file}: ${(err as Error).message}`, { file, path });
  }
  return parseKbFile<T>(text, file, check);
}

type Rec = Record<string, unknown>;
const isRec = (x: unknown): x is Rec => typeof x === "object" && x !== null && !Array.isArray(x);
const isStr = (x: unknown): x is string => typeof x === "string" && x.length > 0;
const isStrs = (x: unknown): boolean => Array.isArray(x) && x.every(isStr);
const optStr = (x: unknown): boolean => x === undefined || isStr(x);
const oneOf = (values: readonly string[]) => (x: unknown) => typeof x === "string" && values.includes(x);

const REGION_KINDS = ["continent", "region", "sea", "other"] as const;
const ORG_KINDS = ["international", "government", "company", "media", "political", "other"] as const;
const TITLE_RELATIONS = ["leader_of", "official_of", "works_for"] as const;
const ENTITY_TYPES = ["person", "organization", "country", "location", "event", "project"] as const;

/** Countries, dependent territories and historical states. */
export function countries(): Country[] {
  return loadKbItems<Country>(
    "countries.json",
    (c) => isRec(c) && isStr(c.name) && isStr(c.iso2) && isStrs(c.aliases) && isStrs(c.demonyms) && optStr(c.capital) && optStr(c.region),
  );
}

/** Cities of at least ~100,000 inhabitants plus every national capital. */
export function cities(): City[] {
  return loadKbItems<City>(
    "cities.json",
    (c) => isRec(c) && isStr(c.name) && isStr(c.country) && isStrs(c.aliases) && (c.population === undefined || typeof c.population === "number"),
  );
}

/** Continents, world regions, seas and other named areas. */
export function regions(): Region[] {
  return loadKbItems<Region>("regions.json", (r) => isRec(r) && isStr(r.name) && isStrs(r.aliases) && oneOf(REGION_KINDS)(r.kind));
}

/** Well-known organizations: international bodies, central banks, large companies, news agencies, sports bodies. */
export function organizations(): KnownOrganization[] {
  return loadKbItems<KnownOrganization>(
    "organizations.json",
    (o) => isRec(o) && isStr(o.name) && optStr(o.acronym) && isStrs(o.aliases) && oneOf(ORG_KINDS)(o.kind) && optStr(o.country) && optStr(o.basedIn),
  );
}

/** Lowercase common first names across languages. */
export function givenNames(): ReadonlySet<string> {
  return new Set(loadKbItems<string>("given-names.json", isStr));
}

/** Lowercase particles written inside personal names (bin, ibn, van, von der, de la, da, al-, el-, ...). */
export function nameParticles(): NameParticle[] {
  return loadKbItems<NameParticle>(
    "name-particles.json",
    (p) => isRec(p) && isStr(p.particle) && p.particle === p.particle.toLowerCase() && typeof p.standalone === "boolean" && typeof p.attached === "boolean" && typeof p.personal === "boolean" && isStr(p.example),
  );
}

/** Person titles (lowercase, possibly multiword) with the relation they imply between the person and an organization or place. */
export function personTitles(): PersonTitle[] {
  return loadKbItems<PersonTitle>("person-titles.json", (t) => isRec(t) && isStr(t.title) && oneOf(TITLE_RELATIONS)(t.relation));
}

/** Honorifics written before a name, without the dot (Mr, Mrs, Dr, Sir, ...). */
export function honorifics(): string[] {
  return loadKbItems<string>("honorifics.json", isStr);
}

/** Legal-form and group words that end company names (Inc, Ltd, plc, GmbH, Holdings, ...). */
export function companySuffixes(): string[] {
  return loadKbItems<string>("company-suffixes.json", isStr);
}

/** Head nouns that make a capitalized name an event (Summit, Games, Election, War, ...). */
export function eventHeads(): string[] {
  return loadKbItems<string>("event-heads.json", isStr);
}

/** Head nouns that make a capitalized name a project, programme or agreement (Initiative, Pipeline, Treaty, ...). */
export function projectHeads(): string[] {
  return loadKbItems<string>("project-heads.json", isStr);
}

/** Acronyms used as common nouns (PC, DVD, GDP, MP): never an entity's whole name. */
export function commonAcronyms(): string[] {
  return loadKbItems<string>("common-acronyms.json", isStr);
}

/** Head nouns of organization names that take a "for" or "on" complement (Institute, Committee, ...). */
export function organizationHeads(): string[] {
  return loadKbItems<string>("organization-heads.json", isStr);
}

/** Head nouns of descriptions and plural references, by the kind of entity they name. */
export function referenceNouns(): ReferenceNouns[] {
  return loadKbItems<ReferenceNouns>(
    "reference-nouns.json",
    (r) => isRec(r) && isStr(r.kind) && oneOf(ENTITY_TYPES)(r.type) && isStrs(r.heads) && (r.plural === undefined || typeof r.plural === "boolean"),
  );
}

/** Head nouns that make a capitalized name a place or facility (Airport, Port, Stadium, Square, ...). */
export function facilityHeads(): string[] {
  return loadKbItems<string>("facility-heads.json", isStr);
}
