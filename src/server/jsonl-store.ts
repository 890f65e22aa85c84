/**
 * One record at a time from a JSON Lines file of the graph folder, by the value of a key field: texts.jsonl
 * (`{id, text, mentions}`) by `id`, evidence.jsonl (`{edge, evidence}`) by `edge`. The file is indexed
 * once (key → byte range of its line) and re-indexed when it changes, so the server never holds every
 * article in memory and a rebuilt graph folder is picked up while serving.
 */
import { statSync } from "node:fs";
import { open, readFile } from "node:fs/promises";

interface LineRange {
  offset: number;
  length: number;
}

export class JsonLinesStore {
  readonly #file: string;
  readonly #key: string;
  #index: Map<string, LineRange> | null = null;
  #stamp = "";

  constructor(file: string, key: string) {
    this.#file = file;
    this.#key = key;
  }

  /** Whether the file exists. */
  available(): boolean {
    try {
      return statSync(this.#file).isFile();
    } catch {
      return false;
    }
  }

  /** The JSON line whose key field is `key` (as stored), or null when the file or the key is unknown. */
  async line(key: string): Promise<Buffer | null> {
    const index = await this.#currentIndex();
    const range = index?.get(key);
    if (!range) return null;
    const handle = await open(this.#file, "r");
    try {
      const buffer = Buffer.alloc(range.length);
      await handle.read(buffer, 0, range.length, range.offset);
      return buffer;
    } finally {
      await handle.close();
    }
  }

  async #currentIndex(): Promise<Map<string, LineRange> | null> {
    let stamp: string;
    try {
      const stats = statSync(this.#file);
      stamp = `${stats.size}:${stats.mtimeMs}:${stats.ino}`;
    } catch {
      this.#index = null;
      return null;
    }
    if (this.#index === null || stamp !== this.#stamp) {
      this.#index = indexLines(await readFile(this.#file), this.#key);
      this.#stamp = stamp;
    }
    return this.#index;
  }
}

/** Map each line's `key` field to its byte range; blank lines and lines without a string key are skipped. */
export function indexLines(content: Buffer, key: string): Map<string, LineRange> {
  const index = new Map<string, LineRange>();
  let start = 0;
  while (start < content.length) {
    let end = content.indexOf(0x0a, start);
    if (end === -1) end = content.length;
    if (end > start) {
      try {
        const record: unknown = JSON.parse(content.toString("utf8", start, end));
        const value = typeof record === "object" && record !== null ? (record as Record<string, unknown>)[key] : undefined;
        if (typeof value === "string" && !index.has(value)) index.set(value, { offset: start, length: end - start });
      } catch {
        // A malformed line only makes its own record unavailable.
      }
    }
    start = end + 1;
  }
  return index;
}
