import { describe, expect, it } from "vitest";
import { FeatureTable } from "../../../src/nlp/tagger/feature-table.js";
import { featureKey, featureKey2, hashString } from "../../../src/nlp/tagger/hash.js";

describe("FeatureTable", () => {
  it("numbers keys in insertion order and finds them after growing", () => {
    const t = new FeatureTable(4);
    const keys = Array.from({ length: 5000 }, (_, i) => featureKey(7, i));
    keys.forEach((k, i) => expect(t.intern(k)).toBe(i));
    expect(t.size).toBe(5000);
    keys.forEach((k, i) => expect(t.get(k)).toBe(i));
    expect(t.intern(keys[42]!)).toBe(42);
    expect(t.get(featureKey(8, 1))).toBe(-1);
    expect([...t.keysByRow()]).toEqual(keys);
  });
  it("rebuilds from keys", () => {
    const keys = Int32Array.from([5, -3, 99, 1 << 30]);
    const t = FeatureTable.fromKeys(keys);
    expect([...keys].map((k) => t.get(k))).toEqual([0, 1, 2, 3]);
  });
});

describe("feature hashing", () => {
  it("is deterministic, never 0, and separates templates and argument order", () => {
    const h = hashString("Geneva");
    expect(hashString("Geneva")).toBe(h);
    expect(featureKey(1, h)).not.toBe(featureKey(2, h));
    expect(featureKey2(3, 1, 2)).not.toBe(featureKey2(3, 2, 1));
    for (let i = 0; i < 1000; i++) expect(featureKey(i, i * 31)).not.toBe(0);
  });
});
