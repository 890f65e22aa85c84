/**
 * GET /api/co-occurrences: the summary of a graph folder's graph.json's co-occurrences
 * (src/graph/co-occurrence-summary.ts) as JSON bytes, made once per version of the file (from the parse
 * the server makes as it starts; again if the file changes) and shared by every request. Should the file
 * change between its stat and its read, the summary carries the older tag: the next request sees a newer
 * stat and makes it again.
 */
import type { Stats } from "node:fs";
import { summarizeCoOccurrences } from "../graph/co-occurrence-summary.js";
import { etagOf, openRegularFile } from "./static-files.js";

/** The summary of a parsed graph.json as the bytes sent. */
function summaryBytes(data: unknown, etag: string): Buffer {
  return Buffer.from(JSON.stringify(summarizeCoOccurrences(data, etag)));
}

/**
 * The summary of a graph folder's graph.json as the server sends it; `current` gives null when the file is
 * missing or a symlink, and fails when it is not JSON (the request answers 500, and the viewer says so).
 */
export class CoOccurrenceBody {
  #cached: { etag: string; body: Promise<Buffer> } | null = null;

  constructor(readonly file: string) {}

  /** Take the summary of a version of the file parsed elsewhere (the server parses graph.json as it starts), tagged with the stat taken before it was read. */
  seed(stats: Stats, data: unknown): void {
    const etag = etagOf(stats);
    this.#cached = { etag, body: Promise.resolve(summaryBytes(data, etag)) };
  }

  async current(): Promise<{ bytes: Buffer; etag: string } | null> {
    const opened = await openRegularFile(this.file);
    if (!opened) return null;
    const { handle, stats } = opened;
    const etag = etagOf(stats);
    try {
      if (this.#cached === null || this.#cached.etag !== etag) {
        const body = handle.readFile("utf8").then((text) => summaryBytes(JSON.parse(text), etag));
        this.#cached = { etag, body };
        body.catch(() => {
          if (this.#cached?.body === body) this.#cached = null;
        });
      }
      // The summary's own tag: a new version of graph.json makes a new summary.
      return { bytes: await this.#cached.body, etag: `"c-${etag.slice(1)}` };
    } finally {
      await handle.close();
    }
  }
}
