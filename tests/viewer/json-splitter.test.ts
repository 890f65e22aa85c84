/** The graph loader's splitter: graph.json cut into node and edge batches as it arrives, in any chunks. */
import { describe, expect, it } from "vitest";
import { itemsArray, JsonSplitter } from "../../viewer/src/core/json-splitter.js";

/** A small graph export whose strings hold what could fool a scanner: brackets, braces, commas, escapes. */
const GRAPH = {
  options: { type: "mixed", multi: true },
  attributes: { name: "Tricky {graph}, [one]", documents: 3 },
  nodes: [
    { key: "person:ana-vel", attributes: { label: 'Ana "the [quiet]" Vel', aliases: ["A. Vel\\", "}{"] } },
    { key: "org:brightwater", attributes: { label: "Brightwater, Inc.", x: -1.5e-3, mentions: 12 } },
    { key: "place:östmark", attributes: { label: "Östmark — 港", docs: [] } },
  ],
  edges: [
    { key: "e0", source: "person:ana-vel", target: "org:brightwater", attributes: { sentence: "She said: \"[it's done]\",\nthen left." } },
    { key: "e1", source: "org:brightwater", target: "place:östmark", undirected: true, attributes: { weight: 2, ok: true, none: null } },
  ],
};

interface Split {
  members: Record<string, unknown>;
  batches: [string, unknown[]][];
  ends: string[];
}

function split(text: string, chunk: number, batch: number): Split {
  const out: Split = { members: {}, batches: [], ends: [] };
  const splitter = new JsonSplitter(["nodes", "edges"], batch, {
    member: (key, json) => (out.members[key] = JSON.parse(json)),
    items: (key, batch) => out.batches.push([key, JSON.parse(itemsArray(batch)) as unknown[]]),
    arrayEnd: (key) => out.ends.push(key),
  });
  for (let i = 0; i < text.length; i += chunk) splitter.push(text.slice(i, i + chunk));
  splitter.end();
  return out;
}

describe("JSON splitter", () => {
  const compact = JSON.stringify(GRAPH);
  const spaced = JSON.stringify(GRAPH, null, 2);

  it.each([
    ["compact, whole", compact, compact.length],
    ["compact, one character at a time", compact, 1],
    ["indented, in chunks of 7", spaced, 7],
    ["indented, in chunks of 64", spaced, 64],
  ])("gives every node and edge and the other members (%s)", (_how, text, chunk) => {
    const { members, batches, ends } = split(text, chunk, 2);
    expect(members).toEqual({ options: GRAPH.options, attributes: GRAPH.attributes });
    expect(batches.filter(([key]) => key === "nodes").flatMap(([, items]) => items)).toEqual(GRAPH.nodes);
    expect(batches.filter(([key]) => key === "edges").flatMap(([, items]) => items)).toEqual(GRAPH.edges);
    // Batches of at most 2, in document order: all the nodes before the edges.
    expect(batches.map(([key, items]) => `${key}:${items.length}`)).toEqual(["nodes:2", "nodes:1", "edges:2"]);
    expect(ends).toEqual(["nodes", "edges"]);
  });

  it("reads strings the same whatever chunk boundary falls inside an escape or before a quote", () => {
    const whole = split(compact, compact.length, 2);
    for (let chunk = 1; chunk <= 40; chunk++) expect(split(compact, chunk, 2)).toEqual(whole);
  });

  it("handles empty arrays and says when the text stops short or is not an object", () => {
    expect(split('{"nodes":[],"edges":[]}', 3, 10)).toEqual({ members: {}, batches: [], ends: ["nodes", "edges"] });
    expect(() => split(compact.slice(0, -1), 50, 10)).toThrow(/ends too early/);
    expect(() => split("[1,2]", 50, 10)).toThrow(/not an object/);
  });

  it("lets go of the text of each batch it has handed over, so a large array is never held whole", () => {
    const edges = Array.from({ length: 5000 }, (_, i) => ({ key: `e${i}`, source: "a", target: "b", attributes: { sentence: `Sentence number ${i}.` } }));
    const text = JSON.stringify({ nodes: [{ key: "a" }, { key: "b" }], edges });
    const longestItem = Math.max(...edges.map((e) => JSON.stringify(e).length));
    const chunk = 100;
    let held = 0;
    let handed = 0;
    const splitter = new JsonSplitter(["nodes", "edges"], 50, { member() {}, items: (_key, batch) => (handed += batch.starts.length), arrayEnd() {} });
    for (let i = 0; i < text.length; i += chunk) {
      splitter.push(text.slice(i, i + chunk));
      held = Math.max(held, splitter.held);
    }
    splitter.end();
    expect(handed).toBe(5002);
    // At most a batch of items with the commas between them and the chunk that completes it, far less than the 300 kB array.
    expect(held).toBeLessThanOrEqual(50 * (longestItem + 1) + chunk);
    expect(held).toBeLessThan(text.length / 20);
  });
});
