/**
 * The extraction cache of a graph folder (`extractions.cache`): one line per distinct document text,
 * `sha256<TAB>entry`, after a header line naming the extractor version. A rebuild reads it and re-extracts
 * only the texts it lacks. New entries are appended; the file is rewritten with just the entries in use
 * when entries of removed documents would make up most of it, or when it is missing, unreadable, cut
 * short or written by another extractor version (such a cache is ignored as a whole). The file is kept
 * as bytes and an entry decoded only when it is used.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const CACHE_FILE = "extractions.cache";

const HEADER_PREFIX = "newsgraph-extractions ";
const TAB = 9;
const NEWLINE = 10;

/** The header line of a cache written by the given extractor version. */
export function cacheHeader(version: string): string {
  return `${HEADER_PREFIX}${version}\n`;
}

/** A graph folder's cache as read. */
export interface CacheContents {
  /** The entry (JSON) of a text, by the text's sha256. */
  get(sha256: string): string | undefined;
  /** Entries the file holds. */
  readonly size: number;
  /** Whether new entries can be appended to the file (it exists, is whole and of this extractor version). */
  readonly appendable: boolean;
}

const EMPTY: CacheContents = { get: () => undefined, size: 0, appendable: false };

/** Read the cache of a graph folder (empty when there is none or it does not fit this extractor version). */
export function readCache(dir: string, version: string): CacheContents {
  const path = join(dir, CACHE_FILE);
  if (!existsSync(path)) return EMPTY;
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return EMPTY;
  }
  const header = Buffer.from(cacheHeader(version));
  if (bytes.length < header.length || !bytes.subarray(0, header.length).equals(header)) return EMPTY;
  const spans = new Map<string, [number, number]>();
  let pos = header.length;
  for (let end = bytes.indexOf(NEWLINE, pos); end >= 0; end = bytes.indexOf(NEWLINE, pos)) {
    const tab = bytes.indexOf(TAB, pos);
    if (tab > pos && tab < end) spans.set(bytes.toString("latin1", pos, tab), [tab + 1, end]);
    pos = end + 1;
  }
  return {
    get(sha256) {
      const span = spans.get(sha256);
      return span && bytes.toString("utf8", span[0], span[1]);
    },
    size: spans.size,
    // A last line without its newline was cut short by an interrupted append: it is dropped, and the
    // file is rewritten rather than appended to.
    appendable: pos === bytes.length,
  };
}

/** One cache line. */
export function cacheLine(sha256: string, entry: string): string {
  return `${sha256}\t${entry}\n`;
}

/**
 * How a build updates the cache, having used the distinct texts `used` (in document order), `fresh` of them
 * extracted anew: their lines appended to the file, or the file rewritten with the lines of all it used
 * (when it cannot be appended to, or entries of texts no longer used would be most of it).
 */
export function cacheUpdate(cache: CacheContents, used: string[], fresh: Map<string, string>, version: string): { append: string } | { rewrite: Generator<string> } {
  if (cache.appendable && cache.size - (used.length - fresh.size) <= used.length) {
    return { append: used.filter((sha) => fresh.has(sha)).map((sha) => cacheLine(sha, fresh.get(sha)!)).join("") };
  }
  return {
    rewrite: (function* () {
      yield cacheHeader(version);
      for (const sha of used) yield cacheLine(sha, fresh.get(sha) ?? cache.get(sha)!);
    })(),
  };
}

/** Append lines to the cache of a graph folder. */
export function appendCache(dir: string, lines: string): void {
  if (lines) appendFileSync(join(dir, CACHE_FILE), lines);
}
