/**
 * Name lookup is bounded whatever the typed name: property-based (fast-check, seeded) over random strings
 * of every script and length, on the hand-made fixture. The work is counted in edit-distance cells, not
 * timed; the errors are coded and repeat at most ECHO_LIMIT characters of the input.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ECHO_LIMIT, NewsgraphError } from "../../src/errors.js";
import { nameTokens, normalizeName } from "../../src/query/fuzzy.js";
import { MAX_NAME_CHARS, resolveEntity, searchEntities } from "../../src/query/resolve.js";
import { loadFixture } from "./fixture.js";

const kg = loadFixture();

/**
 * Most cells a lookup can fill when typed names are compared up to MAX_NAME_CHARS: every name and word of
 * the graph against a name of that length, for the match and for the suggestions, plus the words.
 */
function workBound(): number {
  let cells = 0;
  kg.graph.forEachNode((_, attrs) => {
    for (const name of [attrs.label, ...attrs.aliases]) {
      const norm = normalizeName(name);
      for (const candidate of [norm, ...nameTokens(norm)]) cells += (MAX_NAME_CHARS + 1) * (candidate.length + 1);
    }
  });
  return 3 * cells;
}

const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.string({ unit: "grapheme", maxLength: 300 }),
  // Long inputs: a word repeated, random characters, and near-misses of real names stretched out.
  fc.tuple(fc.constantFrom("lena ", "ana müller ", "x", "\u{1F600}", "\uD800", "Ω"), fc.integer({ min: 50, max: 5000 })).map(([w, n]) => w.repeat(n)),
  fc.string({ unit: "binary", minLength: 1000, maxLength: 20000 }),
);

describe("name lookup on any input", () => {
  const bound = workBound();

  it("never throws anything but a coded error, and fills a bounded number of cells", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const work = { cells: 0 };
        try {
          const key = resolveEntity(kg, text, work);
          expect(kg.graph.hasNode(key)).toBe(true);
        } catch (err) {
          expect(err).toBeInstanceOf(NewsgraphError);
          expect(["ENTITY_UNKNOWN", "ENTITY_AMBIGUOUS", "BAD_ARGUMENT"]).toContain((err as NewsgraphError).code);
          // The message repeats at most ECHO_LIMIT characters of the input (plus its own words).
          expect((err as Error).message.length).toBeLessThan(ECHO_LIMIT + 600);
        }
        expect(work.cells).toBeLessThanOrEqual(bound);
      }),
      { seed: 15, numRuns: 200 },
    );
  });

  it("compares nothing for a name longer than any name it could match", () => {
    const work = { cells: 0 };
    expect(searchEntities(kg, "lena park ".repeat(1000), { limit: 0, work })).toEqual([]);
    expect(() => resolveEntity(kg, "a".repeat(10_000), work)).toThrow(/unknown entity "a{200}…" \(10000 characters/);
    expect(work.cells).toBe(0);
  });

  it("still finds names with a typo up to the limit", () => {
    expect(resolveEntity(kg, "Valdorria")).toBe("country:valdoria");
    expect(searchEntities(kg, `${"x".repeat(MAX_NAME_CHARS - 10)}`)).toEqual([]);
  });
});
