/**
 * GET /api/graph: graph.json as the viewer loads it (src/graph/viewer-graph.ts), made once per version of
 * the file (from the parse the server makes as it starts; again if the file changes: version-cache.ts) and
 * shared by every request, with its gzip body made ahead (`prepare`) so that the page's download does not wait on it.
 * Its ETag is derived from graph.json's: should the file change between its stat and its read, the body
 * carries the older tag, and the next request sees a newer stat and makes it again.
 */
import type { Stats } from "node:fs";
import { viewerGraphJson } from "../graph/viewer-graph.js";
import { cachedGzip, etagOf, openRegularFile } from "./static-files.js";
import { VersionCache } from "./version-cache.js";

export interface ViewerGraph {
  bytes: Buffer;
  etag: string;
}

/** The body of a version of graph.json, and its tag (distinct from the file's own). */
function made(data: unknown, stats: Stats): ViewerGraph {
  return { bytes: Buffer.from(viewerGraphJson(data)), etag: `"g-${etagOf(stats).slice(1)}` };
}

/**
 * The viewer's graph of a graph folder's graph.json; `current` gives null when the file is missing or a
 * symlink, and fails when it is not JSON (the request answers 500, and the viewer says so).
 */
export class ViewerGraphBody {
  /** By the version of graph.json (its ETag). */
  readonly #body = new VersionCache<ViewerGraph>();

  constructor(readonly file: string) {}

  /**
   * Take a version of the file parsed elsewhere (the server parses graph.json as it starts), with the stat
   * taken before it was read. The body is made in a task of its own: the server listens, and says where,
   * without waiting for it (a first request does).
   */
  seed(stats: Stats, data: unknown): void {
    this.#body.set(etagOf(stats), new Promise((resolve) => setImmediate(() => resolve(made(data, stats)))));
  }

  async current(): Promise<ViewerGraph | null> {
    const opened = await openRegularFile(this.file);
    if (!opened) return null;
    const { handle, stats } = opened;
    try {
      return await this.#body.get(etagOf(stats), () => handle.readFile("utf8").then((text) => made(JSON.parse(text), stats)));
    } finally {
      await handle.close();
    }
  }

  /** Make the current version's gzip body ahead of its first request. Best effort: a request reports what fails. */
  async prepare(): Promise<void> {
    try {
      const body = await this.current();
      if (body) await cachedGzip(this.key, body.etag, () => Promise.resolve(body.bytes));
    } catch {
      // The request will try again, and report what fails.
    }
  }

  /** The key its gzip body is cached under (`sendBody`). */
  get key(): string {
    return this.file + "#viewer";
  }
}
