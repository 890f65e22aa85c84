/**
 * Turns raw file bytes into text: gunzips `.gz` files, rejects binary and invalid UTF-8 with an error
 * naming the file, and strips a byte-order mark. JSONL files are streamed and decoded a line at a time
 * (stream-lines.ts).
 */
import { gunzipSync } from "node:zlib";
import { NewsgraphError } from "../errors.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** A file's bytes, gunzipped for `.gz`, after checking that they are text (not empty, no NUL bytes). */
export function fileBytes(path: string, raw: Buffer): Buffer {
  let data = raw;
  if (path.endsWith(".gz")) {
    try {
      data = gunzipSync(raw);
    } catch {
      throw new NewsgraphError("INPUT_BINARY", `${path}: not a valid gzip file`, { file: path });
    }
  }
  if (data.every((b) => b === 32 || b === 9 || b === 10 || b === 13)) {
    throw new NewsgraphError("INPUT_EMPTY", `${path}: file is empty`, { file: path });
  }
  if (data.subarray(0, 8192).includes(0)) {
    throw new NewsgraphError("INPUT_BINARY", `${path}: binary file (contains NUL bytes), not text`, { file: path });
  }
  return data;
}

/** Decode bytes found at `offset` of a file as UTF-8, or throw a NewsgraphError naming `where` (the file or line). */
export function decodeUtf8(where: string, data: Uint8Array, offset: number): string {
  try {
    return utf8.decode(data);
  } catch {
    const at = offset + firstInvalidUtf8(data);
    throw new NewsgraphError("INPUT_ENCODING", `${where}: invalid UTF-8 at byte ${at}`, { file: where, offset: at });
  }
}

/** Decode one file's bytes into text, or throw a NewsgraphError naming the file. */
export function decodeFile(path: string, bytes: Buffer): string {
  const text = decodeUtf8(path, fileBytes(path, bytes), 0);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Byte offset of the first invalid UTF-8 sequence (for the error message). */
function firstInvalidUtf8(data: Uint8Array): number {
  let lo = 0;
  let hi = data.length;
  // Binary search on the longest valid prefix, allowing for a cut in the middle of a code point.
  while (hi - lo > 4) {
    const mid = (lo + hi) >> 1;
    try {
      new TextDecoder("utf-8", { fatal: true }).decode(data.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
