/**
 * Co-occurrence relations held out of the graph while the page opens: they are most relations of a news
 * graph and hidden by default, and parsing and importing them cost more than the rest of the load. The
 * server says which edges of graph.json they are, where their ends are and how they tally
 * (src/graph/co-occurrence-summary.ts); the graph loader's worker cuts each edge batch into its typed
 * relations (imported at once) and its co-occurrences, held here as JSON text. `importSteps` brings them
 * in later: every edge again in file order, so that the graph is exactly the one a whole import makes
 * (graphology keeps each entity's relations in the order they came).
 */
import type { SerializedEdge } from "graphology-types";
import { emptyTally, type EdgeTally } from "../../../src/graph/edge-tally.js";
import { elementsText, type ItemBatch } from "./json-splitter.js";
import type { EdgeAttributes, ViewerGraph } from "./model.js";

type Edge = SerializedEdge<EdgeAttributes>;

/** Which edges of the file are held, where their ends are and their tally (the server's summary, in typed arrays). */
export interface HeldSummary {
  /** Per edge of the file, in file order: 1 for a held co-occurrence, 0 for a relation imported at once. */
  order: Uint8Array;
  /** Node positions (in the order the nodes came) of each held co-occurrence's source and target, one after the other. */
  ends: Uint32Array;
  tally: EdgeTally;
}

const NOTHING_HELD: HeldSummary = { order: new Uint8Array(0), ends: new Uint32Array(0), tally: emptyTally() };

/**
 * Split a batch of edges, the first of which is edge `first` of the file, by the summary's order: the
 * JSON text of those imported at once, and that of the held co-occurrences. Each run of edges of one kind
 * is cut from the batch's text in one piece (a built graph.json keeps its co-occurrences together).
 */
export function splitEdgeBatch(batch: ItemBatch, order: Uint8Array, first: number): { typed: string; held: string } {
  const runs: [string[], string[]] = [[], []];
  const count = batch.starts.length;
  for (let i = 0; i < count; ) {
    const kind = order[first + i] === 1 ? 1 : 0;
    let j = i + 1;
    while (j < count && (order[first + j] === 1 ? 1 : 0) === kind) j++;
    runs[kind].push(elementsText(batch, i, j));
    i = j;
  }
  return { typed: `[${runs[0].join(",")}]`, held: `[${runs[1].join(",")}]` };
}

/** Edges (re)imported between two pauses of `importSteps`. */
const EDGES_PER_STEP = 2000;

export class HeldCoOccurrences {
  #summary: HeldSummary;
  /** JSON texts of the held co-occurrences (arrays), in file order. */
  readonly #texts: string[] = [];

  constructor(summary: HeldSummary = NOTHING_HELD) {
    this.#summary = summary;
  }

  /** The next held co-occurrences, as the JSON text of an array. */
  add(text: string): void {
    this.#texts.push(text);
  }

  /** Co-occurrences held (not in the graph yet). */
  get count(): number {
    return this.#summary.tally.count;
  }

  /** Their count, largest weight and claim kinds. */
  get tally(): Readonly<EdgeTally> {
    return this.#summary.tally;
  }

  /** Each held co-occurrence's ends, as positions in the node list. */
  forEachEnds(visit: (source: number, target: number) => void): void {
    const { ends } = this.#summary;
    for (let i = 0; i < ends.length; i += 2) visit(ends[i]!, ends[i + 1]!);
  }

  /** Import the held co-occurrences into `graph` (which holds every other edge of the file): all its edges again, in file order. */
  *importSteps(graph: ViewerGraph): Generator<void, void, void> {
    if (this.count === 0) return;
    const imported: Edge[] = [];
    for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
      imported.push({ key: edge, source, target, attributes, undirected });
    }
    const all: Edge[] = [];
    const { order } = this.#summary;
    let next = 0;
    let at = 0;
    for (const text of this.#texts) {
      yield;
      for (const edge of JSON.parse(text) as Edge[]) {
        while (order[at++] === 0) all.push(imported[next++]!);
        all.push(edge);
      }
    }
    // Relations after the last co-occurrence keep their place at the end.
    all.push(...imported.slice(next));
    yield;
    graph.clearEdges();
    for (let i = 0; i < all.length; i += EDGES_PER_STEP) {
      graph.import({ edges: all.slice(i, i + EDGES_PER_STEP) });
      if (i + EDGES_PER_STEP < all.length) yield;
    }
    this.#texts.length = 0;
    this.#summary = NOTHING_HELD;
  }
}
