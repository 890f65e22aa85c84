/**
 * Co-occurrences held out of the graph at load, as the server's graph for the viewer says (src/graph/viewer-graph.ts):
 * the index counts them as if they were in it, an entity's held ones are counted until they come in, and
 * once appended the graph holds every relation of a whole import, the typed ones unmoved.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { SerializedGraph } from "graphology-types";
import { describe, expect, it } from "vitest";
import { buildGraphIndex } from "../../viewer/src/core/graph-index.js";
import { viewerGraphJson, type CoOccurrenceSummary } from "../../src/graph/viewer-graph.js";
import { HeldCoOccurrences, splitEdgeBatch } from "../../viewer/src/core/held-co-occurrences.js";
import type { ItemBatch } from "../../viewer/src/core/json-splitter.js";
import { documentTable, importGraph, parseJsonLines, type DocumentRecord, type EdgeAttributes, type GraphAttributes, type NodeAttributes, type ViewerGraph } from "../../viewer/src/core/model.js";
import { createRenderGraph, drawnEdges, syncRenderGraph } from "../../viewer/src/core/render-graph.js";
import { defaultViewState } from "../../viewer/src/core/state.js";
import { runSteps } from "../../viewer/src/core/steps.js";
import { heldImport } from "../../viewer/src/app/held-import.js";
import type { HeldDownload } from "../../viewer/src/app/load-graph.js";

type Serialized = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
const DIR = join(import.meta.dirname, "..", "fixtures", "viewer", "graph");
const FIXTURE = JSON.parse(readFileSync(join(DIR, "graph.json"), "utf8")) as Serialized;
const DOCUMENTS = documentTable(parseJsonLines<DocumentRecord>(readFileSync(join(DIR, "documents.jsonl"), "utf8")));

/** Edges' JSON texts as the splitter hands them over: one text, the elements separated by commas and white space. */
function itemBatch(items: string[]): ItemBatch {
  const starts: number[] = [];
  const ends: number[] = [];
  let text = "";
  for (const item of items) {
    if (text !== "") text += ",\n ";
    starts.push(text.length);
    text += item;
    ends.push(text.length);
  }
  return { text, starts, ends };
}

/** Load as the viewer does: the server's graph for it, nodes whole, edges in batches split by the worker, co-occurrences held. */
function loadHeld(data: Serialized, batch: number): { graph: ViewerGraph; held: HeldCoOccurrences } {
  const graph = importGraph({ options: data.options, attributes: data.attributes, nodes: data.nodes, edges: [] });
  // As it travels: JSON from the server, typed arrays in the page.
  const served = JSON.parse(viewerGraphJson(data)) as Serialized & { coOccurrences: CoOccurrenceSummary };
  const summary = served.coOccurrences;
  const held = new HeldCoOccurrences({ ends: Uint32Array.from(summary.ends), tally: summary.tally });
  const edges = served.edges ?? [];
  for (let i = 0; i < edges.length; i += batch) {
    const { typed, held: heldText } = splitEdgeBatch(itemBatch(edges.slice(i, i + batch).map((e) => JSON.stringify(e))), summary.typed, i);
    graph.import({ edges: JSON.parse(typed) as Serialized["edges"] });
    held.add(heldText);
  }
  return { graph, held };
}

/** Each entity's relations in the order graphology gives them, and every relation's ends and attributes. */
function shape(graph: ViewerGraph): unknown {
  return { byNode: graph.mapNodes((node) => [node, graph.edges(node)]), edges: graph.export().edges };
}

describe("held co-occurrences", () => {
  // As written, and with the co-occurrences first (a relation's pair then first met through a co-occurrence).
  const orders = { "file order": FIXTURE, "co-occurrences first": { ...FIXTURE, edges: [...FIXTURE.edges!].reverse() } };

  it.each(Object.entries(orders))("leaves the graph without co-occurrences and indexes it as the whole graph (%s)", (_how, data) => {
    const whole = importGraph(data);
    const { graph, held } = loadHeld(data, 4);
    expect(held.count).toBe(23);
    expect(graph.someEdge((_edge, attrs) => attrs.relation === "co_occurs")).toBe(false);
    const expected = buildGraphIndex(whole, DOCUMENTS);
    const index = buildGraphIndex(graph, DOCUMENTS, held);
    for (const field of ["size", "statedRelations", "ranking", "degree", "maxDegree", "relationCounts", "claimCounts", "maxWeight", "confidenceScored", "communities"] as const) {
      expect(index[field], field).toEqual(expected[field]);
    }
    expect(index.relationCounts.get("co_occurs")).toBe(23);
  });

  it.each(Object.entries(orders))("appends them later: every relation of a whole import, the typed ones first and unmoved (%s)", (_how, data) => {
    const { graph, held } = loadHeld(data, 4);
    const index = buildGraphIndex(graph, DOCUMENTS, held);
    const typedBefore = shape(graph);
    runSteps(held.importSteps(graph));
    expect(held.count).toBe(0);
    const whole = importGraph(data);
    const byKey = (edges: Serialized["edges"]) => [...(edges ?? [])].sort((a, b) => (a.key! < b.key! ? -1 : 1));
    expect(byKey(graph.export().edges)).toEqual(byKey(whole.export().edges));
    // In the edge list, the typed relations in file order, then the co-occurrences in file order.
    const isCo = (edge: string) => whole.getEdgeAttribute(edge, "relation") === "co_occurs";
    expect(graph.edges()).toEqual([...whole.edges().filter((e) => !isCo(e)), ...whole.edges().filter(isCo)]);
    // Each entity's typed relations are listed as before the import.
    const typed = (g: ViewerGraph) => g.mapNodes((node) => [node, g.edges(node).filter((e) => !isCo(e))]);
    expect(typed(graph)).toEqual((typedBefore as { byNode: unknown }).byNode);
    // The index made before asks the graph for the dates of a relation when the date filter first meets it.
    const expected = buildGraphIndex(whole, DOCUMENTS);
    const times = (g: ViewerGraph, of: typeof index) => Object.fromEntries(g.mapEdges((edge) => [edge, of.edgeTime(edge)]));
    expect(times(graph, index)).toEqual(times(whole, expected));
    // The relations imported first keep their attribute objects (the drawn graph shares them).
    const { graph: again, held: heldAgain } = loadHeld(data, 4);
    const attrs = again.getEdgeAttributes("e0");
    runSteps(heldAgain.importSteps(again));
    expect(again.getEdgeAttributes("e0")).toBe(attrs);
  });

  it("counts each entity's co-occurrences still held, at every step of the import", () => {
    const whole = importGraph(FIXTURE);
    const coOf = (g: ViewerGraph, node: string) => g.edges(node).filter((e) => g.getEdgeAttribute(e, "relation") === "co_occurs").length;
    const expected = whole.mapNodes((node) => coOf(whole, node));
    expect(expected.some((n) => n > 1)).toBe(true);
    const { graph, held } = loadHeld(FIXTURE, 4);
    const counted = () => graph.mapNodes((node, _attrs) => coOf(graph, node) + held.around(graph.nodes().indexOf(node)));
    const steps = held.importSteps(graph);
    let seen = 0;
    for (let step = steps.next(); ; step = steps.next()) {
      expect(counted()).toEqual(expected);
      if (step.done) break;
      seen++;
    }
    expect(seen).toBeGreaterThan(2);
    expect(graph.mapNodes((node) => held.around(graph.nodes().indexOf(node))).every((n) => n === 0)).toBe(true);
  });

  it("draws the graph without co-occurrences the same before and after they come in, and as a whole import", () => {
    // In the whole graph, Kelmscar's co-occurrence makes it Varnholt's first undirected neighbour; without it, Orvane is.
    const node = (key: string) => ({ key, attributes: { label: key, type: "person", aliases: [], mentions: 1, docs: [], x: 0, y: 0, size: 1, color: "#000", community: 0 } });
    const edge = (key: string, relation: string, target: string) => ({
      key,
      source: "a:varnholt",
      target,
      undirected: true,
      attributes: { relation, negated: false, predicate: "", weight: 1, docs: [], evidence: [], rules: [] },
    });
    const data = {
      options: FIXTURE.options,
      attributes: FIXTURE.attributes,
      nodes: [node("a:varnholt"), node("b:orvane"), node("c:kelmscar")],
      edges: [edge("e0", "co_occurs", "c:kelmscar"), edge("e1", "meets", "b:orvane"), edge("e2", "meets", "c:kelmscar")],
    } as unknown as Serialized;
    const { graph, held } = loadHeld(data, 2);
    const order = ["a:varnholt", "b:orvane", "c:kelmscar"];
    const drawn = (from: ViewerGraph): string[] => {
      const rendered = createRenderGraph(from);
      syncRenderGraph(rendered, from, new Set(order), order, drawnEdges(defaultViewState({}, true).filters));
      return rendered.edges();
    };
    const before = drawn(graph);
    runSteps(held.importSteps(graph));
    expect(drawn(graph)).toEqual(before);
    expect(before).toEqual(["e1", "e2"]);
    expect(drawn(importGraph(data))).toEqual(before);
  });

  /** A download of the held co-occurrences that ends when the test says. */
  function pendingDownload(): { download: HeldDownload; asked: () => number; finish: () => Promise<void> } {
    let asked = 0;
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    return {
      download: { start: () => void asked++, done },
      asked: () => asked,
      finish: async () => {
        finish();
        await done;
        // The import's own handler of the download's end runs next.
        await Promise.resolve();
      },
    };
  }

  it("asks for their download only when started, and brings them in at once when a view needs them", async () => {
    const { graph, held } = loadHeld(FIXTURE, 4);
    const { download, asked, finish } = pendingDownload();
    let late = 0;
    const coOccurs = heldImport(graph, held, buildGraphIndex(graph, DOCUMENTS, held).position, download, () => late++);
    expect(asked()).toBe(0);
    // Needed while they download: they come in when it ends, and the view is told.
    expect(coOccurs.now()).toBe(false);
    expect(asked()).toBe(1);
    expect(graph.size).toBe(FIXTURE.edges!.length - 23);
    await finish();
    expect(graph.size).toBe(FIXTURE.edges!.length);
    expect(late).toBe(1);
    expect(held.count).toBe(0);
    expect(coOccurs.now()).toBe(true);
    expect(late).toBe(1);
  });

  it("brings them in before the view is made when it needs them from the start", async () => {
    const { graph, held } = loadHeld(FIXTURE, 4);
    const { download, asked, finish } = pendingDownload();
    let late = 0;
    const coOccurs = heldImport(graph, held, buildGraphIndex(graph, DOCUMENTS, held).position, download, () => late++);
    const ready = coOccurs.ready();
    expect(asked()).toBe(1);
    await finish();
    await ready;
    expect(graph.size).toBe(FIXTURE.edges!.length);
    expect(late).toBe(0);
  });
});
