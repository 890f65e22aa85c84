import { describe, expect, it } from "vitest";
import { splitSentences } from "../../src/nlp/sentences.js";
import { tokenize } from "../../src/nlp/tokenize.js";

const words = (text: string) => tokenize(text).map((t) => t.text);
const sentences = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

describe("tokenize", () => {
  it.each([
    ["Mr. Lee met the U.S. envoy.", ["Mr.", "Lee", "met", "the", "U.S.", "envoy", "."]],
    ["Norland’s leader didn't go.", ["Norland", "’s", "leader", "did", "n't", "go", "."]],
    ["It rose 2.5% to $1,200 on Oct. 3.", ["It", "rose", "2.5%", "to", "$1,200", "on", "Oct.", "3", "."]],
    ["the “no-limits” Geneva-based group", ["the", "“", "no-limits", "”", "Geneva-based", "group"]],
  ])("%s", (text, expected) => {
    expect(words(text)).toEqual(expected);
  });

  it("keeps offsets into the text", () => {
    const text = "Ana  met\nBo.";
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe("splitSentences", () => {
  it.each([
    ["Mr. Lee arrived. He met Dr. Kim at 5 p.m. in the U.S. The talks ended.", ["Mr. Lee arrived.", "He met Dr. Kim at 5 p.m. in the U.S.", "The talks ended."]],
    ["“We agree,” she said. Talks resume.", ["“We agree,” she said.", "Talks resume."]],
    ["Energy Ties\nNorland exports gas to Southia.\nEditing by Jo Bloggs", ["Energy Ties", "Norland exports gas to Southia.", "Editing by Jo Bloggs"]],
  ])("%s", (text, expected) => {
    expect(sentences(text)).toEqual(expected);
  });

  it("joins hard-wrapped newswire lines but splits indented paragraphs", () => {
    const text = [
      "The central bank said on Monday it would keep interest rates",
      "unchanged for the rest of the year, citing slower growth in",
      "exports and weaker demand at home.",
      "    Officials also said inflation was expected to ease in the",
      "second half as energy prices fall back from their recent highs",
      "and the currency remains stable.",
    ].join("\n");
    const out = sentences(text);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(/^The central bank .* at home\.$/s);
  });
});
