/**
 * Turns raw file bytes into text: gunzips `.gz` files, rejects binary and invalid UTF-8 with an error
 * naming the file, and strips a byte-order mark.
 */
import { gunzipSync } from "node:zlib";
import { NewsgraphError } from "../errors.js";

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Decode one file's bytes into text, or throw a NewsgraphError naming the file. */
export function decodeFile(path: string, bytes: Buffer): string {
  let data = bytes;
  if (path.endsWith(".gz")) {
    try {
      data = gunzipSync(bytes);
    } catch {
      throw new NewsgraphError("INPUT_BINARY", `${path}: not a valid gzip file`, { file: path });
    }
  }
  if (data.length === 0 || data.toString("utf8").trim() === "") {
    throw new NewsgraphError("INPUT_EMPTY", `${path}: file is empty`, { file: path });
  }
  const probe = data.subarray(0, 8192);
  if (probe.includes(0)) {
    throw new NewsgraphError("INPUT_BINARY", `${path}: binary file (contains NUL bytes), not text`, { file: path });
  }
  let text: string;
  try {
    text = utf8.decode(data);
  } catch {
    const offset = firstInvalidUtf8(data);
    throw new NewsgraphError("INPUT_ENCODING", `${path}: invalid UTF-8 at byte ${offset}`, { file: path, offset });
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Byte offset of the first invalid UTF-8 sequence (for the error message). */
function firstInvalidUtf8(data: Buffer): number {
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
