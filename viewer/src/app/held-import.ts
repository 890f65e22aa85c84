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

export function heldImport(graph: ViewerGraph, held: HeldCoOccurrences): HeldImport {
  let background: Background<void> | null = null;
  let positions: Map<string, number> | null = null;
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
      if (held.count === 0) return 0;
      // The summary names entities by their place in the node list, which the graph keeps.
      positions ??= new Map(graph.nodes().map((key, i) => [key, i]));
      const position = positions.get(node);
      return position === undefined ? 0 : held.around(position);
    },
  };
}
