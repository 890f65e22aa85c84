// The key tables of the query index: every key finds its row, whatever collides; an absent key finds none.
import { describe, expect, it } from "vitest";
import { keyTable, lookupKey } from "../../src/query/key-table.js";

describe("key tables", () => {
  it("find the row of every key and none for absent keys", () => {
    const keys = Array.from({ length: 3000 }, (_, i) => `person:invented-${i}`).concat(["", "city:łódź-like", "e1->e2:meets"]);
    const slots = keyTable(keys);
    expect(slots.length).toBeGreaterThanOrEqual(2 * keys.length);
    keys.forEach((key, row) => expect(lookupKey(slots, key, (r) => keys[r]!)).toBe(row));
    for (const absent of ["person:invented-3000", "Person:invented-1", "city:lodz-like"]) expect(lookupKey(slots, absent, (r) => keys[r]!)).toBe(-1);
  });

  it("of no keys find nothing", () => {
    expect(lookupKey(keyTable([]), "anything", () => expect.fail("no row to read"))).toBe(-1);
  });
});
