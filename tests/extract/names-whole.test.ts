/**
 * Names as wholes: particles and prefixes (al-, el-, bin, van der, von, de la, da), multi-part East Asian
 * and Arabic names and hyphenated names stay one name with the full form as label; spellings with and
 * without particles or accents are one entity; titles and sentence words stay out; a name is not
 * extended across a time ("in X next week").
 */
import { describe, expect, it } from "vitest";
import { loadExtractor } from "../../src/extract/extractor.js";
import { extractDocument } from "../../src/extract/index.js";

const extractor = loadExtractor();

function entities(text: string): { name: string; type: string; aliases: string[] }[] {
  return extractDocument(extractor, { id: "t", path: "t.txt", sha256: "", text }).entities;
}

const names = (text: string): string[] => entities(text).map((e) => `${e.name} (${e.type})`);

// [text, entities that must be found, names that must not appear]
const ROWS: [string, string[], string[]][] = [
  // Attached particles: the tagger's span holds a lowercase prefix.
  ["Syrian President Bashar al-Assad met the envoy in Damascus.", ["Bashar al-Assad (person)"], ["Bashar (person)", "President Bashar al-Assad (person)"]],
  ["Abdel Fattah el-Sisi met Mahmoud Abbas in Cairo.", ["Abdel Fattah el-Sisi (person)", "Mahmoud Abbas (person)"], ["Abdel Fattah (person)"]],
  ["Former president Valery Giscard d'Estaing died on Wednesday.", ["Valery Giscard d'Estaing (person)"], ["Valery Giscard (person)"]],
  // Standalone particles the tagger leaves out of the span.
  ["Osama bin Laden was killed in Abbottabad.", ["Osama bin Laden (person)"], ["Laden (person)", "Laden (organization)"]],
  ["Crown Prince Mohammed bin Salman visited London.", ["Mohammed bin Salman (person)"], ["Mohammed (person)", "Salman (person)", "Prince Mohammed bin Salman (person)"]],
  ["Ursula von der Leyen spoke in Brussels.", ["Ursula von der Leyen (person)"], ["Ursula (location)", "Leyen (person)"]],
  ["Vincent van Gogh painted in Arles.", ["Vincent van Gogh (person)"], ["Gogh (person)"]],
  ["Luiz Inacio Lula da Silva won the election in Brazil.", ["Luiz Inacio Lula da Silva (person)"], ["Silva (person)", "Luiz Inacio Lula (person)"]],
  ["The film was shown by bin Laden's aides.", ["bin Laden (person)"], ["Laden (organization)"]],
  // Multi-part and hyphenated names.
  ["North Korean leader Kim Jong Un visited a factory.", ["Kim Jong Un (person)"], ["Kim Jong (person)", "Kim (person)"]],
  ["North Korean leader Kim Jong-Un visited a factory.", ["Kim Jong-Un (person)"], ["Kim (person)", "Jong (person)", "United Nations (organization)"]],
  ["Jean-Claude Juncker met Moon Jae-in in Seoul.", ["Jean-Claude Juncker (person)", "Moon Jae-in (person)"], ["Moon (person)"]],
  ["Mahmoud Abbas, also known as Abu Mazen, arrived in Ramallah.", ["Mahmoud Abbas (person)", "Abu Mazen (person)"], ["Mazen (person)"]],
  // Titles and sentence words stay out of the name.
  ["Meanwhile Recep Tayyip Erdogan met reporters.", ["Recep Tayyip Erdogan (person)"], ["Meanwhile Recep Tayyip Erdogan (person)"]],
  ["Prince bin Talal owns shares in the bank.", ["bin Talal (person)"], ["Prince bin Talal (person)", "Talal (person)"]],
  // A capitalized given name is no particle.
  ["Al Gore met Tipper Gore in Nashville.", ["Al Gore (person)", "Tipper Gore (person)"], ["Gore (person)"]],
  // Lowercase words that are not particles of a name, and a particle before no name.
  ["Paris van drivers went on strike.", ["Paris (location)"], ["Paris van (location)", "Paris van (person)"]],
  ["Maria de facto ran the company for years.", [], ["Maria de (person)", "Maria de facto (person)"]],
  ["Carmen sang de memoria in Sevilla.", [], ["Carmen sang de memoria (person)", "Carmen de (person)"]],
  // Particles inside names of organizations and works: no person.
  ["He said al Qaeda was behind the attack.", ["al-Qaeda (organization)"], ["al Qaeda (person)", "al-Qaeda (person)"]],
  ["He wrote for Cahiers du Cinema in Paris.", [], ["du Cinema (person)", "Cahiers du Cinema (person)"]],
  // A name is never extended across a time.
  ["The ministers will meet in Berlin next week.", ["Berlin (location)"], ["Berlin Week (event)", "Berlin next week (event)"]],
  ["The summit opened in Lisbon last week.", ["Lisbon (location)"], ["Lisbon Week (event)", "Lisbon last week (event)"]],
];

// [text, the one entity's label, a shorter or unaccented form it must hold as an alias]
const ONE_ENTITY: [string, string, string][] = [
  ["Bashar al-Assad met the envoy. Later al-Assad left for Damascus.", "Bashar al-Assad", "al-Assad"],
  ["Bashar al-Assad met the envoy. Assad left for Damascus on Monday.", "Bashar al-Assad", "Assad"],
  ["Bashar Assad met the envoy on Monday. Bashar al-Assad left on Tuesday.", "Bashar al-Assad", "Bashar Assad"],
  ["The film was shown by bin Laden's aides. Osama bin Laden was killed in May.", "Osama bin Laden", "bin Laden"],
  ["Recep Tayyip Erdoğan met reporters. Erdogan said the economy was strong.", "Recep Tayyip Erdoğan", "Erdogan"],
  ["Ursula von der Leyen arrived on Monday. Von der Leyen said the plan was ready.", "Ursula von der Leyen", "von der Leyen"],
  ["Kim Jong Un arrived on Monday. Kim said the talks were useful.", "Kim Jong Un", "Kim"],
  ["Robert Hale-Brandt spoke on Monday. Hale-Brandt said the party would win. Hale has one agenda.", "Robert Hale-Brandt", "Hale"],
  ["Jean-Claude Juncker arrived on Monday. Jean-Claude said the talks were useful.", "Jean-Claude Juncker", "Jean-Claude"],
  // A one-word name opening a sentence is kept when the document names the person in full.
  ["Mahmoud Abbas arrived on Monday. Abbas, speaking in Ramallah, said the talks failed.", "Mahmoud Abbas", "Abbas"],
];

describe("names as wholes", () => {
  it.each(ROWS)("%s", (text, found, absent) => {
    const got = names(text);
    for (const n of found) expect(got).toContain(n);
    for (const n of absent) expect(got).not.toContain(n);
  });

  it.each(ONE_ENTITY)("%s", (text, label, alias) => {
    const persons = entities(text).filter((e) => e.type === "person");
    expect(persons.map((e) => e.name)).toEqual([label]);
    expect(persons[0]!.aliases).toContain(alias);
  });
});
