/**
 * Web worker of the graph loader: downloads the server's graph for the viewer (GET api/graph,
 * src/graph/viewer-graph.ts) and, as it arrives, cuts its node and edge arrays into batches of JSON text
 * (core/json-splitter.ts), so the page parses and imports each batch while the rest is still on its way:
 * the page never waits for the whole file. Batches travel as text: the page parses a string several times
 * faster than it receives the same objects by structured clone. The body opens on a summary of the
 * co-occurrences held out of the first frame and lists them last: once every other edge is handed over,
 * the worker says so and stops reading until the page asks for the rest (once its first frame is shown),
 * which it then hands over as text, unparsed (core/held-co-occurrences.ts).
 */
import type { SerializedGraph } from "graphology-types";
import type { CoOccurrenceSummary } from "../../../src/graph/viewer-graph.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../core/model.js";
import { splitEdgeBatch, type HeldSummary } from "../core/held-co-occurrences.js";
import { itemsArray, JsonSplitter, type ItemBatch } from "../core/json-splitter.js";

type Serialized = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** What the page asks for: the graph's absolute URL and how many nodes or edges go in one message; later, the rest. */
export type LoadRequest = { kind: "load"; url: string; batch: number } | { kind: "rest" };

/**
 * What the worker answers: that it has started, the co-occurrence summary, the graph's attributes, node
 * batches, edge batches, "typed" once every edge but the held co-occurrences is handed over, then (when
 * asked) the rest of the edges and done, or an error at any point. `items` is the JSON text of an array of serialized nodes or of
 * the batch's edges other than the held co-occurrences, which come in `held`; `edgesSoFar` counts the
 * edges handed over up to this batch.
 */
export type LoadMessage =
  | { kind: "started" }
  | { kind: "summary"; summary: HeldSummary }
  | { kind: "attributes"; attributes: Serialized["attributes"] }
  | { kind: "nodes"; items: string }
  | { kind: "edges"; items: string; held: string; edgesSoFar: number }
  | { kind: "typed" }
  | { kind: "done" }
  | { kind: "error"; message: string };

const send = (message: LoadMessage, transfer: Transferable[] = []): void => postMessage(message, { transfer });

/** Resolves when the page asks for the rest. */
let restAsked: () => void = () => {};
const rest = new Promise<void>((resolve) => (restAsked = resolve));

async function load(url: string, batch: number): Promise<void> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`api/graph: ${response.status} ${response.statusText}`);
  let typed = -1;
  let edgesCut = 0;
  let nodesDone = false;
  let typedSent = false;
  // Edges refer to nodes: they wait for the last node.
  const waitingEdges: ItemBatch[] = [];
  const sendWaitingEdges = (): void => {
    if (!nodesDone) return;
    for (const items of waitingEdges.splice(0)) {
      const { typed: imported, held } = splitEdgeBatch(items, typed, edgesCut);
      edgesCut += items.starts.length;
      send({ kind: "edges", items: imported, held, edgesSoFar: edgesCut });
    }
    if (!typedSent && edgesCut >= typed) {
      typedSent = true;
      send({ kind: "typed" });
    }
  };
  const splitter = new JsonSplitter(["nodes", "edges"], batch, {
    member(key, json) {
      if (key === "attributes") send({ kind: "attributes", attributes: JSON.parse(json) as Serialized["attributes"] });
      else if (key === "coOccurrences") {
        const summary = JSON.parse(json) as CoOccurrenceSummary;
        typed = summary.typed;
        const ends = Uint32Array.from(summary.ends);
        send({ kind: "summary", summary: { ends, tally: summary.tally } }, [ends.buffer]);
      }
    },
    items(key, items) {
      if (typed < 0) throw new Error("api/graph: the co-occurrence summary does not come first");
      if (key === "nodes") send({ kind: "nodes", items: itemsArray(items) });
      else {
        waitingEdges.push(items);
        sendWaitingEdges();
      }
    },
    arrayEnd(key) {
      if (key !== "nodes") return;
      nodesDone = true;
      sendWaitingEdges();
    },
  });
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    // The held co-occurrences are read once the page asks for them.
    if (typedSent) await rest;
    const { done, value } = await reader.read();
    if (done) break;
    splitter.push(value);
  }
  splitter.end();
  if (typed < 0) throw new Error("api/graph: no co-occurrence summary");
  // A graph without a node list lets its edges go at its end.
  nodesDone = true;
  sendWaitingEdges();
  send({ kind: "done" });
}

addEventListener("message", (event: MessageEvent<LoadRequest>) => {
  const request = event.data;
  if (request.kind === "rest") {
    restAsked();
    return;
  }
  send({ kind: "started" });
  load(request.url, request.batch).catch((err: unknown) => send({ kind: "error", message: err instanceof Error ? err.message : String(err) }));
});
