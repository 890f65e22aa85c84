/**
 * Brings the co-occurrences held out of the graph at load (core/held-co-occurrences.ts) into it: in the
 * background once the first frame is shown, or at once when something needs the whole graph sooner
 * (`now`, before any change of the view is applied). Marks the moment the graph is whole
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
}

export function heldImport(graph: ViewerGraph, held: HeldCoOccurrences): HeldImport {
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
  };
}
