/**
 * The extraction cache of a graph folder (`extractions.cache`): one line per distinct document text,
 * `sha256<TAB>entry`, after a header line naming the extractor version. A rebuild reads it, re-extracts
 * only the texts it lacks, and writes back the entries of the documents it used (so removed documents
 * drop out). A cache written by another extractor version, or unreadable, is ignored as a whole.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const CACHE_FILE = "extractions.cache";

const HEADER_PREFIX = "newsgraph-extractions ";

/** The header line of a cache written by the given extractor version. */
export function cacheHeader(version: string): string {
  return `${HEADER_PREFIX}${version}\n`;
}

/** Cache entries by text sha256 (entry JSON strings, parsed only when used). */
export function readCache(dir: string, version: string): Map<string, string> {
  const entries = new Map<string, string>();
  const path = join(dir, CACHE_FILE);
  if (!existsSync(path)) return entries;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return entries;
  }
  if (!text.startsWith(cacheHeader(version))) return entries;
  let pos = cacheHeader(version).length;
  while (pos < text.length) {
    let end = text.indexOf("\n", pos);
    if (end < 0) end = text.length;
    const tab = text.indexOf("\t", pos);
    if (tab > pos && tab < end) entries.set(text.slice(pos, tab), text.slice(tab + 1, end));
    pos = end + 1;
  }
  return entries;
}

/** One cache line. */
export function cacheLine(sha256: string, entry: string): string {
  return `${sha256}\t${entry}\n`;
}
