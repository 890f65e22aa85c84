/**
 * Unlabeled news text for the shared word clusters (train-clusters.ts) and the NER tagger's casing lexicon:
 * JSONL files (plain or gzipped) with a `text` field per line, split into sentences and tokens by newsgraph's own sentence
 * splitter, so the statistics see words exactly as the tagger will at run time.
 */
import { readFileSync } from "node:fs";
import { gunzipSync } from "node:zlib";
import { NewsgraphError } from "../../errors.js";
import { splitSentences } from "../sentences.js";

/** Token strings of the sentences of every record's `text` in the given JSONL(.gz) files. */
export function readUnlabeledSentences(paths: readonly string[]): string[][] {
  const out: string[][] = [];
  for (const path of paths) {
    let raw: Buffer;
    try {
      raw = readFileSync(path);
    } catch (err) {
      throw new NewsgraphError("INPUT_MISSING", `cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, { file: path });
    }
    const text = (path.endsWith(".gz") ? gunzipSync(raw) : raw).toString("utf8");
    const lines = text.split("\n");
    for (let n = 0; n < lines.length; n++) {
      const line = lines[n]!.trim();
      if (line === "") continue;
      let record: { text?: unknown };
      try {
        record = JSON.parse(line) as { text?: unknown };
      } catch {
        throw new NewsgraphError("INPUT_JSONL", `${path}:${n + 1}: malformed JSON line`, { file: path, line: n + 1 });
      }
      if (typeof record.text !== "string") continue;
      for (const s of splitSentences(record.text)) out.push(s.tokens.map((t) => t.text));
    }
  }
  return out;
}
