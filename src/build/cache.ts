/**
 * The extraction cache of a graph folder (`extractions.cache`): one line per distinct document text,
 * `sha256<TAB>entry`, after a header line naming the extractor version. A rebuild reads it, re-extracts
 * only the texts it lacks, and writes back the entries of the documents it used (so removed documents
 * drop out). A cache written by another extractor version, or unreadable, is ignored as a whole.
 */
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const CACHE_FILE = "extractions.cache";

const HEADER_PREFIX = "newsgraph-extractions ";

/** The header line of a cache written by the given extractor version. */
export function cacheHeader(version: string): string {
  return `${HEADER_PREFIX}${version}\n`;
}

/** A graph folder's cache as read: entries by text sha256 (JSON strings, parsed only when used). */
export interface CacheContents {
  entries: Map<string, string>;
  /** Whether new entries can be appended to the file (it exists, is whole and of this extractor version). */
  appendable: boolean;
}

/** Read the cache of a graph folder (empty when there is none or it does not fit this extractor version). */
export function readCache(dir: string, version: string): CacheContents {
  const entries = new Map<string, string>();
  const path = join(dir, CACHE_FILE);
  if (!existsSync(path)) return { entries, appendable: false };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { entries, appendable: false };
  }
  if (!text.startsWith(cacheHeader(version))) return { entries, appendable: false };
  let pos = cacheHeader(version).length;
  for (let end = text.indexOf("\n", pos); end >= 0; end = text.indexOf("\n", pos)) {
    const tab = text.indexOf("\t", pos);
    if (tab > pos && tab < end) entries.set(text.slice(pos, tab), text.slice(tab + 1, end));
    pos = end + 1;
  }
  // A last line without its newline was cut short by an interrupted append: it is dropped, and the file
  // is rewritten rather than appended to.
  return { entries, appendable: pos === text.length };
}

/** One cache line. */
export function cacheLine(sha256: string, entry: string): string {
  return `${sha256}\t${entry}\n`;
}

/** Append lines to the cache of a graph folder. */
export function appendCache(dir: string, lines: string): void {
  if (lines) appendFileSync(join(dir, CACHE_FILE), lines);
}
