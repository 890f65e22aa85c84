/**
 * A temporary line file: the build streams each document's text to it while extracting (so texts are
 * not all held in memory) and reads the lines back, in order, when writing texts.jsonl.
 */
import { closeSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { outputError } from "../graph/folder.js";

const CHUNK = 1 << 20;

export class LineSpool {
  private fd: number;
  private buffer: string[] = [];
  private size = 0;

  constructor(readonly path: string) {
    try {
      this.fd = openSync(path, "w+");
    } catch (err) {
      throw outputError(err, path);
    }
  }

  /** Append one line (must not contain a newline). */
  push(line: string): void {
    this.buffer.push(line, "\n");
    this.size += line.length + 1;
    if (this.size >= CHUNK) this.flush();
  }

  private flush(): void {
    if (this.buffer.length === 0) return;
    try {
      writeSync(this.fd, this.buffer.join(""));
    } catch (err) {
      throw outputError(err, this.path);
    }
    this.buffer = [];
    this.size = 0;
  }

  /** The lines written so far, in order, as UTF-8 bytes. */
  *lines(): Generator<Buffer> {
    this.flush();
    const chunk = Buffer.alloc(CHUNK);
    let position = 0;
    let carry: Buffer = Buffer.alloc(0);
    for (;;) {
      const n = readSync(this.fd, chunk, 0, CHUNK, position);
      if (n === 0) break;
      position += n;
      const data = Buffer.concat([carry, chunk.subarray(0, n)]);
      let start = 0;
      for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
        yield data.subarray(start, nl);
        start = nl + 1;
      }
      carry = Buffer.from(data.subarray(start));
    }
  }

  /** Close and delete the file. */
  remove(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.path, { force: true });
  }
}
