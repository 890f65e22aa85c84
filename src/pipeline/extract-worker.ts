/**
 * Entry of an extraction worker thread (run from the compiled dist/): creates one Extractor with its
 * first batch (a thread that never gets one, as when one large document is built, never loads the
 * models), then answers each batch of documents with their cache entries, in the batch's order.
 */
import { parentPort } from "node:worker_threads";
import { NewsgraphError } from "../errors.js";
import { loadExtractor, type Extractor } from "../extract/extractor.js";
import type { Document } from "../types.js";
import { extractEntry } from "./extract-work.js";
import type { WorkerReply, WorkerRequest } from "./pool.js";

/** The thread's Extractor, or the error that loading it threw (a missing or bad model, reported to every batch). */
function start(): { extractor: Extractor } | { failure: unknown } {
  try {
    return { extractor: loadExtractor() };
  } catch (failure) {
    return { failure };
  }
}

const port = parentPort;
if (port) {
  let loaded: ReturnType<typeof start> | undefined;
  port.on("message", (request: WorkerRequest) => {
    let reply: WorkerReply;
    const ready = (loaded ??= start());
    try {
      if ("failure" in ready) throw ready.failure;
      reply = { id: request.id, entries: request.docs.map((doc: Document) => extractEntry(ready.extractor, doc)) };
    } catch (err) {
      if (err instanceof NewsgraphError) reply = { id: request.id, error: err.message, code: err.code, context: err.context };
      else {
        const e = err instanceof Error ? err : new Error(String(err));
        reply = { id: request.id, error: e.stack ?? e.message };
      }
    }
    port.postMessage(reply);
  });
}
