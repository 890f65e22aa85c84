// Checks the knowledge-base data files through their loaders: shape, sizes, and cross-file consistency.
import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  cities,
  companySuffixes,
  countries,
  eventHeads,
  givenNames,
  honorifics,
  organizations,
  parseKbFile,
  personTitles,
  projectHeads,
  regions,
} from "../../src/kb/index.js";
import { NewsgraphError } from "../../src/errors.js";
import { nameKey } from "../../src/nlp/normalize.js";
import { kbPath } from "../../src/paths.js";

/** Keys that occur under more than one owner. */
function shared(pairs: Array<[key: string, owner: string]>): string[] {
  const owners = new Map<string, Set<string>>();
  for (const [key, owner] of pairs) {
    if (!owners.has(key)) owners.set(key, new Set());
    owners.get(key)!.add(owner);
  }
  return [...owners].filter(([, o]) => o.size > 1).map(([k, o]) => `${k}: ${[...o].join(", ")}`);
}

const countryKeys = (): Array<[string, string]> => countries().flatMap((c) => [c.name, ...c.aliases].map((n): [string, string] => [nameKey(n), c.iso2]));

describe("parseKbFile", () => {
  const isStr = (x: unknown) => typeof x === "string";
  it("returns the items of a well-formed file", () => {
    expect(parseKbFile('{"source":"s","license":"l","items":["a","b"]}', "t.json", isStr)).toEqual(["a", "b"]);
  });
  it.each([
    ["not JSON", "{items:"],
    ["no source", '{"license":"l","items":[]}'],
    ["no license", '{"source":"s","items":[]}'],
    ["items not an array", '{"source":"s","license":"l","items":{}}'],
    ["malformed item", '{"source":"s","license":"l","items":["a",3]}'],
  ])("rejects a file with %s as KB_INVALID", (_why, text) => {
    expect(() => parseKbFile(text, "t.json", isStr)).toThrow(NewsgraphError);
    try {
      parseKbFile(text, "t.json", isStr);
    } catch (err) {
      expect((err as NewsgraphError).code).toBe("KB_INVALID");
    }
  });
});

describe("countries", () => {
  it("covers the UN members, observers, territories and historical states", () => {
    expect(countries().length).toBeGreaterThanOrEqual(240);
  });
  it("has unique two-letter uppercase codes", () => {
    const codes = countries().map((c) => c.iso2);
    expect(codes.filter((c) => !/^[A-Z]{2}$/.test(c))).toEqual([]);
    expect(codes.length).toBe(new Set(codes).size);
  });
  it("never gives one name or alias to two countries", () => {
    expect(shared(countryKeys())).toEqual([]);
  });
  it("maps each demonym to exactly one country", () => {
    const pairs = countries().flatMap((c) => c.demonyms.map((d): [string, string] => [d.toLowerCase(), c.iso2]));
    expect(shared(pairs)).toEqual([]);
  });
  it("has no empty or padded strings and no alias equal to its own name", () => {
    for (const c of countries()) {
      for (const s of [c.name, ...c.aliases, ...c.demonyms]) expect(s).toBe(s.trim());
      expect(c.aliases).not.toContain(c.name);
    }
  });
  it("knows everyday news aliases and plural demonyms", () => {
    const byKey = new Map(countryKeys());
    const iso = (name: string) => byKey.get(nameKey(name));
    expect(iso("U.S.")).toBe(iso("United States of America"));
    expect(iso("UK")).toBe(iso("Great Britain"));
    expect(iso("Britain")).toBe(iso("United Kingdom"));
    expect(iso("Russian Federation")).toBe(iso("Russia"));
    expect(iso("Republic of Korea")).toBe(iso("South Korea"));
    expect(iso("USSR")).toBe(iso("Soviet Union"));
    expect(iso("Soviet Union")).not.toBe(iso("Russia"));
    expect(iso("Burma")).toBe(iso("Myanmar"));
    const demonymOf = new Map(countries().flatMap((c) => c.demonyms.map((d): [string, string] => [d, c.iso2])));
    for (const d of ["American", "Americans", "British", "Chinese", "Russians", "Soviet"]) expect(demonymOf.has(d), d).toBe(true);
  });
});

describe("cities", () => {
  it("lists several thousand cities in a file under 2 MB", () => {
    expect(cities().length).toBeGreaterThan(3000);
    expect(statSync(kbPath("cities.json")).size).toBeLessThan(2_000_000);
  });
  it("only names countries that exist", () => {
    const codes = new Set(countries().map((c) => c.iso2));
    expect(cities().filter((c) => !codes.has(c.country)).map((c) => `${c.name} (${c.country})`)).toEqual([]);
  });
  it("lists each country's capital among that country's cities", () => {
    const names = new Map<string, Set<string>>();
    for (const c of cities()) {
      if (!names.has(c.country)) names.set(c.country, new Set());
      for (const n of [c.name, ...c.aliases]) names.get(c.country)!.add(n);
    }
    const everywhere = new Set(cities().flatMap((c) => [c.name, ...c.aliases]));
    const missing = countries()
      .filter((c) => c.capital && !(names.get(c.iso2)?.has(c.capital!) ?? everywhere.has(c.capital!)))
      .map((c) => `${c.capital} (${c.iso2})`);
    expect(missing).toEqual([]);
  });
  it("has one entry per name and country, with positive populations", () => {
    const keys = cities().map((c) => `${c.country}:${c.name}`);
    expect(keys.length).toBe(new Set(keys).size);
    expect(cities().filter((c) => c.population !== undefined && !(c.population > 0))).toEqual([]);
  });
});

describe("regions", () => {
  it("has continents, regions and seas with unique names that no country uses", () => {
    const kinds = new Set(regions().map((r) => r.kind));
    for (const k of ["continent", "region", "sea"]) expect(kinds.has(k as never)).toBe(true);
    const keys = regions().flatMap((r) => [r.name, ...r.aliases].map((n): [string, string] => [nameKey(n), `region:${r.name}`]));
    expect(shared(keys)).toEqual([]);
    expect(shared([...keys, ...countryKeys()])).toEqual([]);
  });
});

describe("organizations", () => {
  it("has unique names and aliases, acronyms that no country or region uses, and acronyms shared only on purpose", () => {
    const orgKeys = organizations().flatMap((o) => [o.name, ...o.aliases].map((n): [string, string] => [nameKey(n), `org:${o.name}`]));
    expect(shared(orgKeys)).toEqual([]);
    // An acronym several organizations use is resolved by each document's words (extract/resolve-document.ts).
    const acronymKeys = organizations().flatMap((o): [string, string][] => (o.acronym ? [[nameKey(o.acronym), `org:${o.name}`]] : []));
    expect(shared([...orgKeys, ...new Map(acronymKeys).entries()])).toEqual([]);
    expect(shared(acronymKeys).map((s) => s.split(":")[0]).sort()).toEqual(["ecb", "icc"]);
    const regionKeys = regions().flatMap((r) => [r.name, ...r.aliases].map((n): [string, string] => [nameKey(n), `region:${r.name}`]));
    expect(shared([...orgKeys, ...acronymKeys.filter(([k]) => k !== "ecb" && k !== "icc"), ...countryKeys(), ...regionKeys])).toEqual([]);
  });
  it("only names countries that exist", () => {
    const codes = new Set(countries().map((c) => c.iso2));
    expect(organizations().filter((o) => o.country && !codes.has(o.country)).map((o) => o.name)).toEqual([]);
  });
  it("covers each kind", () => {
    const kinds = new Set(organizations().map((o) => o.kind));
    expect([...kinds].sort()).toEqual(["company", "government", "international", "media", "other", "political"]);
  });
});

describe("given names", () => {
  it("is a large lowercase set across languages without common English words", () => {
    const names = givenNames();
    expect(names.size).toBeGreaterThan(3000);
    for (const n of names) expect(n, n).toBe(n.toLowerCase());
    for (const n of ["john", "maria", "mohammed", "sergei", "priya", "wei", "hiroshi", "jan"]) expect(names.has(n), n).toBe(true);
    for (const n of ["will", "may", "the", "president", "general", "china", "paris"]) expect(names.has(n), n).toBe(false);
  });
});

describe("person titles", () => {
  it("are unique lowercase phrases with the three relations", () => {
    const titles = personTitles().map((t) => t.title);
    expect(titles.length).toBe(new Set(titles).size);
    expect(titles.filter((t) => t !== t.toLowerCase() || t !== t.trim())).toEqual([]);
    expect(new Set(personTitles().map((t) => t.relation)).size).toBe(3);
  });
  it.each([
    ["president", "leader_of"],
    ["prime minister", "leader_of"],
    ["chief executive", "leader_of"],
    ["mayor", "leader_of"],
    ["foreign minister", "official_of"],
    ["spokeswoman", "official_of"],
    ["ambassador", "official_of"],
    ["analyst", "works_for"],
    ["striker", "works_for"],
    ["correspondent", "works_for"],
  ])("%s implies %s", (title, relation) => {
    expect(personTitles().find((t) => t.title === title)?.relation).toBe(relation);
  });
});

describe("word lists", () => {
  it.each([
    ["honorifics", honorifics, ["Mr", "Mrs", "Ms", "Dr", "Sir"]],
    ["company suffixes", companySuffixes, ["Inc", "Corp", "Ltd", "plc", "AG", "GmbH", "SA", "Group", "Holdings"]],
    ["event heads", eventHeads, ["Forum", "Summit", "Games", "Cup", "Olympics", "Election", "War", "Conference", "Championship", "Festival"]],
    ["project heads", projectHeads, ["Initiative", "Pipeline", "Programme", "Program", "Project", "Treaty", "Agreement", "Accord", "Plan", "Deal", "Pact", "Act"]],
  ])("%s are unique, without dots at the end, and include the usual ones", (_what, load, expected) => {
    const words = load();
    expect(words.length).toBe(new Set(words).size);
    expect(words.filter((w) => w.endsWith(".") || w !== w.trim())).toEqual([]);
    for (const w of expected) expect(words).toContain(w);
  });
  it("does not use one head noun for both events and projects", () => {
    const events = new Set(eventHeads().map((w) => w.toLowerCase()));
    expect(projectHeads().filter((w) => events.has(w.toLowerCase()))).toEqual([]);
  });
});
