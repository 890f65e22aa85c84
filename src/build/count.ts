/**
 * A quick count of the documents of the inputs before the build reads them, so progress can show a total
 * and an ETA: one per plain file, one per non-blank line of a JSONL file (gzipped or not). Returns
 * undefined when the inputs cannot be listed; the build itself then reports the problem.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { listInputs } from "../corpus/read.js";

/** Number of documents the inputs hold (an upper bound when bad records will be skipped). */
export function countDocuments(inputs: string[]): number | undefined {
  try {
    let total = 0;
    for (const file of listInputs(inputs)) {
      const plain = file.path.replace(/\.gz$/, "");
      if (!plain.toLowerCase().endsWith(".jsonl")) {
        total++;
        continue;
      }
      const raw = readFileSync(file.path);
      const bytes = file.path.endsWith(".gz") ? gunzipSync(raw) : raw;
      let lineStart = 0;
      for (let i = 0; i <= bytes.length; i++) {
        if (i < bytes.length && bytes[i] !== 10) continue;
        for (let j = lineStart; j < i; j++) {
          const c = bytes[j]!;
          if (c !== 32 && c !== 9 && c !== 13) {
            total++;
            break;
          }
        }
        lineStart = i + 1;
      }
    }
    return total;
  } catch {
    return undefined;
  }
}
