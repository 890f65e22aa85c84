/**
 * Co-occurrence relations held out of the graph while the page opens: they are most relations of a news
 * graph and hidden by default, and downloading, parsing and importing them cost more than the rest of the
 * load. The server lists them after every other edge, with a summary of where their ends are and how they
 * tally (src/graph/viewer-graph.ts); the graph loader's worker hands them over after the first frame, as
 * JSON text held here. `importSteps` appends them, in file order, after the typed relations: at every
 * step the graph holds all typed relations in file order and the first co-occurrences, so what the typed
 * relations give (the drawn graph without co-occurrences, an entity's relations in the order graphology
 * lists them) never changes as they come in, and `around` says how many of an entity's co-occurrences
 * are still held.
 */
import type { SerializedEdge } from "graphology-types";
import { emptyTally, type EdgeTally } from "../../../src/graph/edge-tally.js";
import { elementsText, type ItemBatch } from "./json-splitter.js";
import type { EdgeAttributes, ViewerGraph } from "./model.js";

type Edge = SerializedEdge<EdgeAttributes>;

/** Where the held co-occurrences' ends are and their tally (the server's summary, the ends in a typed array). */
export interface HeldSummary {
  /** Node positions (in the order the nodes came) of each held co-occurrence's source and target, one after the other. */
  ends: Uint32Array;
  tally: EdgeTally;
}

const NOTHING_HELD: HeldSummary = { ends: new Uint32Array(0), tally: emptyTally() };

/**
 * Split a batch of edges, the first of which is edge `first` of the list, where the held co-occurrences
 * start (edge `typed`, all edges before it are imported at once): the JSON text of the batch's edges
 * imported at once, and that of its held co-occurrences.
 */
export function splitEdgeBatch(batch: ItemBatch, typed: number, first: number): { typed: string; held: string } {
  const count = batch.starts.length;
  const cut = Math.min(Math.max(typed - first, 0), count);
  const array = (from: number, to: number): string => (to > from ? `[${elementsText(batch, from, to)}]` : "[]");
  return { typed: array(0, cut), held: array(cut, count) };
}

export class HeldCoOccurrences {
  #summary: HeldSummary;
  /** JSON texts of the held co-occurrences (arrays), in file order. */
  readonly #texts: string[] = [];
  /** Held co-occurrences imported so far (the first ones of the summary's ends). */
  #imported = 0;

  constructor(summary: HeldSummary = NOTHING_HELD) {
    this.#summary = summary;
  }

  /** The next held co-occurrences, as the JSON text of an array. */
  add(text: string): void {
    this.#texts.push(text);
  }

  /** Co-occurrences held when the page opened (0 once all are imported). */
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

  /** How many co-occurrences of the entity at `position` of the node list are not in the graph yet. */
  around(position: number): number {
    const { ends } = this.#summary;
    let count = 0;
    for (let i = 2 * this.#imported; i < ends.length; i += 2) {
      if (ends[i] === position || ends[i + 1] === position) count++;
    }
    return count;
  }

  /** Append the held co-occurrences to `graph` (which holds every other edge of the file), one batch per step, in file order. */
  *importSteps(graph: ViewerGraph): Generator<void, void, void> {
    for (const text of this.#texts) {
      yield;
      const edges = JSON.parse(text) as Edge[];
      graph.import({ edges });
      this.#imported += edges.length;
    }
    this.#texts.length = 0;
    this.#imported = 0;
    this.#summary = NOTHING_HELD;
  }
}
