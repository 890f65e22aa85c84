/**
 * Web worker of the graph loader: downloads graph.json and, as it arrives, cuts its node and edge arrays
 * into batches of JSON text (core/json-splitter.ts), so the page parses and imports each batch while the
 * rest is still on its way: the page never waits for the whole file. Batches travel as text: the page
 * parses a string several times faster than it receives the same objects by structured clone. The
 * server's summary of the file's co-occurrences (src/graph/co-occurrence-summary.ts), fetched alongside,
 * says which edges to hold back (core/held-co-occurrences.ts): the page parses and imports only the typed
 * relations before its first frame, and nothing is parsed here. The nodes are cut while the summary
 * comes; edges wait for it and for the last node, which they refer to.
 */
import type { SerializedGraph } from "graphology-types";
import type { CoOccurrenceSummary } from "../../../src/graph/co-occurrence-summary.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../core/model.js";
import { splitEdgeBatch, type HeldSummary } from "../core/held-co-occurrences.js";
import { itemsArray, JsonSplitter, type ItemBatch } from "../core/json-splitter.js";

type Serialized = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** What the page asks for: the absolute URLs of graph.json and of its co-occurrence summary, and how many nodes or edges go in one message. */
export interface LoadRequest {
  url: string;
  summaryUrl: string;
  batch: number;
}

/**
 * What the worker answers: the graph's attributes, the co-occurrence summary, node batches, then edge
 * batches, then done (or an error at any point). `items` is the JSON text of an array of serialized nodes
 * or of the batch's edges other than the held co-occurrences, which come in `held`; `edgesSoFar` counts the
 * file's edges handed over up to this batch.
 */
export type LoadMessage =
  | { kind: "attributes"; attributes: Serialized["attributes"] }
  | { kind: "summary"; summary: HeldSummary }
  | { kind: "nodes"; items: string }
  | { kind: "edges"; items: string; held: string; edgesSoFar: number }
  | { kind: "done" }
  | { kind: "error"; message: string };

const send = (message: LoadMessage, transfer: Transferable[] = []): void => postMessage(message, { transfer });

async function fetchOk(url: string, name: string): Promise<Response> {
  const response = await fetch(url);
  if (!response.ok || !response.body) throw new Error(`${name}: ${response.status} ${response.statusText}`);
  return response;
}

/** The summary's "0"/"1" per edge as bytes. */
function heldOrder(held: string): Uint8Array {
  const order = new Uint8Array(held.length);
  for (let i = 0; i < held.length; i++) order[i] = held.charCodeAt(i) === 49 ? 1 : 0;
  return order;
}

addEventListener("message", (event: MessageEvent<LoadRequest>) => {
  const { url, summaryUrl, batch } = event.data;
  void (async () => {
    try {
      const response = await fetchOk(url, "data/graph.json");
      // The nodes are cut while the summary comes; the edges wait for it (and for the last node).
      let held: Uint8Array | null = null;
      let edgesCut = 0;
      let nodesDone = false;
      const waitingEdges: ItemBatch[] = [];
      const sendWaitingEdges = (): void => {
        if (!nodesDone || held === null) return;
        for (const items of waitingEdges.splice(0)) {
          const { typed, held: heldText } = splitEdgeBatch(items, held, edgesCut);
          edgesCut += items.starts.length;
          send({ kind: "edges", items: typed, held: heldText, edgesSoFar: edgesCut });
        }
      };
      const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
      const summaryIn = fetchOk(summaryUrl, "api/co-occurrences")
        .then((r) => r.json() as Promise<CoOccurrenceSummary>)
        .then((summary) => {
          if (response.headers.get("ETag") !== summary.etag) throw new Error("graph.json changed while the page loaded it: reload the page");
          held = heldOrder(summary.held);
          // The page gets a copy (transferred); the worker keeps the order to cut the edges.
          const order = held.slice();
          const ends = Uint32Array.from(summary.ends);
          send({ kind: "summary", summary: { order, ends, tally: summary.tally } }, [order.buffer, ends.buffer]);
          sendWaitingEdges();
        });
      // A summary that fails stops the download at once; the error is thrown below.
      summaryIn.catch(() => void reader.cancel());
      const splitter = new JsonSplitter(["nodes", "edges"], batch, {
        member(key, json) {
          if (key === "attributes") send({ kind: "attributes", attributes: JSON.parse(json) as Serialized["attributes"] });
        },
        items(key, items) {
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
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        splitter.push(value);
      }
      await summaryIn;
      splitter.end();
      // A file without a node list lets its edges go at its end.
      nodesDone = true;
      sendWaitingEdges();
      if (edgesCut !== held!.length) throw new Error("graph.json does not match its co-occurrence summary: reload the page");
      send({ kind: "done" });
    } catch (err) {
      send({ kind: "error", message: err instanceof Error ? err.message : String(err) });
    }
  })();
});
