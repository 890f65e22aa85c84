/**
 * Co-occurrence relations held out of the graph while the page opens: they are most relations of a news
 * graph and hidden by default, and parsing and importing them cost more than the rest of the load. The
 * graph loader's worker splits each edge batch into its typed relations (imported at once) and its
 * co-occurrences, held here as JSON text with the node positions of their ends and the counts the index
 * needs. `importSteps` brings them in later: every edge again in file order, so that the graph is exactly
 * the one a whole import makes (graphology keeps each entity's relations in the order they came).
 */
import type { SerializedEdge } from "graphology-types";
import { addTally, emptyTally, tallyEdge, type EdgeTally } from "./edge-tally.js";
import type { EdgeAttributes, ViewerGraph } from "./model.js";

type Edge = SerializedEdge<EdgeAttributes>;

/** The co-occurrences of one edge batch, as the worker posts them. */
export interface HeldBatch {
  /** JSON text of the batch's co-occurrences (an array). */
  text: string;
  /** Per edge of the batch, in file order: 1 for a held co-occurrence, 0 for a relation imported at once. */
  order: Uint8Array;
  /** Node positions (in the order the nodes came) of each held co-occurrence's source and target, one after the other. */
  ends: Uint32Array;
  /** Their count, largest weight and claim kinds. */
  tally: EdgeTally;
}

/**
 * Split a batch of edges (their JSON texts and the same parsed): the JSON text of those imported at once,
 * and the co-occurrences held back. A co-occurrence without a key is imported at once: graphology would
 * name it by a counter, and the same edge imported later would get another name.
 */
export function splitEdgeBatch(items: readonly string[], edges: readonly Edge[], position: ReadonlyMap<string, number>): { typed: string; held: HeldBatch } {
  const typed: string[] = [];
  const heldTexts: string[] = [];
  const order = new Uint8Array(edges.length);
  const ends: number[] = [];
  const tally = emptyTally();
  edges.forEach((edge, i) => {
    const attrs = edge.attributes!;
    if (attrs.relation !== "co_occurs" || edge.key === undefined) {
      typed.push(items[i]!);
      return;
    }
    order[i] = 1;
    heldTexts.push(items[i]!);
    ends.push(position.get(edge.source)!, position.get(edge.target)!);
    tallyEdge(tally, attrs);
  });
  return {
    typed: `[${typed.join(",")}]`,
    held: { text: `[${heldTexts.join(",")}]`, order, ends: Uint32Array.from(ends), tally },
  };
}

/** Edges (re)imported between two pauses of `importSteps`. */
const EDGES_PER_STEP = 2000;

export class HeldCoOccurrences {
  readonly #batches: HeldBatch[] = [];
  #tally = emptyTally();

  add(batch: HeldBatch): void {
    this.#batches.push(batch);
    addTally(this.#tally, batch.tally);
  }

  /** Co-occurrences held (not in the graph yet). */
  get count(): number {
    return this.#tally.count;
  }

  /** Their count, largest weight and claim kinds. */
  get tally(): Readonly<EdgeTally> {
    return this.#tally;
  }

  /** Each held co-occurrence's ends, as positions in the node list. */
  forEachEnds(visit: (source: number, target: number) => void): void {
    for (const { ends } of this.#batches) for (let i = 0; i < ends.length; i += 2) visit(ends[i]!, ends[i + 1]!);
  }

  /** Import the held co-occurrences into `graph` (which holds every other edge of the batches): all its edges again, in file order. */
  *importSteps(graph: ViewerGraph): Generator<void, void, void> {
    if (this.#tally.count === 0) return;
    const imported: Edge[] = [];
    for (const { edge, source, target, attributes, undirected } of graph.edgeEntries()) {
      imported.push({ key: edge, source, target, attributes, undirected });
    }
    const all: Edge[] = [];
    let next = 0;
    for (const batch of this.#batches) {
      yield;
      const held = JSON.parse(batch.text) as Edge[];
      let h = 0;
      for (const flag of batch.order) all.push(flag === 1 ? held[h++]! : imported[next++]!);
    }
    // Relations imported after the last batch (none today) keep their place at the end.
    all.push(...imported.slice(next));
    yield;
    graph.clearEdges();
    for (let i = 0; i < all.length; i += EDGES_PER_STEP) {
      graph.import({ edges: all.slice(i, i + EDGES_PER_STEP) });
      if (i + EDGES_PER_STEP < all.length) yield;
    }
    this.#batches.length = 0;
    this.#tally = emptyTally();
  }
}
