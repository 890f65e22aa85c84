/**
 * Entry of the layout worker thread (run from the compiled dist/): computes the layout it is sent and
 * posts it back, so the build can write the other files of the graph folder meanwhile.
 */
import { parentPort } from "node:worker_threads";
import { computeLayout, type LayoutInput, type LayoutOptions } from "../graph/layout.js";

parentPort?.once("message", ({ input, options }: { input: LayoutInput; options: LayoutOptions }) => {
  parentPort?.postMessage(computeLayout(input, options));
});
