/**
 * A quick count of the documents of the inputs before the build reads them, so progress can show a total
 * and an ETA: one per plain file, one per non-blank line of a JSONL file, read in chunks. A gzipped JSONL
 * file is not decompressed for the count (the build decompresses it once, as it reads it): its compressed
 * size is returned instead, and the build estimates its records from the share of it read so far
 * (`estimateTotal`). Returns undefined when the inputs cannot be listed or read; the build itself then
 * reports the problem.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { statSync } from "node:fs";
import { listInputs } from "../corpus/read.js";

export interface DocumentCount {
  /** Documents of the plain files and uncompressed JSONL files. */
  documents: number;
  /** Compressed bytes of the gzipped JSONL files, whose records are not counted. */
  gzBytes: number;
}

const CHUNK = 1 << 20;

/** Non-blank lines of a file, read a chunk at a time. */
function countLines(path: string): number {
  const fd = openSync(path, "r");
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let lines = 0;
    let blank = true;
    for (let n = readSync(fd, buf, 0, CHUNK, null); n > 0; n = readSync(fd, buf, 0, CHUNK, null)) {
      for (let i = 0; i < n; i++) {
        const b = buf[i]!;
        if (b === 10) {
          if (!blank) lines++;
          blank = true;
        } else if (blank && b !== 32 && b !== 9 && b !== 13) blank = false;
      }
    }
    return blank ? lines : lines + 1;
  } finally {
    closeSync(fd);
  }
}

/** Documents the inputs hold (an upper bound when bad records will be skipped). */
export function countDocuments(inputs: string[]): DocumentCount | undefined {
  try {
    const count: DocumentCount = { documents: 0, gzBytes: 0 };
    for (const file of listInputs(inputs)) {
      const path = file.path.toLowerCase();
      if (path.endsWith(".jsonl.gz")) count.gzBytes += statSync(file.path).size;
      else if (path.endsWith(".jsonl")) count.documents += countLines(file.path);
      else count.documents++;
    }
    return count;
  } catch {
    return undefined;
  }
}

/**
 * The total for progress: the counted documents plus the records of the gzipped files, extrapolated from
 * `gzDocuments` read out of `gzRead` of their compressed bytes (exact once they are all read).
 */
export function estimateTotal(count: DocumentCount, gzDocuments: number, gzRead: number): number {
  if (count.gzBytes === 0 || gzRead === 0) return count.documents + gzDocuments;
  return count.documents + Math.max(gzDocuments, Math.round((gzDocuments * count.gzBytes) / Math.min(gzRead, count.gzBytes)));
}
