/**
 * One record at a time from a JSON Lines file of the graph folder, by the value of a key field: texts.jsonl
 * (`{id, text, mentions}`) by `id`, evidence.jsonl (`{edge, evidence}`) by `edge`. The file is indexed
 * once (key → byte range of its line) and re-indexed when it changes, so the server never holds every
 * article in memory and a rebuilt graph folder is picked up while serving; concurrent requests share one
 * indexing. The file is opened without following a symlink. Damaged lines (cut short, not JSON) are
 * counted so a miss can say why.
 */
import type { FileHandle } from "node:fs/promises";
import { openRegularFile } from "./static-files.js";
import { VersionCache } from "./version-cache.js";

interface LineRange {
  offset: number;
  length: number;
}

/** A file's index: where each key's line is, and which lines (1-based) are damaged. */
export interface LineIndex {
  lines: Map<string, LineRange>;
  damaged: number[];
}

export class JsonLinesStore {
  readonly #file: string;
  readonly #key: string;
  readonly #index = new VersionCache<LineIndex>();
  readonly #onDamage: ((file: string, damaged: number[]) => void) | undefined;

  /** `onDamage` is told, once per version of the file, about its damaged lines. */
  constructor(file: string, key: string, onDamage?: (file: string, damaged: number[]) => void) {
    this.#file = file;
    this.#key = key;
    this.#onDamage = onDamage;
  }

  /** Whether the file exists (a regular file, not a symlink). */
  async available(): Promise<boolean> {
    const opened = await openRegularFile(this.#file);
    await opened?.handle.close();
    return opened !== null;
  }

  /** The JSON line whose key field is `key` (as stored), or null when the file or the key is unknown. */
  async line(key: string): Promise<Buffer | null> {
    return (await this.lookup(key)).line;
  }

  /** The line of `key`, with the file's damaged lines (to explain a miss). */
  async lookup(key: string): Promise<{ line: Buffer | null; damaged: number[] }> {
    const opened = await openRegularFile(this.#file);
    if (!opened) return { line: null, damaged: [] };
    const { handle, stats } = opened;
    try {
      const index = await this.#currentIndex(handle, `${stats.size}:${stats.mtimeMs}:${stats.ino}`);
      const range = index.lines.get(key);
      if (!range) return { line: null, damaged: index.damaged };
      const buffer = Buffer.alloc(range.length);
      await handle.read(buffer, 0, range.length, range.offset);
      return { line: buffer, damaged: index.damaged };
    } finally {
      await handle.close();
    }
  }

  #currentIndex(handle: FileHandle, stamp: string): Promise<LineIndex> {
    return this.#index.get(stamp, () =>
      handle.readFile().then((content) => {
        const made = indexLines(content, this.#key);
        if (made.damaged.length > 0) this.#onDamage?.(this.#file, made.damaged);
        return made;
      }),
    );
  }
}

/** Map each line's `key` field to its byte range; blank lines are skipped, lines without a string key are damaged. */
export function indexLines(content: Buffer, key: string): LineIndex {
  const lines = new Map<string, LineRange>();
  const damaged: number[] = [];
  let start = 0;
  for (let number = 1; start < content.length; number++) {
    let end = content.indexOf(0x0a, start);
    if (end === -1) end = content.length;
    if (end > start) {
      let value: unknown;
      try {
        const record: unknown = JSON.parse(content.toString("utf8", start, end));
        value = typeof record === "object" && record !== null ? (record as Record<string, unknown>)[key] : undefined;
      } catch {
        value = undefined;
      }
      // A damaged line only makes its own record unavailable.
      if (typeof value !== "string") damaged.push(number);
      else if (!lines.has(value)) lines.set(value, { offset: start, length: end - start });
    }
    start = end + 1;
  }
  return { lines, damaged };
}
