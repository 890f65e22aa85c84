/**
 * graph.json as the viewer loads it: the summary of the co-occurrences held out of the first frame first
 * (their count, their ends as node positions, their tally), then the graph with those co-occurrences
 * after every other edge, each group in file order; edges it cannot hold (no key, an end that is no node)
 * are left with the relations imported at once.
 */
import { describe, expect, it } from "vitest";
import { viewerGraphJson } from "../../src/graph/viewer-graph.js";

const co = (key: string | undefined, source: string, target: string, extra: object = {}) => ({
  ...(key === undefined ? {} : { key }),
  source,
  target,
  attributes: { relation: "co_occurs", negated: false, predicate: "", weight: 1, docs: [], evidence: [], rules: [], ...extra },
});

describe("the viewer's graph", () => {
  it("summarizes the held co-occurrences first and lists them after every other edge, in file order", () => {
    const data = {
      options: { type: "mixed", multi: true },
      attributes: { name: "test" },
      nodes: [{ key: "person:varnholt" }, { key: "country:kelmscar" }, { key: "organization:orvane" }],
      edges: [
        co("a", "person:varnholt", "country:kelmscar", { weight: 3 }),
        { key: "b", source: "person:varnholt", target: "organization:orvane", attributes: { relation: "works_for", negated: true, weight: 9 } },
        co("c", "organization:orvane", "country:kelmscar", { negated: true }),
        co(undefined, "person:varnholt", "organization:orvane"),
        co("d", "person:varnholt", "person:nobody"),
      ],
    };
    const text = viewerGraphJson(data);
    // The loader reads the summary before anything else.
    expect(text.startsWith('{"coOccurrences":')).toBe(true);
    const served = JSON.parse(text);
    expect(Object.keys(served)).toEqual(["coOccurrences", "options", "attributes", "nodes", "edges"]);
    expect(served.coOccurrences).toEqual({ typed: 3, ends: [0, 1, 2, 1], tally: { count: 2, maxWeight: 3, claimCounts: [1, 0, 0, 0], confidenceScored: false } });
    expect(served.edges).toEqual([data.edges[1], data.edges[3], data.edges[4], data.edges[0], data.edges[2]]);
    expect({ ...served, coOccurrences: undefined, edges: undefined }).toEqual({ ...data, edges: undefined });
  });

  it("holds nothing of a graph without co-occurrences or edges", () => {
    expect(JSON.parse(viewerGraphJson({ nodes: [], edges: [] }))).toEqual({ coOccurrences: { typed: 0, ends: [], tally: { count: 0, maxWeight: 0, claimCounts: [0, 0, 0, 0], confidenceScored: false } }, nodes: [], edges: [] });
    expect(JSON.parse(viewerGraphJson({ nodes: [] }))).toMatchObject({ coOccurrences: { typed: 0, ends: [] }, nodes: [] });
  });
});
