/**
 * Brings the co-occurrences held out of the graph at load (core/held-co-occurrences.ts) into it: their
 * download is asked for once the first frame is shown, and they are imported in the background as soon
 * as it ends; or at once when the view needs them sooner (switched on, or paths may go through them).
 * A view that needs them while they are still downloading gets them when the download ends (`onLate`).
 * Until then, `around` says how many of an entity's co-occurrences are missing from the graph. Marks the
 * moment the graph is whole (`newsgraph:co-occurrences`, for the speed bench).
 */
import type { HeldCoOccurrences } from "../core/held-co-occurrences.js";
import type { ViewerGraph } from "../core/model.js";
import type { HeldDownload } from "./load-graph.js";
import { inBackground, type Background } from "./slices.js";

export interface HeldImport {
  /** Download them, then import them in the background (once). */
  start(): void;
  /** Resolves once they are all in the graph (downloaded first if need be, then imported at once). */
  ready(): Promise<void>;
  /** Bring them in at once; false when they are still downloading (they come with `onLate`). */
  now(): boolean;
  /** The entity's co-occurrences not in the graph yet. */
  around(node: string): number;
}

/**
 * `positions`: each entity's place in the node list, by which the server's summary names them (the graph
 * index's). `onLate` is called once they are in the graph after `now` found them still downloading.
 */
export function heldImport(graph: ViewerGraph, held: HeldCoOccurrences, positions: ReadonlyMap<string, number>, download: HeldDownload, onLate: () => void): HeldImport {
  let downloaded = false;
  let late = false;
  let started = false;
  let running: Background<void> | null = null;
  const background = (): Background<void> =>
    (running ??= inBackground(
      (function* () {
        if (held.count === 0) return;
        yield* held.importSteps(graph);
        performance.mark("newsgraph:co-occurrences");
      })(),
    ));
  void download.done.then(
    () => {
      downloaded = true;
      if (late) {
        background().now();
        onLate();
      } else if (started) background();
    },
    // The page reports a failed download (main.ts).
    () => {},
  );
  return {
    start() {
      started = true;
      download.start();
    },
    async ready() {
      download.start();
      await download.done;
      background().now();
    },
    now() {
      if (downloaded) {
        background().now();
        return true;
      }
      late = true;
      download.start();
      return false;
    },
    around(node) {
      const position = positions.get(node);
      return position === undefined ? 0 : held.around(position);
    },
  };
}
