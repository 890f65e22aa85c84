/** Credit lines: bylines and agency credits name who wrote or supplied a story; their names are no entities of it. */
import { describe, expect, it } from "vitest";
import { extract } from "./claims-of.js";

const names = (text: string) => extract(text).entities.map((e) => e.name).sort();

// [text, the story's entities (the credit line's names left out)]
const ROWS: [string, string[]][] = [
  ["Officials met Anna Berg in Oslo on Monday. Author: Martin Ode / jc Editor: Rob Munde", ["Anna Berg", "Oslo"]],
  ["Anna Berg resigned in Oslo on Monday. Reporting by Tom Hale; Editing by Peter Vance", ["Anna Berg", "Oslo"]],
  ["Anna Berg resigned in Oslo on Monday. tj/msh (AP, AFP, dpa)", ["Anna Berg", "Oslo"]],
  ["Anna Berg resigned in Oslo on Monday. (Reuters, AP)", ["Anna Berg", "Oslo"]],
  // Agencies named in the story itself are entities.
  ["Anna Berg told Reuters in Oslo that she would resign.", ["Anna Berg", "Oslo", "Reuters"]],
  ["Anna Berg resigned, the agency (AFP) reported from Oslo.", ["Agence France-Presse", "Anna Berg", "Oslo"]],
];

describe("credit lines", () => {
  it.each(ROWS)("%s", (text, expected) => {
    expect(names(text)).toEqual(expected);
  });
});
