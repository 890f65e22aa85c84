/**
 * Work spread over several tasks: the graph and search indexes computed in steps give the same result as
 * in one go and pause as the graph grows, and the slice runner and background work return that result,
 * at once when asked before they are done.
 */
import Graph from "graphology";
import { describe, expect, it } from "vitest";
import { inBackground, runInSlices } from "../../viewer/src/app/slices.js";
import { buildGraphIndex, graphIndexSteps, type GraphIndex } from "../../viewer/src/core/graph-index.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "../../viewer/src/core/model.js";
import { buildSearchIndex, searchIndexSteps } from "../../viewer/src/core/search.js";
import { CLAIM_KINDS } from "../../viewer/src/core/state.js";
import { isClaimOf } from "../../src/graph/edge-tally.js";
import { loadFixture } from "./fixture.js";

/** A ring of `n` invented entities, each also linked to the one three places on, every fifth link negated. */
function ring(n: number): ViewerGraph {
  const g = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
  for (let i = 0; i < n; i++) {
    g.addNode(`person:p${i}`, { label: `Person ${i}`, type: "person", aliases: [`P${i}`], mentions: 1 + (i % 7), docs: [], x: i, y: 0, size: 1, color: "#000", community: i % 3 });
  }
  for (let i = 0; i < n; i++) {
    for (const step of [1, 3]) {
      const relation = step === 1 ? "meets" : "co_occurs";
      g.addUndirectedEdgeWithKey(`e${i}-${step}`, `person:p${i}`, `person:p${(i + step) % n}`, {
        relation, negated: i % 5 === 0, predicate: relation, weight: 1, docs: [], stories: 1, evidence: [], rules: [],
      });
    }
  }
  return g;
}

function countPauses<T>(steps: Generator<void, T, void>): { pauses: number; value: T } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done) return { pauses, value: step.value };
    pauses += 1;
  }
}

describe("indexes computed in steps", () => {
  it("gives the graph index of one go, pausing more often on a larger graph", () => {
    /** An index's fields, with the dates asked for each entity and relation of the graph. */
    const facts = (graph: ViewerGraph, { nodeTime, edgeTime, ...fields }: GraphIndex) => ({
      ...fields,
      nodeTimes: graph.mapNodes((node) => nodeTime(node)),
      edgeTimes: graph.mapEdges((edge) => edgeTime(edge)),
    });
    const { graph, documents, index } = loadFixture();
    expect(facts(graph, countPauses(graphIndexSteps(graph, documents)).value)).toEqual(facts(graph, index));
    const small = countPauses(graphIndexSteps(ring(500), new Map())).pauses;
    const large = ring(5000);
    const { pauses, value } = countPauses(graphIndexSteps(large, new Map()));
    expect(pauses).toBeGreaterThan(small + 5);
    expect(facts(large, value)).toEqual(facts(large, buildGraphIndex(large, new Map())));
  });

  it("counts the claims of each kind the filters and legend show", () => {
    const { graph, index } = loadFixture();
    for (const kind of CLAIM_KINDS) expect(index.claimCounts.get(kind)).toBe(graph.filterEdges((_e, a) => isClaimOf(a, kind)).length);
    expect(buildGraphIndex(ring(100), new Map()).claimCounts.get("negated")).toBe(40);
  });

  it("gives the search index of one go, pausing every thousand entities", () => {
    const g = ring(2500);
    const { pauses, value } = countPauses(searchIndexSteps(g, () => 1));
    expect(pauses).toBe(2);
    expect(value).toEqual(buildSearchIndex(g, () => 1));
  });
});

describe("slices", () => {
  function* counted(n: number): Generator<void, number, void> {
    let total = 0;
    for (let i = 0; i < n; i++) {
      total += i;
      yield;
    }
    return total;
  }

  it("runs a generator to its result, and rejects with what it throws", async () => {
    await expect(runInSlices(counted(10_000))).resolves.toBe(49_995_000);
    const failing = (function* (): Generator<void, number, void> {
      throw new Error("bad step");
    })();
    await expect(runInSlices(failing)).rejects.toThrow("bad step");
  });

  it("finishes background work at once when its result is wanted sooner, and keeps that result", async () => {
    const work = inBackground(
      (function* (): Generator<void, string, void> {
        yield;
        yield;
        return "done";
      })(),
    );
    expect(work.now()).toBe("done");
    expect(work.now()).toBe("done");
    // The background slices then find the work done.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(work.now()).toBe("done");
  });
});
