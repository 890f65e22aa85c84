/**
 * Resolution inside a document that neither glues nor splits: a surname that is also a country stays with
 * its person, and an acronym the knowledge base expands several ways follows the document's own words.
 */
import { describe, expect, it } from "vitest";
import { extract } from "./claims-of.js";

function entities(text: string): string[] {
  return extract(text).entities.map((e) => `${e.name} (${e.type})`);
}

// [text, entities that must be found, entities that must not appear]
const ROWS: [string, string[], string[]][] = [
  ["Michael Jordan scored 40 points on Sunday. Jordan thanked the fans.", ["Michael Jordan (person)"], ["Jordan (country)"]],
  ["Michael Jordan visited Amman on Sunday. The king of Jordan met him there.", ["Michael Jordan (person)", "Jordan (country)"], []],
  ["Michael Jordan flew to Jordan on Sunday.", ["Michael Jordan (person)", "Jordan (country)"], []],
  // The knowledge base expands ECB two ways: the central bank and the cricket board.
  ["The ECB fined the county for a breach of its rules, the cricket board said.", ["England and Wales Cricket Board (organization)"], ["European Central Bank (organization)"]],
  ["The ECB raised interest rates, the central bank said.", ["European Central Bank (organization)"], ["England and Wales Cricket Board (organization)"]],
  ["The ECB said it was ready.", ["ECB (organization)"], ["European Central Bank (organization)", "England and Wales Cricket Board (organization)"]],
  // The document's own expansion wins over the knowledge base.
  ["The Eastern Cable Board (ECB) met on Monday. The ECB said little.", ["Eastern Cable Board (organization)"], ["European Central Bank (organization)", "ECB (organization)"]],
];

describe("resolution cases", () => {
  it.each(ROWS)("%s", (text, found, absent) => {
    const got = entities(text);
    for (const n of found) expect(got).toContain(n);
    for (const n of absent) expect(got).not.toContain(n);
  });
});
