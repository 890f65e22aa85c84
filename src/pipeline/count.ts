/**
 * A quick count of the documents of the inputs before the build reads them, so progress can show a total
 * and an ETA: one per plain file, one per non-blank line of a JSONL file (gzipped or not). Returns
 * undefined when the inputs cannot be listed or read; the build itself then reports the problem.
 */
import { readFileSync } from "node:fs";
import { byteLines, fileBytes } from "../corpus/decode.js";
import { listInputs } from "../corpus/read.js";

const isBlank = (bytes: Uint8Array) => bytes.every((b) => b === 32 || b === 9 || b === 13);

/** Number of documents the inputs hold (an upper bound when bad records will be skipped). */
export function countDocuments(inputs: string[]): number | undefined {
  try {
    let total = 0;
    for (const file of listInputs(inputs)) {
      if (!file.path.replace(/\.gz$/, "").toLowerCase().endsWith(".jsonl")) {
        total++;
        continue;
      }
      for (const line of byteLines(fileBytes(file.path, readFileSync(file.path)))) if (!isBlank(line.bytes)) total++;
    }
    return total;
  } catch {
    return undefined;
  }
}
