/**
 * Descriptions and pronouns: linked to the entity (or pair of entities) they refer back to when one clear
 * antecedent of the right type, kind, gender and number precedes them; left unlinked otherwise.
 */
import { describe, expect, it } from "vitest";
import { extract } from "./claims-of.js";

/** The names of the entities that hold a mention at the `nth` occurrence of `word` (a whole token). */
function referents(text: string, word: string, nth = 1): string[] {
  const x = extract(text);
  const re = new RegExp(`\\b${word}\\b`, "g");
  let match: RegExpExecArray | null = null;
  for (let k = 0; k < nth; k++) match = re.exec(text);
  if (!match) throw new Error(`no "${word}" #${nth} in the row's text`);
  const at = match.index;
  return x.entities.filter((e) => e.mentions.some((m) => m.start === at)).map((e) => e.name).sort();
}

// [text, reference word, its occurrence, the entities it must name (empty: it must stay unlinked)]
const ROWS: [string, string, number, string[]][] = [
  // Descriptions.
  ["Acme Motors, the carmaker, said on Monday that profits fell.", "carmaker", 1, ["Acme Motors"]],
  ["Norvia Bank reported a loss on Tuesday. The lender blamed bad loans.", "lender", 1, ["Norvia Bank"]],
  ["The Supreme Court rejected an appeal by Acme Corp on Monday. The company said it would try again.", "company", 1, ["Acme Corp"]],
  ["The European Court of Human Rights ruled against Turkey on Tuesday. The Strasbourg-based court said the trial was unfair.", "court", 1, ["European Court of Human Rights"]],
  ["Chile held a general election on Sunday. The country chose a new president.", "country", 1, ["Chile"]],
  ["Angela Merkel met Emmanuel Macron in Paris on Friday. The two leaders discussed trade.", "leaders", 1, ["Angela Merkel", "Emmanuel Macron"]],
  ["Acme Corp sued Zenith Ltd on Monday. The company said the claims were false.", "company", 1, []],
  ["Farmers protested in the capital on Monday. The company said prices would rise.", "company", 1, []],
  ["President Ana Ruiz of Chile met Tom Hale on Monday. Later the president flew home.", "president", 1, ["Ana Ruiz"]],
  ["Tom Hale met Ana Ruiz on Monday. Later the president flew home.", "president", 1, []],
  ["President Ana Ruiz met Tom Hale on Monday. The president of Peru did not attend.", "president", 1, []],
  // Pronouns.
  ["Acme Motors said on Monday that it would cut 2,000 jobs.", "it", 1, ["Acme Motors"]],
  ["Tom Hale visited Acme Corp in Oslo. It announced 300 new jobs.", "It", 1, ["Acme Corp"]],
  ["Tom Hale said his party would win the vote.", "his", 1, ["Tom Hale"]],
  ["Mrs Anna Berg met Mr Tom Hale in Oslo. She said the talks went well.", "She", 1, ["Anna Berg"]],
  ["Mrs Anna Berg met Mr Tom Hale in Oslo. He said the talks went well.", "He", 1, ["Tom Hale"]],
  ["Tom Hale met Peter Vance in Oslo on Monday. He said the talks went well.", "He", 1, ["Tom Hale"]],
  ["Chile and Peru signed a trade pact on Monday. They agreed to cut tariffs.", "They", 1, ["Chile", "Peru"]],
  ["He said the talks went well.", "He", 1, []],
  ["Tom Hale and Peter Vance met on Monday. He said the talks went well.", "He", 1, []],
  ["Mrs Anna Berg spoke first. He said the talks went well.", "He", 1, []],
  ["Tom Hale praised him on Monday.", "him", 1, []],
  ["Acme Corp cut prices on Monday. It is likely that rivals will follow.", "It", 1, []],
];

describe("references", () => {
  it.each(ROWS)("%s [%s #%i]", (text, word, nth, expected) => {
    expect(referents(text, word, nth)).toEqual([...expected].sort());
  });
});

describe("entities a document only describes", () => {
  const described = (text: string) =>
    extract(text)
      .entities.filter((e) => e.description)
      .map((e) => ({ name: e.name, type: e.type, head: e.description!.head, targets: e.description!.targets.length }));

  it("an indefinite description that says where it leads is an entity with its head and targets", () => {
    expect(described("Officials said Acme plans a second natural gas pipeline to Chile by 2030.")).toEqual([{ name: "second natural gas pipeline to Chile", type: "project", head: "pipeline", targets: 1 }]);
    expect(described("The two governments agreed on a new railway between Peru and Chile.")).toEqual([{ name: "new railway between Peru and Chile", type: "project", head: "railway", targets: 2 }]);
  });

  it("a description that names no place, or a definite one, is not", () => {
    expect(described("Acme plans a second natural gas pipeline by 2030.")).toEqual([]);
    expect(described("Acme said the pipeline to Chile would open in 2030.")).toEqual([]);
  });
});
