/** The graph index: how connected each entity is, and the dates behind entities and relations. */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { buildGraphIndex } from "../../viewer/src/core/graph-index.js";
import { documentTable, type EdgeAttributes, type GraphAttributes, type NodeAttributes, type ViewerGraph } from "../../viewer/src/core/model.js";
import { loadFixture } from "./fixture.js";

function node(label: string, docs: string[]): NodeAttributes {
  return { label, type: "person", aliases: [], mentions: 1, docs, x: 0, y: 0, size: 1, color: "#000", community: 0 } as NodeAttributes;
}

function edge(relation: EdgeAttributes["relation"], docs: string[], dates: string[]): EdgeAttributes {
  return {
    relation,
    negated: false,
    predicate: relation,
    weight: dates.length,
    docs,
    stories: docs.length,
    evidence: dates.map((date, i) => ({ doc: docs[0]!, sentence: `s${i}`, start: 0, end: 2, date })),
    rules: [],
  } as EdgeAttributes;
}

describe("graph index", () => {
  it("counts each entity's distinct neighbours as graphology does, self-loops and parallel relations included", () => {
    const graph: ViewerGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
    for (const key of ["a", "b", "c", "d"]) graph.addNode(key, node(key.toUpperCase(), ["d1"]));
    graph.addDirectedEdgeWithKey("e1", "a", "b", edge("meets", ["d1"], []));
    graph.addDirectedEdgeWithKey("e2", "b", "a", edge("supports", ["d1"], []));
    graph.addUndirectedEdgeWithKey("e3", "a", "b", edge("co_occurs", ["d1"], []));
    graph.addDirectedEdgeWithKey("e4", "c", "c", edge("related_to", ["d1"], []));
    graph.addUndirectedEdgeWithKey("e5", "c", "a", edge("co_occurs", ["d1"], []));
    const index = buildGraphIndex(graph, documentTable([]));
    for (const key of graph.nodes()) expect(index.degree.get(key), key).toBe(graph.neighbors(key).length);
    expect(index.maxDegree).toBe(2);
    // Stated relations rank first: a and b (one stated neighbour each) before c (a self-loop only) and d.
    expect(index.ranking).toEqual(["a", "b", "c", "d"]);
    const fixture = loadFixture();
    for (const key of fixture.graph.nodes()) expect(fixture.index.degree.get(key), key).toBe(fixture.graph.neighbors(key).length);
  });

  it("lists the distinct dates of an entity's documents and of a relation's evidence, sorted", () => {
    const graph: ViewerGraph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
    graph.addNode("a", node("A", ["d2", "d1", "d3", "d2"]));
    graph.addNode("b", node("B", ["d3"]));
    graph.addDirectedEdgeWithKey("e1", "a", "b", edge("meets", ["d3", "d1"], ["2024-03-02", "2024-01-05", "2024-03-02"]));
    const documents = documentTable([
      { id: "d1", title: "One", date: "2024-01-05" },
      { id: "d2", title: "Two", date: "2024-02-01" },
      { id: "d3", title: "Three" },
    ] as Parameters<typeof documentTable>[0]);
    const index = buildGraphIndex(graph, documents);
    expect(index.nodeTime("a")).toEqual({ dates: ["2024-01-05", "2024-02-01"], undated: true });
    expect(index.nodeTime("b")).toEqual({ dates: undefined, undated: true });
    expect(index.edgeTime("e1")).toEqual({ dates: ["2024-01-05", "2024-03-02"], undated: true });
    expect(graph.filterNodes((node) => index.nodeTime(node).undated)).toEqual(["a", "b"]);
  });
});
