/**
 * Loads graph.json without freezing the page: a worker downloads it and posts it back in batches while it
 * arrives (app/graph-loader.worker.ts), and each batch is parsed and imported in its own task, so the page
 * keeps drawing and answering between batches. Co-occurrences stay out of the graph, held for later
 * (core/held-co-occurrences.ts). Reports progress as relations loaded so far.
 */
import Graph from "graphology";
import type { SerializedEdge, SerializedNode } from "graphology-types";
import { HeldCoOccurrences } from "../core/held-co-occurrences.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "../core/model.js";
import type { LoadMessage, LoadRequest } from "./graph-loader.worker.js";

/** Nodes or edges per message: small enough to import in a few milliseconds. */
const BATCH = 2000;

export type LoadProgress = (edgesLoaded: number) => void;

/** The graph without its co-occurrences, and the co-occurrences held back. */
export interface LoadedGraph {
  graph: ViewerGraph;
  held: HeldCoOccurrences;
}

export function loadGraph(onProgress: LoadProgress = () => {}): Promise<LoadedGraph> {
  const worker = new Worker(new URL("./graph-loader.worker.ts", import.meta.url), { type: "module" });
  const graph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
  let held = new HeldCoOccurrences();
  return new Promise<LoadedGraph>((resolve, reject) => {
    const fail = (error: Error): void => {
      worker.terminate();
      reject(error);
    };
    worker.addEventListener("error", (event) => fail(new Error(`the graph loader failed: ${event.message || "worker error"}`)));
    worker.addEventListener("message", (event: MessageEvent<LoadMessage>) => {
      const message = event.data;
      try {
        if (message.kind === "attributes") {
          if (message.attributes) graph.replaceAttributes(message.attributes);
        } else if (message.kind === "summary") {
          held = new HeldCoOccurrences(message.summary);
        } else if (message.kind === "nodes") {
          graph.import({ nodes: JSON.parse(message.items) as SerializedNode<NodeAttributes>[] });
        } else if (message.kind === "edges") {
          graph.import({ edges: JSON.parse(message.items) as SerializedEdge<EdgeAttributes>[] });
          held.add(message.held);
          onProgress(message.edgesSoFar);
        } else if (message.kind === "done") {
          worker.terminate();
          resolve({ graph, held });
        } else {
          fail(new Error(message.message));
        }
      } catch (err) {
        fail(err instanceof Error ? err : new Error(String(err)));
      }
    });
    const at = (path: string): string => new URL(path, document.baseURI).href;
    const request: LoadRequest = { url: at("data/graph.json"), summaryUrl: at("api/co-occurrences"), batch: BATCH };
    worker.postMessage(request);
  });
}
