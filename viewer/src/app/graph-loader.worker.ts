/**
 * Web worker of the graph loader: downloads graph.json and, as it arrives, cuts its node and edge arrays
 * into batches of JSON text (core/json-splitter.ts) without parsing them, so the page parses and imports
 * each batch while the rest is still on its way: the page never waits for the whole file, and nothing is
 * parsed twice. Batches travel as text: the page parses a string several times faster than it receives
 * the same objects by structured clone. Edges wait for the last node, which they refer to.
 */
import type { SerializedGraph } from "graphology-types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../core/model.js";
import { JsonSplitter } from "../core/json-splitter.js";

type Serialized = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** What the page asks for: the graph's absolute URL and how many nodes or edges go in one message. */
export interface LoadRequest {
  url: string;
  batch: number;
}

/**
 * What the worker answers: the graph's attributes, node batches, then edge batches, then done (or an
 * error at any point). `items` is the JSON text of an array of serialized nodes or edges.
 */
export type LoadMessage =
  | { kind: "attributes"; attributes: Serialized["attributes"] }
  | { kind: "nodes"; items: string }
  | { kind: "edges"; items: string }
  | { kind: "done" }
  | { kind: "error"; message: string };

const send = (message: LoadMessage): void => postMessage(message);

addEventListener("message", (event: MessageEvent<LoadRequest>) => {
  const { url, batch } = event.data;
  void (async () => {
    try {
      const response = await fetch(url);
      if (!response.ok || !response.body) throw new Error(`data/graph.json: ${response.status} ${response.statusText}`);
      let nodesDone = false;
      const waitingEdges: string[] = [];
      const splitter = new JsonSplitter(["nodes", "edges"], batch, {
        member(key, json) {
          if (key === "attributes") send({ kind: "attributes", attributes: JSON.parse(json) as Serialized["attributes"] });
        },
        items(key, items) {
          const text = `[${items.join(",")}]`;
          if (key === "nodes") send({ kind: "nodes", items: text });
          else if (nodesDone) send({ kind: "edges", items: text });
          else waitingEdges.push(text);
        },
        arrayEnd(key) {
          if (key !== "nodes") return;
          nodesDone = true;
          for (const items of waitingEdges.splice(0)) send({ kind: "edges", items });
        },
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        splitter.push(value);
      }
      splitter.end();
      for (const items of waitingEdges) send({ kind: "edges", items });
      send({ kind: "done" });
    } catch (err) {
      send({ kind: "error", message: err instanceof Error ? err.message : String(err) });
    }
  })();
});
