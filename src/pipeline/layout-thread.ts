/**
 * Runs the layout of a graph on a worker thread while the build goes on with other work; in process when
 * there is no compiled worker (running the TypeScript sources). Both give the same result. The thread is
 * started before the graph exists, so that it has loaded its modules by the time the layout is asked for.
 */
import { Worker } from "node:worker_threads";
import { computeLayout, type LayoutInput, type LayoutOptions, type LayoutResult } from "../graph/layout.js";
import { compiledWorkerFile } from "./pool.js";

export interface LayoutThread {
  /** Lay out a graph (once per thread); the promise settles with the result or the thread's error. */
  run(input: LayoutInput, options?: LayoutOptions): Promise<LayoutResult>;
  /** Stop the thread (when the build ends, or fails before asking for the layout). */
  close(): Promise<void>;
}

/** Start a layout thread. */
export function startLayoutThread(): LayoutThread {
  const file = compiledWorkerFile("layout-worker.js");
  if (!file) return { run: (input, options) => Promise.resolve(computeLayout(input, options)), close: () => Promise.resolve() };
  const worker = new Worker(file);
  const failed = new Promise<never>((_, reject) => {
    worker.once("error", reject);
    worker.once("exit", (code) => reject(new Error(`layout worker exited with code ${code}`)));
  });
  failed.catch(() => undefined); // reported by run(), if it is called
  return {
    run(input, options = {}) {
      const result = new Promise<LayoutResult>((resolve) => worker.once("message", resolve));
      worker.postMessage({ input, options });
      return Promise.race([result, failed]);
    },
    async close() {
      await worker.terminate();
    },
  };
}
