import { MultiGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { fromGraph } from "../../src/query/load.js";
import { runStats } from "../../src/query/stats.js";
import { describeReason, findSuspects, suspectLexicon, suspectReasons } from "../../src/query/suspects.js";
import type { EntityType, NewsGraph, NodeAttributes } from "../../src/types.js";

// [label, type, mentions]: junk labels the build has produced, and real names that must pass.
const ENTITIES: [string, EntityType, number][] = [
  ["Meanwhile", "person", 40],
  ["State Hillary Clinton", "person", 39],
  ["Since Google", "organization", 38],
  ["Bild on Saturday", "organization", 37],
  ["Powerless The", "person", 36],
  ["Disha Uppal Editor", "person", 35],
  ["Mr", "person", 34],
  ["Tony Blair Prime Minister", "person", 33],
  ["of the Rings", "person", 32],
  ["Bank of England", "organization", 30],
  ["Hillary Clinton", "person", 29],
  ["Ludwig van Beethoven", "person", 28],
  ["Bashar al-Assad", "person", 27],
  ["Charles de Gaulle", "person", 26],
  ["Aston Villa", "organization", 25],
  ["May Day", "event", 24],
  ["Theresa May", "person", 23],
  ["The Times", "organization", 22],
  ["Office for National Statistics", "organization", 21],
  ["Sheffield Wednesday", "organization", 20],
  ["Mervyn King", "person", 19],
  ["Martin Luther King", "person", 18],
  ["Dean Richards", "person", 17],
  ["Serie A", "organization", 16],
  ["Charles I", "person", 15],
  ["General Election", "event", 14],
  ["Premier League", "organization", 13],
  ["US", "country", 12],
  ["iPod", "organization", 11],
  ["International Criminal Tribunal for the former Yugoslavia", "organization", 10],
  ["Blair said", "person", 1],
];

function graphOf(entities: [string, EntityType, number][]): NewsGraph {
  const graph: NewsGraph = new MultiGraph();
  entities.forEach(([label, type, mentions], i) => {
    const attrs: NodeAttributes = { label, type, mentions, aliases: [], docs: [], x: 0, y: 0, size: 1, color: "#000", community: 0 };
    graph.addNode(`${type}:${i}`, attrs);
  });
  return graph;
}

const lex = suspectLexicon();
const kg = fromGraph(graphOf(ENTITIES));

describe("findSuspects", () => {
  const report = findSuspects(kg, 500, lex);

  it("flags exactly the junk labels, most-mentioned first, with their reasons", () => {
    expect(report.checked).toBe(ENTITIES.length);
    expect(report.suspects.map((s) => [s.label, s.reasons.map(describeReason)])).toEqual([
      ["Meanwhile", ['function word "Meanwhile"']],
      ["State Hillary Clinton", ['title "State" at start']],
      ["Since Google", ['function word "Since" at start']],
      ["Bild on Saturday", ['month/day "Saturday" at end', 'lowercase word "on" inside']],
      ["Powerless The", ['function word "The" at end']],
      ["Disha Uppal Editor", ['title "Editor" at end']],
      ["Mr", ['title "Mr"']],
      ["Tony Blair Prime Minister", ['title "Prime Minister" at end']],
      ["of the Rings", ['function word "of" at start']],
      ["Blair said", ['lowercase word "said" at end']],
    ]);
  });

  it("gives each suspect its key, type, mentions and structured reasons", () => {
    expect(report.suspects[3]).toEqual({
      key: "organization:3",
      label: "Bild on Saturday",
      type: "organization",
      mentions: 37,
      reasons: [
        { check: "date-word", word: "Saturday", position: "end" },
        { check: "lowercase", word: "on", position: "inside" },
      ],
    });
  });

  it("checks only the top N by mentions, and nothing for 0", () => {
    expect(findSuspects(kg, 3, lex).suspects.map((s) => s.label)).toEqual(["Meanwhile", "State Hillary Clinton", "Since Google"]);
    expect(findSuspects(kg, 0)).toEqual({ checked: 0, suspects: [] });
    expect(() => findSuspects(kg, -1, lex)).toThrow(/--suspects must be an integer >= 0/);
  });

  it("is part of stats, 500 by default", () => {
    expect(runStats(kg).suspects).toEqual(report);
    expect(runStats(kg, { suspects: 0 }).suspects).toEqual({ checked: 0, suspects: [] });
  });
});

describe("suspectReasons", () => {
  const reasons = (label: string, type: EntityType) => suspectReasons(label, type, lex).map(describeReason);

  it("checks titles on persons only", () => {
    expect(reasons("President Bush", "person")).toEqual(['title "President" at start']);
    expect(reasons("Sir Alex Ferguson", "person")).toEqual(['title "Sir" at start']);
    expect(reasons("General Motors Chief", "organization")).toEqual([]);
  });

  it("counts a month or day at the end only after two words, and never on events", () => {
    expect(reasons("Monday Tony Blair", "person")).toEqual(['month/day "Monday" at start']);
    expect(reasons("Tony Blair Monday", "person")).toEqual(['month/day "Monday" at end']);
    expect(reasons("Mike Friday", "person")).toEqual([]);
    expect(reasons("Super Tuesday", "event")).toEqual([]);
    expect(reasons("Monday", "person")).toEqual([]);
  });

  it("reports a lowercase word at either end, and a connector there too", () => {
    expect(reasons("van Persie", "person")).toEqual(['lowercase word "van" at start']);
    expect(reasons("Hillary Clinton and", "person")).toEqual(['function word "and" at end']);
    expect(reasons("Tony blair", "person")).toEqual(['lowercase word "blair" at end']);
  });
});
