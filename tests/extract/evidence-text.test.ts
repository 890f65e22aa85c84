import { describe, expect, it } from "vitest";
import { extract } from "./claims-of.js";

/** The evidence sentences of an extraction's relations (co-occurrences included). */
const evidenceOf = (text: string) => [...new Set(extract(text).relations.map((r) => r.evidence.sentence))];

describe("evidence sentences", () => {
  const sentence = "Orvald Kessin, the chief executive of Brantmoor Holdings, visited Quellport on Monday.";

  it.each([
    ["two spaces", "Orvald Kessin, the chief  executive of Brantmoor Holdings, visited Quellport on Monday."],
    ["a tab", "Orvald Kessin, the chief executive of Brantmoor Holdings, visited\tQuellport on Monday."],
    ["a no-break space after a space", "Orvald Kessin, the chief executive of Brantmoor Holdings, visited Quellport on \u00a0Monday."],
  ])("give a sentence with %s between words with one space", (_, text) => {
    expect(evidenceOf(text)).toEqual([sentence]);
  });

  it("give a sentence written with single spaces as written", () => {
    expect(evidenceOf(sentence)).toEqual([sentence]);
  });
});
