/** GEXF of the view: exactly the entities and relations the filters let through, with their attributes. */
import Graph from "graphology";
import { parse } from "graphology-gexf";
import { describe, expect, it } from "vitest";
import { viewGexf, visibleSubgraph } from "../../viewer/src/core/gexf-export.js";
import { defaultViewState } from "../../viewer/src/core/state.js";
import { computeVisibility } from "../../viewer/src/core/visibility.js";
import { loadFixture } from "./fixture.js";

const { graph, index } = loadFixture();

describe("visible subgraph and its GEXF", () => {
  it("holds exactly the visible entities and relations, keys and directedness kept", () => {
    const view = defaultViewState({}, index.statedRelations);
    view.filters = { ...view.filters, hiddenTypes: ["location"] };
    const visibility = computeVisibility(graph, index, view);
    const sub = visibleSubgraph(graph, visibility);
    expect(new Set(sub.nodes())).toEqual(visibility.nodes);
    expect(new Set(sub.edges())).toEqual(visibility.edges);
    expect(sub.nodes().some((n) => n.startsWith("location:"))).toBe(false);
    expect(sub.edges().some((e) => sub.getEdgeAttribute(e, "relation") === "co_occurs")).toBe(false);
    for (const edge of sub.edges()) expect(sub.isDirected(edge)).toBe(graph.isDirected(edge));
  });

  it("writes GEXF that Gephi's format readers load back with labels, types and relations", () => {
    const visibility = computeVisibility(graph, index, defaultViewState({}, index.statedRelations));
    const gexf = viewGexf(graph, visibility);
    const back = parse(Graph, gexf, { allowUndeclaredAttributes: true });
    expect(back.order).toBe(visibility.nodes.size);
    expect(back.size).toBe(visibility.edges.size);
    expect(back.getNodeAttribute("person:helena-varga", "label")).toBe("Helena Varga");
    expect(back.getNodeAttribute("person:helena-varga", "type")).toBe("person");
    const negated = back.findEdge((_e, a) => a["negated"] === true);
    expect(back.getEdgeAttribute(negated!, "relation")).toBe("member_of");
  });
});
