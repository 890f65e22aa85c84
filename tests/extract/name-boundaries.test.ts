/**
 * Name boundaries: sentence words and titles the tagger sweeps into a span are not part of the name, and
 * a one-word name at the start of a sentence is kept when the sentence supports it.
 */
import { describe, expect, it } from "vitest";
import { loadExtractor } from "../../src/extract/extractor.js";
import { extractDocument } from "../../src/extract/index.js";

const extractor = loadExtractor();

function names(text: string): string[] {
  return extractDocument(extractor, { id: "t", path: "t.txt", sha256: "", text }).entities.map((e) => `${e.name} (${e.type})`);
}

// [text, entities that must be found, names that must not appear]
const ROWS: [string, string[], string[]][] = [
  ["Secretary of State Hillary Clinton met Angela Merkel.", ["Hillary Clinton (person)", "Angela Merkel (person)"], ["State Hillary Clinton (person)"]],
  ["Chancellor of the Exchequer Gordon Brown spoke in London.", ["Gordon Brown (person)"], ["Exchequer Gordon Brown (organization)", "Exchequer Gordon Brown (person)"]],
  ["Meanwhile, Google said it would appeal.", ["Google (organization)"], ["Meanwhile (person)", "Meanwhile (organization)"]],
  ["Since Google bought YouTube, prices rose.", ["Google (organization)"], ["Since Google (organization)"]],
  // A lone first word before a comma is a name when an apposition follows or the gazetteer knows it.
  ["Equinor, the state oil company, said profits rose.", ["Equinor (organization)"], []],
  ["Harrington, a professor of political science at Queens College, died.", ["Harrington (person)", "Queens College (organization)"], []],
  ["Overall, the company said profits rose.", [], ["Overall (organization)", "Overall (person)"]],
  // A leading article may belong to the name.
  ["Officials in The Hague said the court would rule.", ["The Hague (location)"], ["Hague (location)"]],
  ["The report was written by Lena Berg Editor.", ["Lena Berg (person)"], ["Lena Berg Editor (person)"]],
  // An organization's head noun takes its "for"/"on" complement; a day after "on" is no part of the name.
  ["Officials said the Basel Committee on Banking Supervision met in Basel.", ["Basel Committee on Banking Supervision (organization)"], ["Banking Supervision (organization)"]],
  ["He joined the Meiji Institute for Global Affairs last year.", ["Meiji Institute for Global Affairs (organization)"], ["Meiji Institute (organization)"]],
  ["The Norland Council on Monday rejected the plan.", ["Norland Council (organization)"], ["Norland Council on Monday (organization)"]],
  // A lowercase event noun after a place or a known organization names no event of its own.
  ["Israel ended the Gaza offensive on Monday.", [], ["Gaza Offensive (event)"]],
  ["Ministers met at an EU meeting in Brussels.", ["European Union (organization)"], ["EU Meeting (event)"]],
  ["Delegates gathered for the Silk Link forum on Tuesday.", ["Silk Link Forum (event)"], []],
  // A number after the head noun: "World War II" is an event.
  ["He fought in World War II before he moved to Paris.", ["World War II (event)"], []],
  // The complement of a title is no part of the person's name; a name never ends in an article or a dated day.
  ["EU Commissioner for Migration Dimitris Avramopoulos said the plan would work.", ["Dimitris Avramopoulos (person)"], ["Migration Dimitris Avramopoulos (organization)"]],
  ["Minister for Foreign Affairs John Smith resigned on Friday.", ["John Smith (person)"], ["Foreign Affairs John Smith (organization)"]],
  ["Powerless The government admitted defeat.", [], ["Powerless The (organization)"]],
  ["He told Bild on Saturday that he would stay.", ["Bild (organization)"], ["Bild on Saturday (organization)"]],
  // Acronyms used as common nouns name nothing.
  ["Sales of the new PC and DVD players rose, the MP said.", [], ["PC (organization)", "DVD (organization)", "MP (organization)", "MP (person)"]],
];

describe("name boundaries", () => {
  it.each(ROWS)("%s", (text, found, absent) => {
    const got = names(text);
    for (const n of found) expect(got).toContain(n);
    for (const n of absent) expect(got).not.toContain(n);
  });
});
