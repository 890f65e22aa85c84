import { describe, expect, it } from "vitest";
import { resolveCorpus } from "../../src/graph/resolve-corpus.js";
import { lateSurnameMerges } from "../../src/graph/surname-merge.js";
import { doc, entity, labels } from "./corpus-fixtures.js";

describe("one-word and initial forms of a person join the one full name they can be", () => {
  it("merges a one-word surname into the unique full name, through its initial form", () => {
    // Before the initial form joins, "O'Gara" has two full-name candidates (Ronan O'Gara, R O'Gara).
    const x = [doc("a", entity("Ronan O'Gara", "person")), doc("b", entity("R O'Gara", "person")), doc("c", entity("O'Gara", "person"))];
    expect(labels(x)).toEqual(["Ronan O'Gara<person>×3"]);
    expect(resolveCorpus(x).merges).toEqual([
      { into: "Ronan O'Gara", forms: ["R O'Gara", "Ronan O'Gara"], reason: "surname" },
      { into: "Ronan O'Gara", forms: ["O'Gara", "Ronan O'Gara"], reason: "surname" },
    ]);
  });

  it("merges an initial form only when the initial matches the one full name", () => {
    const x = [doc("a", entity("Ronan O'Gara", "person")), doc("b", entity("R O'Gara", "person")), doc("c", entity("J O'Gara", "person"))];
    expect(labels(x)).toEqual(["J O'Gara<person>×1", "Ronan O'Gara<person>×2"]);
  });

  it("keeps an initial form apart when two full names have that initial", () => {
    const x = [doc("a", entity("Ronan O'Gara", "person")), doc("b", entity("Rory O'Gara", "person")), doc("c", entity("R O'Gara", "person"))];
    expect(labels(x)).toEqual(["R O'Gara<person>×1", "Ronan O'Gara<person>×1", "Rory O'Gara<person>×1"]);
  });

  it("keeps an ambiguous surname apart from the two full names that bear it", () => {
    const x = [doc("a", entity("Gordon Brown", "person", ["Brown"])), doc("b", entity("Gary Brown", "person")), doc("c", entity("Brown", "person")), doc("d", entity("G Brown", "person"))];
    expect(labels(x)).toEqual(["Brown<person>×1", "G Brown<person>×1", "Gary Brown<person>×1", "Gordon Brown<person>×1"]);
  });

  it("merges a one-word form that is an alias of exactly one full-name person", () => {
    const x = [doc("a", entity("Tony Blair", "person", ["Blair"])), doc("b", entity("Blair", "person")), doc("c", entity("George W Bush", "person", ["Dubya"])), doc("d", entity("Dubya", "person"))];
    expect(labels(x)).toEqual(["George W Bush<person>×2", "Tony Blair<person>×2"]);
    expect(resolveCorpus(x).merges).toContainEqual({ into: "George W Bush", forms: ["Dubya", "George W Bush"], reason: "alias" });
  });

  it("keeps a one-word form apart when it is the alias of one full name and the surname of another", () => {
    const x = [doc("a", entity("Tony Blair", "person", ["Blair"])), doc("b", entity("Cherie Blair", "person")), doc("c", entity("Blair", "person"))];
    expect(labels(x)).toEqual(["Blair<person>×1", "Cherie Blair<person>×1", "Tony Blair<person>×1"]);
  });

  it("keeps a word that is one person's surname and another's first name apart", () => {
    const x = [doc("a", entity("Dirty Harry", "person")), doc("b", entity("Harry Potter", "person")), doc("c", entity("Harry", "person"))];
    expect(labels(x)).toEqual(["Dirty Harry<person>×1", "Harry Potter<person>×1", "Harry<person>×1"]);
  });

  it("never merges a one-word organization into a person", () => {
    const x = [doc("a", entity("Tony Blair", "person", ["Blair"])), doc("b", entity("Blair", "organization")), doc("c", entity("Tesco", "organization")), doc("d", entity("Jim Tesco", "person"))];
    expect(labels(x)).toEqual(["Blair<organization>×1", "Jim Tesco<person>×1", "Tesco<organization>×1", "Tony Blair<person>×1"]);
  });

  it("never glues two full names together through a shared one-word or initial form", () => {
    const x = [
      doc("a", entity("George Bush", "person", ["Bush"])),
      doc("b", entity("George W Bush", "person", ["Bush"])),
      doc("c", entity("Bush", "person")),
      doc("d", entity("G Bush", "person")),
    ];
    expect(labels(x)).toEqual(["Bush<person>×1", "G Bush<person>×1", "George Bush<person>×1", "George W Bush<person>×1"]);
  });

  it("does not merge a name the user split", () => {
    const x = [doc("a", entity("Ronan O'Gara", "person")), doc("b", entity("R O'Gara", "person")), doc("c", entity("O'Gara", "person"))];
    expect(labels(x, { merge: [], split: ["O'Gara"] })).toEqual(["O'Gara<person>×1", "Ronan O'Gara<person>×2"]);
  });

  it("does not depend on the order of the documents", () => {
    const docs = [
      doc("a", entity("Ronan O'Gara", "person")),
      doc("b", entity("O'Gara", "person")),
      doc("c", entity("R O'Gara", "person")),
      doc("d", entity("Gordon Brown", "person")),
      doc("e", entity("Brown", "person")),
      doc("f", entity("Gary Brown", "person")),
      doc("g", entity("Blair", "person")),
      doc("h", entity("Tony Blair", "person", ["Blair"])),
    ];
    const expected = labels(docs);
    expect(labels([...docs].reverse())).toEqual(expected);
    expect(labels([docs[4]!, docs[1]!, docs[7]!, docs[0]!, docs[6]!, docs[2]!, docs[5]!, docs[3]!])).toEqual(expected);
    expect(expected).toEqual(["Brown<person>×1", "Gary Brown<person>×1", "Gordon Brown<person>×1", "Ronan O'Gara<person>×3", "Tony Blair<person>×2"]);
  });

  it("lists its merges by source, as a pure function of the groups", () => {
    const merges = lateSurnameMerges([
      { root: 0, type: "person", names: ["ronan ogara"], aliases: [] },
      { root: 3, type: "person", names: ["ogara"], aliases: [] },
      { root: 1, type: "person", names: ["r ogara"], aliases: [] },
      { root: 2, type: "organization", names: ["brown"], aliases: [] },
      { root: 4, type: "person", names: ["gordon brown"], aliases: [] },
    ]);
    expect(merges).toEqual([
      { from: 1, into: 0, reason: "surname" },
      { from: 3, into: 0, reason: "surname" },
    ]);
  });
});
