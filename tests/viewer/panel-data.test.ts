/** Data behind the panel and the reader: relations grouped by type, evidence order, text segments. */
import { describe, expect, it } from "vitest";
import { collapseEvidence, evidenceCapped, sortedEvidence } from "../../viewer/src/core/evidence.js";
import { csvField, relationsCsv } from "../../viewer/src/core/export-csv.js";
import { relationText } from "../../viewer/src/core/format.js";
import { nonOverlapping, segmentText } from "../../viewer/src/core/marks.js";
import { groupRelations } from "../../viewer/src/core/relations.js";
import { loadFixture } from "./fixture.js";

const { graph } = loadFixture();

describe("groupRelations", () => {
  it("groups in vocabulary order with co-occurrence last, and gives directions", () => {
    const { groups, hidden } = groupRelations(graph, "person:jonas-dahl", () => true);
    expect(hidden).toBe(0);
    expect(groups.map((g) => g.relation)).toEqual(["leader_of", "meets", "attends", "supports", "co_occurs"]);
    const meets = groups.find((g) => g.relation === "meets")!.items[0]!;
    expect(meets).toMatchObject({ other: "person:helena-varga", direction: "both", negated: false });
    expect(groups.find((g) => g.relation === "leader_of")!.items[0]).toMatchObject({ other: "country:norway", direction: "out" });
  });

  it("counts the relations the filter hides", () => {
    const all = graph.edges("person:jonas-dahl").length;
    const { groups, hidden } = groupRelations(graph, "person:jonas-dahl", (edge) => graph.getEdgeAttribute(edge, "relation") !== "co_occurs");
    expect(groups.some((g) => g.relation === "co_occurs")).toBe(false);
    expect(hidden).toBe(all - groups.reduce((n, g) => n + g.items.length, 0));
    expect(hidden).toBeGreaterThan(0);
  });

  it("marks negated claims", () => {
    const { groups } = groupRelations(graph, "country:latvia", () => true);
    const member = groups.find((g) => g.relation === "member_of")!.items[0]!;
    expect(member).toMatchObject({ negated: true, direction: "out", otherLabel: "Nordic Power Council" });
    expect(relationText("member_of", true)).toBe("not member of");
    expect(member).toMatchObject({ modality: "asserted", inferred: false });
    expect(relationText("leader_of", false, "former")).toBe("leader of (former)");
    expect(relationText("meets", true, "possible")).toBe("not meets (possible)");
  });
});

describe("evidence", () => {
  const ev = (doc: string, start: number, date?: string, sentence = `${doc}@${start}`) => ({ doc, sentence, start, end: start + 5, ...(date ? { date } : {}) });

  it("lists the newest first, undated last, then by document and position", () => {
    const sorted = sortedEvidence([ev("b", 9), ev("a", 40, "2024-02-01"), ev("b", 3), ev("c", 0, "2023-12-31"), ev("a", 2, "2024-02-01")]);
    expect(sorted.map((e) => e.sentence)).toEqual(["a@2", "a@40", "c@0", "b@3", "b@9"]);
  });

  it("collapses one sentence repeated by near-duplicate stories into its newest item", () => {
    const items = collapseEvidence([
      ev("a", 0, "2024-01-02", "Ann met  Bob in Oslo."),
      ev("b", 5, "2024-01-03", "ann met Bob in Oslo."),
      ev("c", 9, "2024-01-01", "Ann met Bob in Oslo."),
      ev("d", 1, "2024-01-04", "Ann later met Bob again."),
    ]);
    expect(items.map((i) => `${i.evidence.doc} +${i.alsoIn}`)).toEqual(["d +0", "b +2"]);
  });

  it("knows when graph.json holds only some of an edge's sentences", () => {
    const partner = graph.findEdge((_e, a) => a.relation === "partner_of")!;
    expect(evidenceCapped(graph.getEdgeAttributes(partner))).toBe(true);
    expect(evidenceCapped(graph.getEdgeAttributes(graph.findEdge((_e, a) => a.relation === "meets")!))).toBe(false);
  });
});

describe("segmentText", () => {
  const text = "Ann met Bob in Oslo.";
  const mentions = [
    { node: "p:ann", start: 0, end: 3 },
    { node: "p:bob", start: 8, end: 11 },
    { node: "l:oslo", start: 15, end: 19 },
  ];

  it("keeps every character, marks mentions and flags the focused entity", () => {
    const segments = segmentText(text, mentions, "p:bob");
    expect(segments.map((s) => s.text).join("")).toBe(text);
    expect(segments.filter((s) => s.node !== null).map((s) => [s.text, s.focus])).toEqual([
      ["Ann", false],
      ["Bob", true],
      ["Oslo", false],
    ]);
  });

  it("cuts at a highlighted range", () => {
    const segments = segmentText(text, mentions, null, { start: 4, end: 14 });
    expect(segments.filter((s) => s.inRange).map((s) => s.text).join("")).toBe("met Bob in");
    expect(segments.map((s) => s.text).join("")).toBe(text);
  });

  it("drops overlapping, empty and out-of-range mentions", () => {
    const kept = nonOverlapping(
      [
        { node: "a", start: 0, end: 7 },
        { node: "b", start: 4, end: 11 },
        { node: "c", start: 0, end: 3 },
        { node: "d", start: 5, end: 5 },
        { node: "e", start: 15, end: 99 },
      ],
      text.length,
    );
    expect(kept.map((m) => m.node)).toEqual(["a"]);
  });
});

describe("relations as CSV", () => {
  it("writes one row per evidence sentence of each shown relation, quoting what needs it", () => {
    const csv = relationsCsv(graph, "person:helena-varga", (edge) => graph.getEdgeAttribute(edge, "relation") !== "co_occurs");
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe("source,relation,target,negated,modality,inferred,confidence,weight,document,date,sentence");
    expect(lines.some((l) => l.startsWith("Helena Varga,meets,Jonas Dahl,false,asserted,false,"))).toBe(true);
    expect(lines.some((l) => l.includes("co_occurs"))).toBe(false);
    expect(csvField('a "quoted", text')).toBe('"a ""quoted"", text"');
    expect(csvField("plain")).toBe("plain");
  });
});
