/**
 * Loads the server's graph for the viewer without freezing the page: a worker downloads it and posts it
 * back in batches while it arrives (app/graph-loader.worker.ts), and each batch is parsed and imported in
 * its own task, so the page keeps drawing and answering between batches. Resolves once every relation
 * but the held co-occurrences is in the graph; those (core/held-co-occurrences.ts) are downloaded when
 * asked for (`rest`), after the first frame. Reports progress as relations loaded so far.
 */
import Graph from "graphology";
import type { SerializedEdge, SerializedNode } from "graphology-types";
import { HeldCoOccurrences } from "../core/held-co-occurrences.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, ViewerGraph } from "../core/model.js";
import type { LoadMessage, LoadRequest } from "./graph-loader.worker.js";
import GraphLoaderWorker from "./graph-loader.worker.ts?worker&inline";

/** Nodes or edges per message: small enough to import in a few milliseconds. */
const BATCH = 2000;

export type LoadProgress = (edgesLoaded: number) => void;

/** The download of the held co-occurrences, which waits until it is asked for. */
export interface HeldDownload {
  /** Ask for it (once is enough). */
  start(): void;
  /** Resolves once every held co-occurrence is in `held`; rejects when the download fails. */
  done: Promise<void>;
}

/** The graph without its co-occurrences, the co-occurrences held back, and their download. */
export interface LoadedGraph {
  graph: ViewerGraph;
  held: HeldCoOccurrences;
  rest: HeldDownload;
}

/**
 * Start loading. `started` resolves once the worker runs (its start needs the page's main thread: work
 * that holds it, such as making WebGL contexts, is best left until then); `loaded` once every relation
 * but the held co-occurrences is in the graph.
 */
export function loadGraph(onProgress: LoadProgress = () => {}): { started: Promise<void>; loaded: Promise<LoadedGraph> } {
  const worker = new GraphLoaderWorker();
  const ask = (request: LoadRequest): void => worker.postMessage(request);
  const graph = new Graph<NodeAttributes, EdgeAttributes, GraphAttributes>({ type: "mixed", multi: true });
  let held = new HeldCoOccurrences();
  let restAsked = false;
  let settleRest!: { resolve: () => void; reject: (error: Error) => void };
  const done = new Promise<void>((resolve, reject) => (settleRest = { resolve, reject }));
  // A failure before the page listens is not unhandled: the page reports it once shown (main.ts).
  done.catch(() => {});
  const rest: HeldDownload = {
    start() {
      if (restAsked) return;
      restAsked = true;
      ask({ kind: "rest" });
    },
    done,
  };
  let workerStarted!: () => void;
  const started = new Promise<void>((resolve) => (workerStarted = resolve));
  const loaded = new Promise<LoadedGraph>((resolve, reject) => {
    let typed = false;
    const fail = (error: Error): void => {
      worker.terminate();
      if (typed) settleRest.reject(error);
      else reject(error);
    };
    worker.addEventListener("error", (event) => fail(new Error(`the graph loader failed: ${event.message || "worker error"}`)));
    worker.addEventListener("message", (event: MessageEvent<LoadMessage>) => {
      const message = event.data;
      try {
        if (message.kind === "started") {
          workerStarted();
        } else if (message.kind === "summary") {
          held = new HeldCoOccurrences(message.summary);
        } else if (message.kind === "attributes") {
          if (message.attributes) graph.replaceAttributes(message.attributes);
        } else if (message.kind === "nodes") {
          graph.import({ nodes: JSON.parse(message.items) as SerializedNode<NodeAttributes>[] });
        } else if (message.kind === "edges") {
          graph.import({ edges: JSON.parse(message.items) as SerializedEdge<EdgeAttributes>[] });
          held.add(message.held);
          if (!typed) onProgress(message.edgesSoFar);
        } else if (message.kind === "typed") {
          typed = true;
          resolve({ graph, held, rest });
        } else if (message.kind === "done") {
          worker.terminate();
          settleRest.resolve();
        } else {
          fail(new Error(message.message));
        }
      } catch (err) {
        fail(err instanceof Error ? err : new Error(String(err)));
      }
    });
    ask({ kind: "load", url: new URL("api/graph", document.baseURI).href, batch: BATCH });
  });
  // A loader that fails before it runs lets the page go on, to report the failure.
  loaded.catch(() => workerStarted());
  return { started, loaded };
}
