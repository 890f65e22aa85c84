/**
 * How soon V8 optimizes the extraction code. By default TurboFan optimizes a function after little
 * feedback; the extraction's large functions then deoptimize on branches not seen yet ("insufficient
 * type feedback", "wrong map") and are compiled again, up to a dozen times each, in every isolate that
 * runs them. On BBC texts that compiling took about a third of the CPU of a build with two threads.
 * A larger interrupt budget lets feedback settle before the first optimization. It pays when threads
 * extract (each isolate warms up on its share of the documents: BBC build CPU about 8% lower), not in
 * process, where the longer warm-up cost more than it saved (about 5% more); so only the thread pool
 * sets it. The setting is process-wide (worker threads share V8's flags), changes the speed only, and
 * is left alone when the user set it on the command line or in NODE_OPTIONS.
 */
import { setFlagsFromString } from "node:v8";

/** Interrupt budget (bytecode units between tiering checks): 4 times V8's 67,584. */
export const EXTRACTION_INTERRUPT_BUDGET = 4 * 67_584;

const FLAG = "--interrupt-budget";

let applied = false;

/** Apply the extraction threads' interrupt budget once per process, unless the user chose one. */
export function tuneTiering(): void {
  if (applied) return;
  applied = true;
  const userSet = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((arg) => arg.includes(FLAG) || arg.includes("--interrupt_budget"));
  if (!userSet) setFlagsFromString(`${FLAG}=${EXTRACTION_INTERRUPT_BUDGET}`);
}
