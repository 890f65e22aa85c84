/**
 * Web worker of the graph loader: fetches graph.json and parses it off the main thread (a BBC-sized file
 * is tens of megabytes, a parse the page would freeze on), then posts it back in batches small enough for
 * the page to import each between two frames. Batches travel as JSON text: the page parses a string
 * several times faster than it receives the same objects by structured clone.
 */
import type { SerializedGraph } from "graphology-types";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../core/model.js";

type Serialized = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

/** What the page asks for: the graph's absolute URL and how many nodes or edges go in one message. */
export interface LoadRequest {
  url: string;
  batch: number;
}

/**
 * What the worker answers, in this order: the head, node batches, edge batches, then done (or an error at
 * any point). `items` is the JSON text of an array of serialized nodes or edges.
 */
export type LoadMessage =
  | { kind: "head"; attributes: Serialized["attributes"]; nodes: number; edges: number }
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
      if (!response.ok) throw new Error(`data/graph.json: ${response.status} ${response.statusText}`);
      const data = (await response.json()) as Serialized;
      const nodes = data.nodes ?? [];
      const edges = data.edges ?? [];
      send({ kind: "head", attributes: data.attributes, nodes: nodes.length, edges: edges.length });
      for (let i = 0; i < nodes.length; i += batch) send({ kind: "nodes", items: JSON.stringify(nodes.slice(i, i + batch)) });
      for (let i = 0; i < edges.length; i += batch) send({ kind: "edges", items: JSON.stringify(edges.slice(i, i + batch)) });
      send({ kind: "done" });
    } catch (err) {
      send({ kind: "error", message: err instanceof Error ? err.message : String(err) });
    }
  })();
});
