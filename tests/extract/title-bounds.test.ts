/** The first and last words of the titles, which let the title rules skip words that start or end none. */
import { describe, expect, it } from "vitest";
import { loadGazetteer, titleBounds, type Gazetteer } from "../../src/extract/gazetteer.js";
import type { RelationType } from "../../src/types.js";

const shipped = loadGazetteer();

describe("title bounds", () => {
  it("holds the first and the last word of every title, and a one-word title as both", () => {
    const gaz: Gazetteer = { ...shipped, titles: new Map<string, RelationType>([["grand vizier of the realm", "leader_of"], ["quaestor", "official_of"]]) };
    const { first, last } = titleBounds(gaz);
    expect([...first].sort()).toEqual(["grand", "quaestor"]);
    expect([...last].sort()).toEqual(["quaestor", "realm"]);
  });

  it("follows the gazetteer's own titles, not those of another gazetteer", () => {
    const other: Gazetteer = { ...shipped, titles: new Map<string, RelationType>([["archon", "leader_of"]]) };
    expect(titleBounds(other).last.has("archon")).toBe(true);
    expect(titleBounds(shipped).last.has("archon")).toBe(false);
    for (const title of shipped.titles.keys()) {
      const words = title.split(" ");
      expect(titleBounds(shipped).first.has(words[0]!) && titleBounds(shipped).last.has(words[words.length - 1]!)).toBe(true);
    }
  });
});
