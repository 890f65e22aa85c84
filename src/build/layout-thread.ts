/**
 * Runs the layout of a graph on a worker thread while the build goes on with other work; in process when
 * there is no compiled worker (running the TypeScript sources). Both give the same result.
 */
import { Worker } from "node:worker_threads";
import { computeLayout, type LayoutInput, type LayoutOptions, type LayoutResult } from "../graph/layout.js";
import { compiledWorkerFile } from "./pool.js";

/** Start computing a layout; the promise settles with the result or the worker's error. */
export function layoutInThread(input: LayoutInput, options: LayoutOptions = {}): Promise<LayoutResult> {
  const file = compiledWorkerFile("layout-worker.js");
  if (!file) return Promise.resolve(computeLayout(input, options));
  return new Promise((resolve, reject) => {
    const worker = new Worker(file, { workerData: { input, options } });
    let settled = false;
    worker.once("message", (result: LayoutResult) => {
      settled = true;
      resolve(result);
      void worker.terminate();
    });
    worker.once("error", (err) => {
      settled = true;
      reject(err);
    });
    worker.once("exit", (code) => {
      if (!settled) reject(new Error(`layout worker exited with code ${code}`));
    });
  });
}
