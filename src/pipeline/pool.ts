/**
 * Runs document extraction on all cores: a pool of worker threads running the compiled worker
 * (dist/src/pipeline/extract-worker.js), fed batches of documents and answering each batch with its cache
 * entries; each thread loads its own Extractor. When there is no compiled worker (running the TypeScript
 * sources without a build) or one worker is asked for, extraction runs in process instead, with one
 * Extractor for the pool and the same results; only then can a stage clock time the extraction. Starting
 * threads sets how soon V8 optimizes the extraction code (tiering.ts).
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { NewsgraphError, type ErrorCode } from "../errors.js";
import { loadExtractor } from "../extract/extractor.js";
import { PACKAGE_ROOT } from "../paths.js";
import type { Document } from "../types.js";
import { extractEntry } from "./extract-work.js";
import type { StageClock } from "./stage-clock.js";
import { tuneTiering } from "./tiering.js";

export interface WorkerRequest {
  id: number;
  docs: Document[];
}

/** A batch's entries, or the error that stopped it (with its NewsgraphError code when it had one). */
export type WorkerReply = { id: number; entries: string[] } | { id: number; error: string; code?: ErrorCode; context?: Record<string, unknown> };

/** Extracts batches of documents into cache entries. */
export interface ExtractionPool {
  /** Worker threads in use (1 when extracting in process). */
  readonly workers: number;
  extract(docs: Document[]): Promise<string[]>;
  close(): Promise<void>;
}

/** Worker threads used by default: one per core. */
export function defaultWorkers(): number {
  return availableParallelism();
}

/**
 * A compiled worker entry of this folder (e.g. "extract-worker.js"): next to this module when running
 * from dist/, else in the package's dist/.
 */
export function compiledWorkerFile(name = "extract-worker.js"): string | undefined {
  const beside = fileURLToPath(new URL(`./${name}`, import.meta.url));
  if (existsSync(beside)) return beside;
  const dist = join(PACKAGE_ROOT, "dist", "src", "pipeline", name);
  return existsSync(dist) ? dist : undefined;
}

/** In-process extraction with an Extractor loaded for the pool (the loading clocked as stage "load"). */
function inProcess(clock?: StageClock): ExtractionPool {
  clock?.start("load");
  const extractor = loadExtractor({ clock });
  clock?.stop();
  return {
    workers: 1,
    extract: (docs) => Promise.resolve(docs.map((doc) => extractEntry(extractor, doc))),
    close: () => Promise.resolve(),
  };
}

interface Task {
  request: WorkerRequest;
  resolve: (entries: string[]) => void;
  reject: (err: Error) => void;
}

/**
 * A pool of `workers` extraction threads, or in-process extraction when workers is 1 or no worker is
 * compiled; a clock times the in-process extraction (threads do not report to it).
 */
export function createExtractionPool(workers: number = defaultWorkers(), clock?: StageClock): ExtractionPool {
  const file = compiledWorkerFile();
  if (workers <= 1 || !file) return inProcess(clock);
  tuneTiering();
  const queue: Task[] = [];
  const idle: Worker[] = [];
  const running = new Map<Worker, Task>();
  let failure: Error | undefined;
  let nextId = 0;

  const fail = (err: Error) => {
    failure ??= err;
    for (const task of running.values()) task.reject(failure);
    for (const task of queue.splice(0)) task.reject(failure);
    running.clear();
  };
  const dispatch = () => {
    while (idle.length > 0 && queue.length > 0) {
      const worker = idle.pop()!;
      const task = queue.shift()!;
      running.set(worker, task);
      worker.postMessage(task.request);
    }
  };
  const threads: Worker[] = [];
  for (let i = 0; i < workers; i++) {
    const worker = new Worker(file);
    worker.on("message", (reply: WorkerReply) => {
      const task = running.get(worker);
      running.delete(worker);
      idle.push(worker);
      if (task) {
        if ("error" in reply) task.reject(reply.code ? new NewsgraphError(reply.code, reply.error, reply.context) : new Error(`extraction worker failed: ${reply.error}`));
        else task.resolve(reply.entries);
      }
      dispatch();
    });
    worker.on("error", (err) => fail(err));
    worker.on("exit", (code) => {
      if (code !== 0) fail(new Error(`extraction worker exited with code ${code}`));
    });
    threads.push(worker);
    idle.push(worker);
  }
  return {
    workers,
    extract(docs) {
      if (failure) return Promise.reject(failure);
      return new Promise<string[]>((resolve, reject) => {
        queue.push({ request: { id: nextId++, docs }, resolve, reject });
        dispatch();
      });
    },
    async close() {
      failure ??= new Error("extraction pool closed");
      await Promise.all(threads.map((w) => w.terminate()));
    },
  };
}
