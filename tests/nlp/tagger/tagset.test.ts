import { describe, expect, it } from "vitest";
import { bilouTagSet, bilouToIob2, freeTagSet, iobToBilou } from "../../../src/nlp/tagger/tagset.js";

describe("BILOU conversion", () => {
  const rows: [string[], string[]][] = [
    [["B-PER", "I-PER", "O"], ["B-PER", "L-PER", "O"]],
    [["B-LOC", "O", "B-ORG", "I-ORG", "I-ORG"], ["U-LOC", "O", "B-ORG", "I-ORG", "L-ORG"]],
    [["B-PER", "B-PER"], ["U-PER", "U-PER"]],
    // IOB1: an I- tag after O starts an entity.
    [["O", "I-MISC", "I-MISC"], ["O", "B-MISC", "L-MISC"]],
    [["I-ORG", "I-LOC"], ["U-ORG", "U-LOC"]],
  ];
  it.each(rows)("%j -> %j", (iob, bilou) => {
    expect(iobToBilou(iob)).toEqual(bilou);
    expect(bilouToIob2(bilou)).toEqual(iobToBilou(iob).map((t) => (t === "O" ? "O" : t[0] === "B" || t[0] === "U" ? `B-${t.slice(2)}` : `I-${t.slice(2)}`)));
  });
});

describe("bilouTagSet constraints", () => {
  const ts = bilouTagSet(["LOC", "PER"]);
  const id = (n: string) => ts.names.indexOf(n);
  const may = (prev: string | null, next: string) => ts.allowed[(prev === null ? ts.names.length : id(prev)) * ts.names.length + id(next)] === 1;
  it("orders classes O, then B I L U per type", () => {
    expect(ts.names).toEqual(["O", "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-PER", "I-PER", "L-PER", "U-PER"]);
  });
  it("allows only continuations of the same type inside an entity", () => {
    expect(may("B-PER", "I-PER")).toBe(true);
    expect(may("B-PER", "L-PER")).toBe(true);
    expect(may("B-PER", "L-LOC")).toBe(false);
    expect(may("B-PER", "O")).toBe(false);
    expect(may("I-LOC", "U-LOC")).toBe(false);
  });
  it("forbids continuations outside an entity", () => {
    expect(may(null, "I-PER")).toBe(false);
    expect(may("O", "L-LOC")).toBe(false);
    expect(may("L-LOC", "I-LOC")).toBe(false);
    expect(may("U-PER", "B-PER")).toBe(true);
    expect(may(null, "U-LOC")).toBe(true);
  });
  it("lets a sentence end only outside an open entity", () => {
    expect(ts.finalAllowed[id("B-LOC")]).toBe(0);
    expect(ts.finalAllowed[id("I-PER")]).toBe(0);
    expect(ts.finalAllowed[id("L-PER")]).toBe(1);
    expect(ts.finalAllowed[id("O")]).toBe(1);
  });
  it("free tag sets allow everything", () => {
    const free = freeTagSet(["NN", "VB"]);
    expect([...free.allowed].every((x) => x === 1)).toBe(true);
  });
});
