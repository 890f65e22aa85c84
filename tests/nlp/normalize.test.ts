/** Name keys: one normaliser for every comparison of names (case, punctuation, accents; a person's particles). */
import { describe, expect, it } from "vitest";
import { asciiPunctuation, foldAccents, hasAccents, nameKey, oneLine, personNameKey, personShortForms, slugify } from "../../src/nlp/normalize.js";

// [a, b]: the same name key
const SAME_KEY: [string, string][] = [
  ["Erdoğan", "Erdogan"],
  ["Łukasz Żółć", "Lukasz Zolc"],
  ["Lars Løkke Rasmussen", "Lars Lokke Rasmussen"],
  ["Đoković", "Dokovic"],
  ["Straße", "Strasse"],
  ["Ahmet Davutoğlu", "AHMET DAVUTOGLU"],
  ["Luiz Inácio Lula da Silva", "Luiz Inacio Lula da Silva"],
  ["The Hague", "Hague"],
  ["Jean-Claude Juncker", "Jean Claude Juncker"],
  ["Varnholt\nMining Corp", "Varnholt Mining Corp"],
  ["Varnholt\u00a0Mining", "Varnholt  Mining"],
];

// [a, b]: different name keys
const OTHER_KEY: [string, string][] = [
  ["Bashar al-Assad", "Bashar Assad"],
  ["Kim Jong Un", "Kim Jong"],
  ["Osama bin Laden", "Laden"],
];

// [name, person name key]
const PERSON_KEYS: [string, string][] = [
  ["Bashar al-Assad", "bashar assad"],
  ["al-Assad", "assad"],
  ["bin Laden", "laden"],
  ["Osama bin Laden", "osama laden"],
  ["Ursula von der Leyen", "ursula leyen"],
  ["Valery Giscard d'Estaing", "valery giscard estaing"],
  ["Al Gore", "al gore"],
  ["Kim Jong Un", "kim jong un"],
  ["Moon Jae-in", "moon jae-in"],
  ["Theresa Smith-Jones", "theresa smith-jones"],
  ["Erdoğan", "erdogan"],
];

// [person name key, the words the person is called by alone]
const SHORT_FORMS: [string, string[]][] = [
  ["bashar assad", ["bashar", "assad"]],
  ["theresa smith-jones", ["theresa", "smith-jones", "smith"]],
  ["jean-claude juncker", ["jean-claude", "juncker", "jean"]],
  ["kim jong un", ["kim", "un"]],
];

describe("name keys", () => {
  it.each(SHORT_FORMS)("short forms of %s", (key, forms) => expect(personShortForms(key)).toEqual(forms));
  it.each(SAME_KEY)("%s = %s", (a, b) => expect(nameKey(a)).toBe(nameKey(b)));
  it.each(OTHER_KEY)("%s ≠ %s", (a, b) => expect(nameKey(a)).not.toBe(nameKey(b)));
  it.each(PERSON_KEYS)("person %s → %s", (name, key) => expect(personNameKey(name)).toBe(key));

  it.each([
    ["it’s ‘Zorblat’ — “Quenton”", `it's 'Zorblat' - "Quenton"`],
    ["plain `ASCII` words", "plain 'ASCII' words"],
    ["«Norland» ‐ Łódź´s", `"Norland" - Łódź's`],
    ["Nothing to replace, 12.5%", "Nothing to replace, 12.5%"],
  ])("ASCII punctuation of %s", (text, ascii) => expect(asciiPunctuation(text)).toBe(ascii));

  it("gives a name the same key however many other names were keyed before", () => {
    const names = ["Recep Tayyip Erdoğan", "The Zorblat Institute's", "Bashar al-Assad"];
    const before = names.map((n) => [nameKey(n), personNameKey(n)]);
    for (let k = 0; k < 120_000; k++) nameKey(`Quenton Norland ${k}`);
    for (let k = 0; k < 120_000; k++) personNameKey(`Quenton von Norland ${k}`);
    expect(names.map((n) => [nameKey(n), personNameKey(n)])).toEqual(before);
    expect(before[1]![0]).toBe("zorblat institute");
  });

  it("folds accents and the letters Unicode does not decompose, keeping other scripts", () => {
    expect(foldAccents("Plain ASCII, \t tabs & 123")).toBe("Plain ASCII, \t tabs & 123");
    expect(foldAccents("Erdoğan Øresund Łódź ıstanbul Đakovo")).toBe("Erdogan Oresund Lodz istanbul Dakovo");
    expect(slugify("Recep Tayyip Erdoğan")).toBe("recep-tayyip-erdogan");
    expect(slugify("Владимир")).toBe("владимир");
    expect([hasAccents("Erdoğan"), hasAccents("Erdogan")]).toEqual([true, false]);
  });
});

describe("oneLine", () => {
  it("writes a name broken across lines, tabs or no-break spaces on one line with single spaces", () => {
    expect(oneLine("Varnholt\nMining\r\n  Corp")).toBe("Varnholt Mining Corp");
    expect(oneLine("Varnholt\u00a0Mining")).toBe("Varnholt Mining");
    expect(oneLine("Varnholt Mining")).toBe("Varnholt Mining");
  });
});
