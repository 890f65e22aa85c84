/**
 * The summary the viewer's loader holds co-occurrences back by: which edges, their ends as node
 * positions, and their tally; edges it cannot hold (no key, an end that is no node) are left to the import.
 */
import { describe, expect, it } from "vitest";
import { summarizeCoOccurrences } from "../../src/graph/co-occurrence-summary.js";

const co = (key: string | undefined, source: string, target: string, extra: object = {}) => ({
  ...(key === undefined ? {} : { key }),
  source,
  target,
  attributes: { relation: "co_occurs", negated: false, predicate: "", weight: 1, docs: [], evidence: [], rules: [], ...extra },
});

describe("co-occurrence summary", () => {
  it("marks the held co-occurrences in file order with their ends and tally", () => {
    const data = {
      nodes: [{ key: "person:varnholt" }, { key: "country:kelmscar" }, { key: "organization:orvane" }],
      edges: [
        co("a", "person:varnholt", "country:kelmscar", { weight: 3 }),
        { key: "b", source: "person:varnholt", target: "organization:orvane", attributes: { relation: "works_for", negated: true, weight: 9 } },
        co("c", "organization:orvane", "country:kelmscar", { negated: true }),
        co(undefined, "person:varnholt", "organization:orvane"),
        co("d", "person:varnholt", "person:nobody"),
      ],
    };
    const summary = summarizeCoOccurrences(data, '"v1"');
    expect(summary.etag).toBe('"v1"');
    expect(summary.held).toBe("10100");
    expect(summary.ends).toEqual([0, 1, 2, 1]);
    expect(summary.tally).toEqual({ count: 2, maxWeight: 3, claimCounts: [1, 0, 0, 0], confidenceScored: false });
  });

  it("holds nothing of a graph without co-occurrences or edges", () => {
    expect(summarizeCoOccurrences({ nodes: [], edges: [] }, '"e"')).toMatchObject({ held: "", ends: [], tally: { count: 0 } });
    expect(summarizeCoOccurrences({ nodes: [] }, '"e"').held).toBe("");
  });
});
