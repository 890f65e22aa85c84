/**
 * Entry of the layout worker thread (run from the compiled dist/): computes one layout and posts it back,
 * so the build can write the other files of the graph folder meanwhile.
 */
import { parentPort, workerData } from "node:worker_threads";
import { computeLayout, type LayoutInput, type LayoutOptions } from "../graph/layout.js";

const { input, options } = workerData as { input: LayoutInput; options: LayoutOptions };
const result = computeLayout(input, options);
parentPort?.postMessage(result);
