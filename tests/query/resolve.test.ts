import { describe, expect, it } from "vitest";
import { NewsgraphError } from "../../src/errors.js";
import { resolveEntity, searchEntities } from "../../src/query/resolve.js";
import { editDistance, normalizeName } from "../../src/query/fuzzy.js";
import { loadFixture } from "./fixture.js";

const kg = loadFixture();

function errorOf(fn: () => unknown): NewsgraphError {
  try {
    fn();
  } catch (err) {
    if (err instanceof NewsgraphError) return err;
    throw err;
  }
  throw new Error("expected a NewsgraphError");
}

describe("normalizeName", () => {
  it.each([
    ["Zoë O'Hara", "zoe ohara"],
    ["ZOE O’HARA", "zoe ohara"],
    ["Łódź  Harbour", "lodz harbour"],
    ["U.S.", "us"],
    ['Acme "Rocket" Works', "acme rocket works"],
    ["Smith, Jones & Partners", "smith jones partners"],
    ["  ", ""],
  ])("%s -> %s", (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

describe("editDistance", () => {
  it.each([
    ["valdoria", "valdoria", 0],
    ["valdorai", "valdoria", 1],
    ["norlnd", "norlund", 1],
    ["kitten", "sitting", 3],
    ["", "abc", 3],
  ])("%s / %s = %i", (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });

  it("stops early beyond the bound", () => {
    expect(editDistance("abcdefgh", "zyxwvuts", 2)).toBe(3);
  });
});

describe("resolveEntity", () => {
  it.each([
    ["exact label", "Ana Müller", "person:ana-muller"],
    ["case and accents", "ana muller", "person:ana-muller"],
    ["upper case", "TOMÁS O'NEILL", "person:tomas-oneill"],
    ["label with quotes", 'Acme "Rocket" Works', "organization:acme-rocket-works"],
    ["label with a comma", "smith, jones & partners", "organization:smith-jones-partners"],
    ["non-ASCII label typed in ASCII", "lodz harbour", "location:lodz-harbour"],
    ["node key", "project:mercury", "project:mercury"],
    ["alias", "Müller", "person:ana-muller"],
    ["acronym alias", "arw", "organization:acme-rocket-works"],
    ["alias beats a prefix of another entity", "park", "person:lena-park"],
    ["alias with curly apostrophe", "O’Neill", "person:tomas-oneill"],
    ["prefix", "Northw", "organization:northwind-council"],
    ["word of the label", "summit", "event:harbour-summit"],
    ["typo", "Ana Muler", "person:ana-muller"],
    ["transposition", "Valdorai", "country:valdoria"],
    ["missing letter", "Norlnd", "country:norlund"],
  ])("%s: %s", (_why, name, key) => {
    expect(resolveEntity(kg, name)).toBe(key);
  });

  it.each([
    ["two entities with the same label", "Mercury", ["organization:mercury", "project:mercury"]],
    ["a prefix of two labels", "lena", ["person:lena-park", "person:lena-parker"]],
    ["a word of two labels", "harbour", ["event:harbour-summit", "location:lodz-harbour"]],
  ])("ambiguous: %s", (_why, name, keys) => {
    const err = errorOf(() => resolveEntity(kg, name));
    expect(err.code).toBe("ENTITY_AMBIGUOUS");
    expect(err.message).not.toContain("\n");
    for (const key of keys) expect(err.message).toContain(key);
    expect((err.context.candidates as { key: string }[]).map((c) => c.key).sort()).toEqual(keys);
  });

  it.each([["Nobody Atall"], ["zzzz"], ["Quentin Unheard"]])("unknown: %s", (name) => {
    const err = errorOf(() => resolveEntity(kg, name));
    expect(err.code).toBe("ENTITY_UNKNOWN");
    expect(err.message).toContain(`unknown entity "${name}"`);
    expect(err.message).not.toContain("\n");
  });

  it("suggests the closest names for a near miss", () => {
    const err = errorOf(() => resolveEntity(kg, "Valdorianna"));
    expect(err.code).toBe("ENTITY_UNKNOWN");
    expect(err.message).toContain("closest: Valdoria (country)");
  });

  it("rejects an empty name", () => {
    expect(errorOf(() => resolveEntity(kg, "  ")).code).toBe("BAD_ARGUMENT");
  });
});

describe("searchEntities", () => {
  it.each([
    ["lena park", [["person:lena-park", "exact"], ["person:lena-parker", "prefix"]]],
    ["park", [["person:lena-park", "alias"], ["person:lena-parker", "prefix"]]],
    ["norlnd", [["country:norlund", "fuzzy"]]],
  ])("ranks matches of %s by kind", (query, expected) => {
    expect(searchEntities(kg, query).map((h) => [h.key, h.kind])).toEqual(expected);
  });

  it("finds a substring inside a word", () => {
    expect(searchEntities(kg, "wind").map((h) => h.key)).toEqual(["organization:northwind-council"]);
  });

  it("filters by type and limits", () => {
    expect(searchEntities(kg, "mercury", { types: ["project"] }).map((h) => h.key)).toEqual(["project:mercury"]);
    expect(searchEntities(kg, "a", { limit: 2 })).toHaveLength(2);
  });

  it("returns nothing for punctuation only", () => {
    expect(searchEntities(kg, "?!")).toEqual([]);
  });

  it("rejects an unknown type", () => {
    expect(errorOf(() => searchEntities(kg, "x", { types: ["planet" as never] })).code).toBe("BAD_ARGUMENT");
  });
});
