/**
 * Web worker of the graph loader: downloads graph.json and, as it arrives, cuts its node and edge arrays
 * into batches of JSON text (core/json-splitter.ts), so the page parses and imports each batch while the
 * rest is still on its way: the page never waits for the whole file. Batches travel as text: the page
 * parses a string several times faster than it receives the same objects by structured clone. The worker
 * parses the edge batches itself to hold the co-occurrences back (core/held-co-occurrences.ts): the page
 * parses and imports only the typed relations before its first frame. Edges wait for the last node, which
 * they refer to.
 */
import type { SerializedEdge, SerializedGraph } from "graphology-types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../core/model.js";
import { splitEdgeBatch, type HeldBatch } from "../core/held-co-occurrences.js";
import { JsonSplitter } from "../core/json-splitter.js";

type Serialized = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** What the page asks for: the graph's absolute URL and how many nodes or edges go in one message. */
export interface LoadRequest {
  url: string;
  batch: number;
}

/**
 * What the worker answers: the graph's attributes, node batches, then edge batches, then done (or an
 * error at any point). `items` is the JSON text of an array of serialized nodes or of the batch's edges
 * other than the co-occurrences, which come in `held`.
 */
export type LoadMessage =
  | { kind: "attributes"; attributes: Serialized["attributes"] }
  | { kind: "nodes"; items: string }
  | { kind: "edges"; items: string; held: HeldBatch }
  | { kind: "done" }
  | { kind: "error"; message: string };

const send = (message: LoadMessage, transfer: Transferable[] = []): void => postMessage(message, { transfer });

addEventListener("message", (event: MessageEvent<LoadRequest>) => {
  const { url, batch } = event.data;
  void (async () => {
    try {
      const response = await fetch(url);
      if (!response.ok || !response.body) throw new Error(`data/graph.json: ${response.status} ${response.statusText}`);
      let nodesDone = false;
      const waitingEdges: string[][] = [];
      /** Each node's position in the order the nodes came (the page's graph keeps that order). */
      const position = new Map<string, number>();
      const sendEdges = (items: string[]): void => {
        const { typed, held } = splitEdgeBatch(items, JSON.parse(`[${items.join(",")}]`) as SerializedEdge<EdgeAttributes>[], position);
        send({ kind: "edges", items: typed, held }, [held.order.buffer, held.ends.buffer]);
      };
      const splitter = new JsonSplitter(["nodes", "edges"], batch, {
        member(key, json) {
          if (key === "attributes") send({ kind: "attributes", attributes: JSON.parse(json) as Serialized["attributes"] });
        },
        items(key, items) {
          if (key === "nodes") {
            const text = `[${items.join(",")}]`;
            for (const { key: node } of JSON.parse(text) as { key: string }[]) position.set(node, position.size);
            send({ kind: "nodes", items: text });
          } else if (nodesDone) sendEdges(items);
          else waitingEdges.push(items);
        },
        arrayEnd(key) {
          if (key !== "nodes") return;
          nodesDone = true;
          for (const items of waitingEdges.splice(0)) sendEdges(items);
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        splitter.push(value);
      }
      splitter.end();
      for (const items of waitingEdges) sendEdges(items);
      send({ kind: "done" });
    } catch (err) {
      send({ kind: "error", message: err instanceof Error ? err.message : String(err) });
    }
  })();
});
