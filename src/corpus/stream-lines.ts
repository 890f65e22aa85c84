/**
 * The lines of a JSONL file (gzipped or not) as a stream of bytes: read a chunk at a time from the file
 * and gunzipped on the fly, so a multi-gigabyte archive never sits in memory — only the current line
 * does. Lines keep their 1-based number and byte offset for error messages; the checks of `fileBytes`
 * (not gzip, binary, empty) are made on the stream with the same messages.
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import { NewsgraphError } from "../errors.js";

const NEWLINE = 10;
/** Bytes at the start of a file searched for NUL bytes (as `fileBytes` does). */
const SNIFF_BYTES = 8192;

export interface ByteLine {
  bytes: Uint8Array;
  /** 1-based line number. */
  number: number;
  /** Byte offset of the line in the (gunzipped) file. */
  offset: number;
}

export interface StreamLinesOptions {
  /** Called with the number of bytes read from the file (compressed bytes for `.gz`) as they are read. */
  onRead?: (bytes: number) => void;
}

const isBlankByte = (b: number) => b === 32 || b === 9 || b === 10 || b === 13;

/** The decoded chunks of a file: gunzipped for `.gz`, with a gzip error turned into a one-line error. */
async function* chunks(path: string, options: StreamLinesOptions): AsyncGenerator<Buffer> {
  const raw = createReadStream(path);
  if (options.onRead) {
    const onRead = options.onRead;
    raw.on("data", (chunk) => onRead(chunk.length));
  }
  if (!path.endsWith(".gz")) {
    yield* raw as AsyncIterable<Buffer>;
    return;
  }
  const gunzip = createGunzip();
  raw.on("error", (err) => gunzip.destroy(err));
  try {
    yield* raw.pipe(gunzip) as AsyncIterable<Buffer>;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code?.startsWith("Z_")) throw new NewsgraphError("INPUT_BINARY", `${path}: not a valid gzip file`, { file: path });
    throw err;
  } finally {
    raw.destroy();
  }
}

/** The lines of a file, a byte-order mark skipped; the last line is yielded even when empty. */
export async function* streamLines(path: string, options: StreamLinesOptions = {}): AsyncGenerator<ByteLine> {
  let pending: Buffer[] = []; // the current line's bytes so far, in pieces
  let lineOffset = 0;
  let read = 0;
  let number = 1;
  let sniffed = false;
  let sniff: Buffer[] = [];
  let nonBlank = false;
  const check = (head: Buffer) => {
    sniffed = true;
    if (head.subarray(0, SNIFF_BYTES).includes(0)) throw new NewsgraphError("INPUT_BINARY", `${path}: binary file (contains NUL bytes), not text`, { file: path });
  };
  async function* split(chunk: Buffer): AsyncGenerator<ByteLine> {
    let start = 0;
    if (read === 0 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) start = lineOffset = 3;
    if (!nonBlank) nonBlank = !chunk.every(isBlankByte);
    for (let nl = chunk.indexOf(NEWLINE, start); nl >= 0; nl = chunk.indexOf(NEWLINE, start)) {
      pending.push(chunk.subarray(start, nl));
      const bytes = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
      pending = [];
      yield { bytes, number: number++, offset: lineOffset };
      lineOffset = read + nl + 1;
      start = nl + 1;
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
    read += chunk.length;
  }
  for await (const chunk of chunks(path, options)) {
    if (!sniffed) {
      // Lines wait until the head of the file is known to be text.
      sniff.push(chunk);
      const head = Buffer.concat(sniff);
      if (head.length < SNIFF_BYTES) continue;
      check(head);
      sniff = [];
      yield* split(head);
      continue;
    }
    yield* split(chunk);
  }
  if (!sniffed) {
    const head = Buffer.concat(sniff);
    check(head);
    yield* split(head);
  }
  if (!nonBlank) throw new NewsgraphError("INPUT_EMPTY", `${path}: file is empty`, { file: path });
  yield { bytes: pending.length === 1 ? pending[0]! : Buffer.concat(pending), number, offset: lineOffset };
}
