import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readUserAliases, resolveCorpus } from "../../src/graph/resolve-corpus.js";
import { NewsgraphError } from "../../src/errors.js";
import type { DocEntity, DocExtraction } from "../../src/types.js";
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

  it("keeps a country apart from a namesake of another type, and lets the surname join its person", () => {
    const out = labels([doc("a", entity("Jordan", "country")), doc("b", entity("Jordan", "person")), doc("c", entity("Michael Jordan", "person"))]);
    expect(out).toEqual(["Jordan<country>×1", "Michael Jordan<person>×2"]);
    expect(labels([doc("a", entity("Jordan", "country")), doc("b", entity("Jordan", "country"))])).toEqual(["Jordan<country>×2"]);
  });

  describe("an entity a document only describes", () => {
    // Doc "a" names the project and ties it to Chile; doc "b" only describes "a new gas pipeline to Chile".
    const described = (id: string, target: DocEntity): DocEntity => ({
      ...entity("new gas pipeline to Chile", "project"),
      id,
      description: { head: "pipeline", modifiers: ["new", "gas"], targets: [target.id] },
    });
    const tied = (x: DocExtraction, a: DocEntity, b: DocEntity): DocExtraction => ({
      ...x,
      relations: [{ source: a.id, target: b.id, relation: "co_occurs", negated: false, predicate: "", rule: "same-sentence", evidence: { doc: x.doc.id, sentence: "", start: 0, end: 0 } }],
    });
    const named = (name: string, place: string) => {
      const project = entity(name, "project", [`${name} pipeline`]);
      const country = entity(place, "country");
      return tied(doc(`n-${name}`, project, country), project, country);
    };
    const describing = () => {
      const chile = entity("Chile", "country");
      return doc("b", chile, described("d1", chile));
    };

    it("joins the one named entity of its type with its head noun, tied to its target, and logs why", () => {
      const { entities, merges } = resolveCorpus([named("Northern Light", "Chile"), describing()]);
      expect(entities.map((e) => `${e.label}×${e.members.length}`).sort()).toEqual(["Chile×2", "Northern Light×2"]);
      expect(merges).toContainEqual({ into: "Northern Light", forms: ["Northern Light", "new gas pipeline to Chile"], reason: "description" });
    });

    it("stays out of the graph when two named entities fit, or none", () => {
      expect(labels([named("Northern Light", "Chile"), named("Southern Cross", "Chile"), describing()])).toEqual(["Chile<country>×3", "Northern Light<project>×1", "Southern Cross<project>×1"]);
      expect(labels([named("Northern Light", "Peru"), describing()])).toEqual(["Chile<country>×1", "Northern Light<project>×1", "Peru<country>×1"]);
    });
  });

  it("places a lone surname among several full-name people by the names its document shares with theirs", () => {
    const politics = ["Labour Party", "Westminster", "Treasury", "House of Commons", "Downing Street"];
    const football = ["Manchester United", "Old Trafford", "Premier League", "Sir Alex Ferguson", "Anfield"];
    const story = (id: string, person: string, around: string[]) => doc(id, entity(person, "person"), ...around.map((n) => entity(n, "organization")));
    const corpus = [story("a", "Gordon Brown", politics), story("b", "Wes Brown", football), story("c", "Brown", politics.slice(0, 4)), story("d", "Brown", football.slice(1)), story("e", "Brown", ["Acme"])];
    const people = labels(corpus).filter((l) => l.includes("Brown"));
    expect(people).toEqual(["Brown<person>×1", "Gordon Brown<person>×2", "Wes Brown<person>×2"]);
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
