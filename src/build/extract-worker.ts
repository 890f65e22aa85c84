/**
 * Entry of an extraction worker thread (run from the compiled dist/): loads the taggers once, then answers
 * each batch of documents with their cache entries, in the batch's order.
 */
import { parentPort } from "node:worker_threads";
import { NewsgraphError } from "../errors.js";
import { loadNerTagger, loadPosTagger } from "../nlp/tagger/index.js";
import type { Document } from "../types.js";
import { extractEntry } from "./extract-work.js";
import type { WorkerReply, WorkerRequest } from "./pool.js";

const port = parentPort;
if (port) {
  try {
    loadNerTagger();
    loadPosTagger();
  } catch {
    // a missing or bad model is reported, with its code, by the first batch
  }
  port.on("message", (request: WorkerRequest) => {
    let reply: WorkerReply;
    try {
      reply = { id: request.id, entries: request.docs.map((doc: Document) => extractEntry(doc)) };
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
