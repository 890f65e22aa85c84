/**
 * The time line: bins by week or month, histograms with undated documents apart, ranges a brush sets,
 * the steps of "play", and what a date range and the undated switch leave on screen (on a fixture of
 * dated and undated documents, tests/fixtures/viewer-time/graph).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildGraphIndex } from "../../viewer/src/core/graph-index.js";
import { documentTable, importGraph, parseJsonLines, type DocumentRecord } from "../../viewer/src/core/model.js";
import { createRenderGraph, syncRenderGraph } from "../../viewer/src/core/render-graph.js";
import { defaultViewState, type Filters } from "../../viewer/src/core/state.js";
import {
  binAxisLabel,
  binIndexOf,
  binLabel,
  binsOfRange,
  binStart,
  buildHistogram,
  inTimeRange,
  nextBinStart,
  nextPlayRange,
  pickGranularity,
  playStartRange,
  rangeOfBins,
  shiftRange,
  timeBins,
} from "../../viewer/src/core/timeline.js";
import { computeVisibility, renderedNodes } from "../../viewer/src/core/visibility.js";

const DIR = join(import.meta.dirname, "..", "fixtures", "viewer-time", "graph");
const graph = importGraph(JSON.parse(readFileSync(join(DIR, "graph.json"), "utf8")));
const records = parseJsonLines<DocumentRecord>(readFileSync(join(DIR, "documents.jsonl"), "utf8"));
const documents = documentTable(records);
const index = buildGraphIndex(graph, documents);

describe("bins", () => {
  it.each([
    ["2025-01-01", "2025-07-02", "week"],
    ["2025-01-01", "2025-07-04", "month"],
    ["2025-03-05", "2025-03-05", "week"],
    ["2003-01-01", "2005-12-31", "month"],
  ] as const)("a span from %s to %s is binned by %s", (first, last, expected) => expect(pickGranularity(first, last)).toBe(expected));

  it.each([
    ["2025-03-05", "week", "2025-03-03"], // a Wednesday goes to its Monday
    ["2025-03-03", "week", "2025-03-03"],
    ["2025-03-09", "week", "2025-03-03"], // a Sunday ends the ISO week
    ["2025-01-01", "week", "2024-12-30"], // across the new year
    ["2025-03-19", "month", "2025-03-01"],
  ] as const)("%s starts a %s bin on %s", (date, granularity, expected) => expect(binStart(date, granularity)).toBe(expected));

  it("steps weeks and months across month and year ends", () => {
    expect(nextBinStart("2024-12-30", "week")).toBe("2025-01-06");
    expect(nextBinStart("2024-12-01", "month")).toBe("2025-01-01");
  });

  it("covers every day of the span with whole bins, leap days included", () => {
    const months = timeBins("2024-01-08", "2024-03-02", "month");
    expect(months.map((b) => [b.start, b.end])).toEqual([
      ["2024-01-01", "2024-01-31"],
      ["2024-02-01", "2024-02-29"],
      ["2024-03-01", "2024-03-31"],
    ]);
    const weeks = timeBins("2025-03-05", "2025-03-10", "week");
    expect(weeks.map((b) => [b.start, b.end])).toEqual([
      ["2025-03-03", "2025-03-09"],
      ["2025-03-10", "2025-03-16"],
    ]);
  });

  it("finds the bin of a date, and none outside the span", () => {
    const bins = timeBins("2025-01-08", "2025-09-17", "month");
    expect(binIndexOf(bins, "2025-01-01")).toBe(0);
    expect(binIndexOf(bins, "2025-04-30")).toBe(3);
    expect(binIndexOf(bins, "2025-09-30")).toBe(8);
    expect(binIndexOf(bins, "2024-12-31")).toBe(-1);
    expect(binIndexOf(bins, "2025-10-01")).toBe(-1);
  });

  it("labels bins for people", () => {
    expect(binLabel({ start: "2025-03-03", end: "2025-03-09", count: 0 }, "week")).toBe("Week of 3 Mar 2025");
    expect(binLabel({ start: "2025-09-01", end: "2025-09-30", count: 0 }, "month")).toBe("Sep 2025");
    expect(binAxisLabel({ start: "2025-03-03", end: "2025-03-09", count: 0 }, "week")).toBe("3 Mar");
  });
});

describe("histograms", () => {
  const span = index.dateRange!;

  it("counts the corpus's documents by month, undated ones apart", () => {
    const all = buildHistogram(records.map((r) => r.date), span);
    expect(all.granularity).toBe("month");
    expect(all.bins.map((b) => b.count)).toEqual([2, 1, 2, 1, 1, 0, 1, 0, 1]);
    expect(all.undated).toBe(2);
    expect(all.max).toBe(2);
  });

  it("counts an entity's documents on the same bars", () => {
    const docs = graph.getNodeAttribute("person:mira-castellan", "docs");
    const entity = buildHistogram(docs.map((id) => documents.get(id)?.date), span);
    expect(entity.bins.map((b) => b.start)).toEqual(buildHistogram([], span).bins.map((b) => b.start));
    expect(entity.bins.map((b) => b.count)).toEqual([1, 1, 0, 1, 0, 0, 1, 0, 0]);
    expect(entity.undated).toBe(1);
  });

  it("has no bars and no maximum when nothing is dated", () => {
    const none = buildHistogram([undefined, null, ""], ["2025-01-01", "2025-01-31"]);
    expect(none.bins.every((b) => b.count === 0)).toBe(true);
    expect([none.max, none.undated]).toEqual([0, 3]);
  });
});

describe("ranges and play", () => {
  const bins = timeBins("2025-01-08", "2025-09-17", "month");

  it("turns a brush over bins into whole-bin dates, dragged either way", () => {
    expect(rangeOfBins(bins, 1, 2)).toEqual({ from: "2025-02-01", to: "2025-03-31" });
    expect(rangeOfBins(bins, 2, 1)).toEqual({ from: "2025-02-01", to: "2025-03-31" });
    expect(rangeOfBins(bins, -3, 99)).toEqual({ from: "2025-01-01", to: "2025-09-30" });
  });

  it("finds the bins a typed range touches", () => {
    expect(binsOfRange(bins, { from: "2025-03-10", to: "2025-03-12" })).toEqual([2, 2]);
    expect(binsOfRange(bins, { from: "2025-08-15", to: null })).toEqual([7, 8]);
    expect(binsOfRange(bins, { from: null, to: null })).toBeNull();
    expect(binsOfRange(bins, { from: "2026-01-01", to: null })).toBeNull();
  });

  it("plays from the first bin, keeps the width, and stops after the last", () => {
    expect(nextPlayRange(bins, { from: null, to: null })).toEqual({ from: "2025-01-01", to: "2025-01-31" });
    expect(nextPlayRange(bins, { from: "2025-02-01", to: "2025-03-31" })).toEqual({ from: "2025-03-01", to: "2025-04-30" });
    expect(nextPlayRange(bins, { from: "2025-08-01", to: "2025-09-30" })).toBeNull();
    expect(nextPlayRange([], { from: null, to: null })).toBeNull();
  });

  it("moves a range with the arrow keys, keeping its width inside the bins, or changes its end", () => {
    const feb = { from: "2025-02-01", to: "2025-02-28" };
    expect(shiftRange(bins, feb, 1)).toEqual({ from: "2025-03-01", to: "2025-03-31" });
    expect(shiftRange(bins, { from: "2025-01-01", to: "2025-02-28" }, -1)).toEqual({ from: "2025-01-01", to: "2025-02-28" });
    expect(shiftRange(bins, { from: "2025-08-01", to: "2025-09-30" }, 1)).toEqual({ from: "2025-08-01", to: "2025-09-30" });
    expect(shiftRange(bins, feb, 1, true)).toEqual({ from: "2025-02-01", to: "2025-03-31" });
    expect(shiftRange(bins, feb, -1, true)).toEqual(feb);
    expect(shiftRange(bins, { from: null, to: null }, 1)).toEqual({ from: "2025-01-01", to: "2025-01-31" });
    expect(shiftRange(bins, { from: null, to: null }, -1)).toEqual({ from: "2025-09-01", to: "2025-09-30" });
  });

  it("starts play again from the beginning once the range reached the end", () => {
    expect(playStartRange(bins, { from: "2025-08-01", to: "2025-09-30" })).toEqual({ from: "2025-01-01", to: "2025-02-28" });
    expect(playStartRange(bins, { from: "2025-02-01", to: "2025-02-28" })).toEqual({ from: "2025-03-01", to: "2025-03-31" });
  });
});

describe("date range and undated material", () => {
  it.each([
    // dates, also from an undated document, from, to, undated shown, passes
    [["2024-03-04"], false, null, null, true, true],
    [["2024-03-04"], false, "2024-03-04", "2024-03-04", true, true],
    [["2024-03-04", "2024-06-01"], false, "2024-05-01", null, true, true],
    [["2024-03-04"], false, "2024-03-05", null, true, false],
    [["2024-03-04"], false, null, "2024-03-03", true, false],
    [["2024-03-04"], true, "2024-03-05", null, true, true],
    [["2024-03-04"], true, "2024-03-05", null, false, false],
    [["2024-03-04"], true, null, null, false, true],
    [undefined, true, "2024-01-01", null, true, true],
    [undefined, true, null, null, false, false],
    [[], false, null, null, false, false],
  ] as const)("%j (undated too: %s) in [%s, %s], undated shown %s: %s", (dates, undated, from, to, showUndated, expected) =>
    expect(inTimeRange(dates, undated, { from, to }, showUndated)).toBe(expected),
  );

  function visible(patch: Partial<Filters>) {
    const base = defaultViewState({}, index.statedRelations);
    const view = { ...base, filters: { ...base.filters, showCoOccurs: true, ...patch } };
    const rendered = createRenderGraph(graph);
    syncRenderGraph(rendered, graph, renderedNodes(graph, index, view.nodeLimit, view.selected), index.ranking);
    const v = computeVisibility(rendered, index, view);
    const relations = [...v.edges].map((e) => {
      const [s, t] = graph.extremities(e);
      return `${graph.getNodeAttribute(s, "label")} ${graph.getEdgeAttribute(e, "relation")} ${graph.getNodeAttribute(t, "label")}`;
    });
    return { nodes: v.nodes, relations: relations.sort() };
  }

  it("keeps what a document of the range attests, and what undated ones do while they are shown", () => {
    const march = visible({ dateFrom: "2025-03-01", dateTo: "2025-03-31" });
    expect(march.relations).toEqual([
      "Corvel Mining involved_in Tarsk Rail Link",
      "Greta Holm member_of Union of Tarsk Miners",
      "Mira Castellan visits Veloria",
      "Oskar Lindqvist opposes Tarsk Rail Link",
      "Teodor Vasko meets Oskar Lindqvist",
      "Union of Tarsk Miners opposes Corvel Mining",
    ]);
    // Attested in February and July only.
    expect(march.nodes.has("organization:halden-bank")).toBe(false);
    expect(march.nodes.has("event:northern-ore-forum")).toBe(false);
  });

  it("hides what only undated documents attest when they are switched off, range or not", () => {
    const all = visible({});
    const dated = visible({ showUndated: false });
    expect(all.nodes.has("person:greta-holm")).toBe(true);
    expect(dated.nodes.has("person:greta-holm")).toBe(false);
    expect(all.relations.filter((r) => !dated.relations.includes(r))).toEqual([
      "Greta Holm member_of Union of Tarsk Miners",
      "Teodor Vasko meets Oskar Lindqvist",
      "Union of Tarsk Miners opposes Corvel Mining",
    ]);
    // A relation with a dated and an undated document keeps its date.
    expect(dated.relations).toContain("Mira Castellan visits Veloria");
    const march = visible({ dateFrom: "2025-03-01", dateTo: "2025-03-31", showUndated: false });
    expect(march.relations).toEqual(["Corvel Mining involved_in Tarsk Rail Link", "Oskar Lindqvist opposes Tarsk Rail Link"]);
    expect(march.nodes.has("person:mira-castellan")).toBe(false);
  });
});
