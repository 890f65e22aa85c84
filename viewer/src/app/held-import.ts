/**
 * Brings the co-occurrences held out of the graph at load (core/held-co-occurrences.ts) into it: in the
 * background once the first frame is shown, or at once when the view needs them sooner (`now`: they are
 * switched on, or paths may go through them). Until then, `around` says how many of an entity's
 * co-occurrences are missing from the graph. Marks the moment the graph is whole
 * (`newsgraph:co-occurrences`, for the speed bench).
 */
import type { HeldCoOccurrences } from "../core/held-co-occurrences.js";
import type { ViewerGraph } from "../core/model.js";
import { inBackground, type Background } from "./slices.js";

export interface HeldImport {
  /** Start importing in the background (once). */
  start(): void;
  /** Finish the import at once (started or not). */
  now(): void;
  /** The entity's co-occurrences not in the graph yet. */
  around(node: string): number;
}

/** `positions`: each entity's place in the node list, by which the server's summary names them (the graph index's). */
export function heldImport(graph: ViewerGraph, held: HeldCoOccurrences, positions: ReadonlyMap<string, number>): HeldImport {
  let background: Background<void> | null = null;
  const start = (): Background<void> => {
    background ??= inBackground(
      (function* () {
        if (held.count === 0) return;
        yield* held.importSteps(graph);
        performance.mark("newsgraph:co-occurrences");
      })(),
    );
    return background;
  };
  return {
    start: () => void start(),
    now: () => start().now(),
    around(node) {
      const position = positions.get(node);
      return position === undefined ? 0 : held.around(position);
    },
  };
}
