/** What is drawn (node limit, selection) and what the filters show. */
import { describe, expect, it } from "vitest";
import { createRenderGraph, drawnEdges, syncRenderGraph } from "../../viewer/src/core/render-graph.js";
import { defaultViewState, type ViewState } from "../../viewer/src/core/state.js";
import { isClaimOf } from "../../src/graph/edge-tally.js";
import { computeVisibility, edgePassesFilters, hiddenByFilters, renderedNodes } from "../../viewer/src/core/visibility.js";
import { loadFixture } from "./fixture.js";

const { graph, index } = loadFixture();

function visible(patch: Partial<ViewState> & { filters?: Partial<ViewState["filters"]> }) {
  const base = defaultViewState();
  const view: ViewState = { ...base, ...patch, filters: { ...base.filters, ...patch.filters } };
  const rendered = createRenderGraph(graph);
  syncRenderGraph(rendered, graph, renderedNodes(graph, index, view.nodeLimit, view.selected), index.ranking);
  return computeVisibility(rendered, index, view);
}

describe("computeVisibility", () => {
  it("shows everything by default", () => {
    const v = visible({});
    expect(v.nodes.size).toBe(graph.order);
    expect(v.edges.size).toBe(graph.size);
  });

  it("hides a type's nodes and their relations", () => {
    const v = visible({ filters: { hiddenTypes: ["location"] } });
    expect([...v.nodes].some((n) => n.startsWith("location:"))).toBe(false);
    expect(v.nodes.size).toBe(9);
    for (const edge of v.edges) expect(graph.extremities(edge).some((n) => n.startsWith("location:"))).toBe(false);
  });

  it("hides co-occurrence, relation types and weak relations", () => {
    const typed = graph.filterEdges((_e, a) => a.relation !== "co_occurs").length;
    expect(visible({ filters: { showCoOccurs: false } }).edges.size).toBe(typed);
    const located = graph.filterEdges((_e, a) => a.relation === "located_in").length;
    expect(visible({ filters: { showCoOccurs: false, hiddenRelations: ["located_in"] } }).edges.size).toBe(typed - located);
    const strong = graph.filterEdges((_e, a) => a.weight >= 2).length;
    expect(visible({ filters: { minWeight: 2 } }).edges.size).toBe(strong);
  });

  it("hides claims of the kinds switched off, and classified relations under the minimum confidence", () => {
    const all = visible({}).edges;
    const negated = graph.filterEdges((_e, a) => a.negated).length;
    expect(negated).toBeGreaterThan(0);
    expect(visible({ filters: { hiddenClaims: ["negated"] } }).edges.size).toBe(all.size - negated);
    const edge = graph.findEdge((_e, a) => a.relation === "meets")!;
    const base = { ...graph.getEdgeAttributes(edge), negated: false };
    const passes = (attrs: typeof base, patch: Partial<ViewState["filters"]>) => edgePassesFilters(edge, attrs, { ...defaultViewState().filters, ...patch }, index);
    expect(isClaimOf({ ...base, modality: "possible" }, "possible")).toBe(true);
    expect(passes({ ...base, modality: "possible" }, { hiddenClaims: ["possible"] })).toBe(false);
    expect(passes({ ...base, modality: "former" }, { hiddenClaims: ["possible"] })).toBe(true);
    expect(passes({ ...base, inferred: true }, { hiddenClaims: ["inferred"] })).toBe(false);
    expect(passes({ ...base, confidence: 0.4 }, { minConfidence: 0.5 })).toBe(false);
    expect(passes({ ...base, confidence: 0.6 }, { minConfidence: 0.5 })).toBe(true);
    // A relation no classifier scored (a rule's, or a type dev data does not measure) always passes.
    expect(passes({ ...base, confidence: undefined }, { minConfidence: 0.9 })).toBe(true);
  });

  it("keeps what is attested in the date range", () => {
    const v = visible({ filters: { dateFrom: "2024-05-01" } });
    expect(v.nodes.has("location:oslo")).toBe(false);
    expect(v.nodes.has("country:latvia")).toBe(true);
  });

  it("draws the best connected entities first, plus the selection and its neighbours", () => {
    const top3 = index.ranking.slice(0, 3);
    expect(visible({ nodeLimit: 3 }).nodes).toEqual(new Set(top3));
    const outsider = index.ranking[index.ranking.length - 1]!;
    const v = visible({ nodeLimit: 3, selected: outsider });
    expect(v.nodes.has(outsider)).toBe(true);
    for (const neighbor of graph.neighbors(outsider)) expect(v.nodes.has(neighbor)).toBe(true);
  });

  it("keeps a selection whose type the filters hide on screen, with the neighbours that pass", () => {
    const v = visible({ selected: "location:oslo", filters: { hiddenTypes: ["location"] } });
    expect(v.nodes.has("location:oslo")).toBe(true);
    expect(v.nodes.has("person:helena-varga")).toBe(true);
    expect([...v.edges].some((e) => graph.hasExtremity(e, "location:oslo"))).toBe(true);
    for (const node of v.nodes) if (node !== "location:oslo") expect(node.startsWith("location:")).toBe(false);
    expect(hiddenByFilters("location:oslo", "location", { ...defaultViewState().filters, hiddenTypes: ["location"] }, index)).toBe(true);
    expect(hiddenByFilters("location:oslo", "location", defaultViewState().filters, index)).toBe(false);
  });

  it("shows a selection's neighbour beyond the limit only through a relation that passes", () => {
    // Oslo's only relations to Helena Varga are "visits" and a co-occurrence.
    const v = visible({ nodeLimit: 1, selected: "person:helena-varga", filters: { showCoOccurs: false, hiddenRelations: ["visits"] } });
    expect(v.nodes.has("location:oslo")).toBe(false);
    expect(v.nodes.has("person:jonas-dahl")).toBe(true);
  });
});

describe("syncRenderGraph", () => {
  it("holds exactly the given entities, their relations, and shares attribute objects", () => {
    const rendered = createRenderGraph(graph);
    const nodes = new Set(["person:helena-varga", "person:jonas-dahl", "country:norway"]);
    syncRenderGraph(rendered, graph, nodes, index.ranking);
    expect(new Set(rendered.nodes())).toEqual(nodes);
    const expected = graph.filterEdges((_e, _a, s, t) => nodes.has(s) && nodes.has(t));
    expect(rendered.edges().sort()).toEqual(expected.sort());
    expect(rendered.getNodeAttributes("country:norway")).toBe(graph.getNodeAttributes("country:norway"));
    for (const edge of rendered.edges()) expect(rendered.isDirected(edge)).toBe(graph.isDirected(edge));

    syncRenderGraph(rendered, graph, new Set(["person:jonas-dahl", "country:norway"]), index.ranking);
    expect(rendered.order).toBe(2);
    expect(rendered.hasNode("person:helena-varga")).toBe(false);
  });

  it("lets a listening renderer see one clear, not a drop per entity and relation, when entities go", () => {
    const rendered = createRenderGraph(graph);
    syncRenderGraph(rendered, graph, new Set(index.ranking), index.ranking);
    const events: string[] = [];
    for (const name of ["nodeDropped", "edgeDropped", "cleared"] as const) rendered.on(name, () => events.push(name));
    const kept = new Set(index.ranking.slice(0, 2));
    syncRenderGraph(rendered, graph, kept, index.ranking);
    expect(events).toEqual(["cleared"]);
    expect(new Set(rendered.nodes())).toEqual(kept);
    expect(rendered.edges().sort()).toEqual(graph.filterEdges((_e, _a, s, t) => kept.has(s) && kept.has(t)).sort());
  });
});

describe("the drawn graph without co-occurrences", () => {
  it("leaves hidden co-occurrences and the entities they alone bring out, and shows the same", () => {
    const base = defaultViewState({}, true);
    for (const selected of [null, ...graph.nodes()]) {
      for (const nodeLimit of [1, 3, 1000]) {
        const view: ViewState = { ...base, selected, nodeLimit };
        const drawn = drawnEdges(view.filters);
        const pruned = createRenderGraph(graph);
        syncRenderGraph(pruned, graph, renderedNodes(graph, index, nodeLimit, selected, drawn), index.ranking, drawn);
        const full = createRenderGraph(graph);
        syncRenderGraph(full, graph, renderedNodes(graph, index, nodeLimit, selected), index.ranking);
        expect(pruned.someEdge((_e, a) => a.relation === "co_occurs")).toBe(false);
        expect(computeVisibility(pruned, index, view)).toEqual(computeVisibility(full, index, view));
      }
    }
    expect(graph.someEdge((_e, a) => a.relation === "co_occurs")).toBe(true);
    expect(drawnEdges({ ...base.filters, showCoOccurs: true })(graph.getEdgeAttributes(graph.findEdge((_e, a) => a.relation === "co_occurs")!))).toBe(true);
  });
});

describe("the first view of a graph with stated relations", () => {
  it("opens with co-occurrences off, ranks entities by their stated relations, and resets to that", () => {
    expect(index.statedRelations).toBe(true);
    expect(defaultViewState({}, index.statedRelations).filters.showCoOccurs).toBe(false);
    expect(defaultViewState({}, false).filters.showCoOccurs).toBe(true);
    const statedDegree = (node: string) =>
      new Set(graph.filterEdges(node, (_e, a) => a.relation !== "co_occurs").map((e) => graph.opposite(node, e))).size;
    const degrees = index.ranking.map(statedDegree);
    expect(degrees).toEqual([...degrees].sort((a, b) => b - a));
  });
});
