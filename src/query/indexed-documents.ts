/**
 * The documents of a graph folder read through its query index: the index says where each document's line
 * is in documents.jsonl, so a query parses only the lines of the documents it shows (the file is read
 * once, on first use). Answers are those of the map `parseDocuments` makes of the whole file: a later line
 * of the same id wins, a line that is not JSON is GRAPH_INVALID naming file and line.
 */
import { readFileSync } from "node:fs";
import { NewsgraphError } from "../errors.js";
import type { DocumentRecord } from "../types.js";

/** What queries read of the documents: a record by id, and how many there are. */
export interface DocumentTable {
  get(id: string): DocumentRecord | undefined;
  readonly size: number;
}

/** The lines of documents.jsonl, as the index records them: line i holds the document of id `text(id[i])` at bytes [start[i], end[i]). */
export interface LocatedLines {
  id: Int32Array;
  start: Float64Array;
  end: Float64Array;
}

export class IndexedDocuments implements DocumentTable {
  private lineOf: Map<string, number> | undefined;
  private bytes: Buffer | undefined;
  private readonly parsed = new Map<string, DocumentRecord>();

  constructor(
    private readonly path: string,
    private readonly lines: LocatedLines,
    private readonly text: (string: number) => string,
    readonly size: number,
  ) {}

  get(id: string): DocumentRecord | undefined {
    let record = this.parsed.get(id);
    if (record !== undefined) return record;
    if (!this.lineOf) {
      this.lineOf = new Map();
      this.lines.id.forEach((s, i) => this.lineOf!.set(this.text(s), i));
    }
    const line = this.lineOf.get(id);
    if (line === undefined) return undefined;
    this.bytes ??= readFileSync(this.path);
    const text = this.bytes.toString("utf8", this.lines.start[line], this.lines.end[line]);
    try {
      record = JSON.parse(text) as DocumentRecord;
    } catch {
      throw new NewsgraphError("GRAPH_INVALID", `${this.path}:${line + 1}: not valid JSON`, { path: this.path, line: line + 1 });
    }
    this.parsed.set(id, record);
    return record;
  }
}
