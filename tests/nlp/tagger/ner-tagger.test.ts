import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { modelPath } from "../../../src/paths.js";
import { chunksOf } from "../../../src/eval/conll.js";
import { decodeNerModel, loadClusters, loadNerTagger, NerTagger } from "../../../src/nlp/tagger/index.js";
import { readFileSync } from "node:fs";

const tagger = loadNerTagger();

/** "TYPE:words" of the entities the tagger finds in a space-tokenized sentence. */
function entities(sentence: string): string[] {
  const words = sentence.split(" ");
  return chunksOf(tagger.tag(words)).map((c) => `${c.type}:${words.slice(c.start, c.end).join(" ")}`);
}

describe("NER tagger on sentences of our own", () => {
  const rows: [string, string[]][] = [
    ["Angela Merkel met Emmanuel Macron in Paris on Tuesday .", ["PER:Angela Merkel", "PER:Emmanuel Macron", "LOC:Paris"]],
    ["The World Health Organization said on Monday that cases rose in Brazil .", ["ORG:World Health Organization", "LOC:Brazil"]],
    ["Shares of Toyota Motor Corp fell 3 percent in Tokyo .", ["ORG:Toyota Motor Corp", "LOC:Tokyo"]],
    ["He flew from London to New York with the Swiss delegation .", ["LOC:London", "LOC:New York", "MISC:Swiss"]],
    ["Prime Minister Jacinda Ardern spoke in Wellington .", ["PER:Jacinda Ardern", "LOC:Wellington"]],
    // Curly apostrophes and quotes from news text.
    ["Nelson Mandela \u2019s visit to Kenya drew crowds in Nairobi .", ["PER:Nelson Mandela", "LOC:Kenya", "LOC:Nairobi"]],
    ["\u201c We will not give up , \u201d said Maria Fernandez , a spokeswoman for the United Nations .", ["PER:Maria Fernandez", "ORG:United Nations"]],
    // An ALL CAPS headline.
    ["FRENCH PRESIDENT VISITS GERMANY FOR TALKS", ["MISC:FRENCH", "LOC:GERMANY"]],
  ];
  it.each(rows)("%s", (sentence, expected) => expect(entities(sentence)).toEqual(expected));

  const noEntities = [
    "The committee will meet again next week to discuss the budget .",
    "Heavy rain fell across the region on Sunday .",
    "Prices rose 2.5 percent in the year to March .",
  ];
  it.each(noEntities)("finds nothing in: %s", (sentence) => expect(entities(sentence)).toEqual([]));

  it("returns one IOB2 tag per word, also for an empty sentence", () => {
    expect(tagger.tag([])).toEqual([]);
    const tags = tagger.tag(["Rome", "is", "old", "."]);
    expect(tags).toHaveLength(4);
    expect(tags.every((t) => t === "O" || /^[BI]-(PER|ORG|LOC|MISC)$/.test(t))).toBe(true);
  });

  it("uses the document: a surname alone is tagged like the full name earlier", () => {
    const doc = [
      "Opposition leader Tomas Kovalenko arrived in Kiev on Friday .",
      "Kovalenko told reporters he would run again .",
    ].map((s) => s.split(" "));
    const tags = tagger.tagDocument(doc);
    expect(tags[1]![0]).toBe("B-PER");
  });
});

describe("NER model file", () => {
  // Its load time is a speed figure: `npm run bench` prints it.
  it("is at most 10 MB and a fresh load tags as the shared one", () => {
    expect(statSync(modelPath("ner.bin")).size).toBeLessThanOrEqual(10 * 1024 * 1024);
    const fresh = NerTagger.fromData(decodeNerModel(readFileSync(modelPath("ner.bin")), "ner.bin", loadClusters()));
    expect(fresh.tag(["Paris"])).toEqual(tagger.tag(["Paris"]));
  });
});
