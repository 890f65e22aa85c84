import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readUserAliases, resolveCorpus } from "../../src/graph/resolve-corpus.js";
import { NewsgraphError } from "../../src/errors.js";
import { doc, entity, labels } from "./corpus-fixtures.js";

describe("resolution across documents", () => {
  it("merges one name seen in several documents, by majority type", () => {
    expect(labels([doc("a", entity("Norland Air", "organization")), doc("b", entity("Norland Air", "organization")), doc("c", entity("Norland Air", "location"))])).toEqual(["Norland Air<organization>×3"]);
  });

  it("joins a lone surname to the one full name of the corpus", () => {
    expect(labels([doc("a", entity("Maria Lopez", "person", ["Lopez"])), doc("b", entity("Lopez", "person"))])).toEqual(["Maria Lopez<person>×2"]);
  });

  it("keeps two people who share a surname apart, and the lone surname with them", () => {
    const out = labels([doc("a", entity("Maria Lopez", "person")), doc("b", entity("Carlos Lopez", "person")), doc("c", entity("Lopez", "person"))]);
    expect(out).toEqual(["Carlos Lopez<person>×1", "Lopez<person>×1", "Maria Lopez<person>×1"]);
  });

  it.each([
    // [names in three documents, label]: one person with and without particles or accents, the fullest form as label
    [["Bashar Assad", "Bashar al-Assad", "Bashar Assad"], "Bashar al-Assad"],
    [["Osama bin Laden", "bin Laden", "Laden"], "Osama bin Laden"],
    [["Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "Erdogan"], "Recep Tayyip Erdoğan"],
    [["Ursula von der Leyen", "von der Leyen", "Ursula von der Leyen"], "Ursula von der Leyen"],
    [["Theresa Smith-Jones", "Smith-Jones", "Smith"], "Theresa Smith-Jones"],
  ])("one person under %j is labelled %s", (names, label) => {
    expect(labels(names.map((n, i) => doc(`d${i}`, entity(n, "person"))))).toEqual([`${label}<person>×3`]);
  });

  it("keeps a leading article in the label ('The Sun' over 'Sun') and apart two people whose names differ by more than particles", () => {
    expect(labels([doc("a", entity("Sun", "organization")), doc("b", entity("The Sun", "organization")), doc("c", entity("Sun", "organization"))])).toEqual(["The Sun<organization>×3"]);
    expect(labels([doc("a", entity("Al Gore", "person")), doc("b", entity("Tipper Gore", "person"))])).toEqual(["Al Gore<person>×1", "Tipper Gore<person>×1"]);
  });

  it("merges through an alias that is another document's name (acronyms)", () => {
    expect(labels([doc("a", entity("World Energy Council", "organization", ["WEC"])), doc("b", entity("WEC", "organization"))])).toEqual(["World Energy Council<organization>×2"]);
  });

  it("binds an acronym across documents only when its expansions agree, and never glues two expansions", () => {
    const two = labels([
      doc("a", entity("Kenya Wildlife Service", "organization", ["KWS"])),
      doc("b", entity("Korean Water Society", "organization", ["KWS"])),
      doc("c", entity("KWS", "organization")),
    ]);
    expect(two).toEqual(["KWS<organization>×1", "Kenya Wildlife Service<organization>×1", "Korean Water Society<organization>×1"]);
    const one = labels([doc("a", entity("Kenya Wildlife Service", "organization", ["KWS"])), doc("b", entity("Kenya Wildlife Service", "organization", ["KWS"])), doc("c", entity("KWS", "organization"))]);
    expect(one).toEqual(["Kenya Wildlife Service<organization>×3"]);
  });

  it("logs every merge with its reason", () => {
    const { merges } = resolveCorpus([doc("a", entity("Maria Lopez", "person")), doc("b", entity("Lopez", "person"))]);
    expect(merges).toEqual([{ into: "Maria Lopez", forms: ["Lopez", "Maria Lopez"], reason: "surname" }]);
  });

  it("obeys a user alias file: forced merges and forbidden ones", () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-aliases-"));
    const file = join(dir, "aliases.json");
    writeFileSync(file, JSON.stringify({ merge: [{ label: "Acme Group", names: ["Acme", "Acme Holdings"] }], split: ["Lopez"] }));
    const aliases = readUserAliases(file);
    const out = labels([doc("a", entity("Acme", "organization"), entity("Maria Lopez", "person")), doc("b", entity("Acme Holdings", "organization"), entity("Lopez", "person"))], aliases);
    expect(out).toEqual(["Acme Group<organization>×2", "Lopez<person>×1", "Maria Lopez<person>×1"]);
  });

  it("rejects a malformed alias file naming it", () => {
    const dir = mkdtempSync(join(tmpdir(), "ng-aliases-"));
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ merge: [{ names: "x" }] }));
    expect(() => readUserAliases(file)).toThrow(NewsgraphError);
    expect(() => readUserAliases(file)).toThrow(file);
  });
});
