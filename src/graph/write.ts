/**
 * Writes a graph folder: graph.json, documents.jsonl, texts.jsonl (text and mention spans for the
 * viewer), merges.jsonl and evidence.jsonl (the full evidence of the edges whose list graph.json caps).
 * Every file is first written to a temporary name and renamed into place only once all of them are
 * complete, so a failed build never leaves a half-written or mixed folder. Large files are streamed
 * through `FolderWriter` so no file has to exist as one string. Also reads the evidence sidecar back.
 */
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Evidence, NewsGraph } from "../types.js";
import type { SerializedNewsGraph } from "./assemble.js";
import { makeFolder, outputError } from "./folder.js";

export const GRAPH_FILE = "graph.json";
export const DOCUMENTS_FILE = "documents.jsonl";
export const TEXTS_FILE = "texts.jsonl";
export const MERGES_FILE = "merges.jsonl";
export const EVIDENCE_FILE = "evidence.jsonl";

/** A graph as graph.json holds it: what `JSON.stringify(graph.export())` prints, plus a final newline. */
export function serializeGraph(graph: NewsGraph): string {
  const chunks: string[] = [];
  writeSerializedGraph({ write: (chunk) => chunks.push(chunk) }, graph.export());
  return chunks.join("");
}

/**
 * Stream a serialized graph as `JSON.stringify` would print it (plus a final newline), one node or edge
 * at a time. The edges can be given already serialized (`JSON.stringify` of each, e.g. made while the
 * nodes were still being laid out).
 */
export function writeSerializedGraph(out: StreamedFile, graph: SerializedNewsGraph, edgesJson?: string[]): void {
  out.write(`{"options":${JSON.stringify(graph.options)},"attributes":${JSON.stringify(graph.attributes)},"nodes":[`);
  graph.nodes.forEach((node, i) => out.write((i > 0 ? "," : "") + JSON.stringify(node)));
  out.write('],"edges":[');
  if (edgesJson) edgesJson.forEach((json, i) => out.write((i > 0 ? "," : "") + json));
  else graph.edges.forEach((edge, i) => out.write((i > 0 ? "," : "") + JSON.stringify(edge)));
  out.write("]}\n");
}

/** Write files atomically: all to temporary names first, then renamed into place. */
export function writeFilesAtomically(dir: string, files: Record<string, string>): void {
  makeFolder(dir);
  const temps: [string, string][] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const tmp = join(dir, `.${name}.tmp-${process.pid}`);
      writeFileSync(tmp, content);
      temps.push([tmp, join(dir, name)]);
    }
  } catch (err) {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
    throw outputError(err, dir);
  }
  for (const [tmp, final] of temps) renameSync(tmp, final);
}

/** A file being written under a temporary name, with buffered appends. */
export interface StreamedFile {
  /** Append a chunk: a whole string (a surrogate pair is never split between two chunks). */
  write(chunk: string): void;
}

/** Bytes a file buffers before they go to disk. */
const BUFFER_BYTES = 1 << 20;

/** A file of a `FolderWriter`: chunks are encoded straight into its byte buffer (no joined strings). */
interface OpenFile {
  fd: number;
  tmp: string;
  final: string;
  bytes: Buffer;
  used: number;
}

/**
 * Writes the files of a folder atomically, streaming: each `open`ed file goes to a temporary name;
 * `commit` renames them all into place, `abort` removes them.
 */
export class FolderWriter {
  private readonly files: OpenFile[] = [];
  private done = false;

  constructor(readonly dir: string) {
    makeFolder(dir);
  }

  /** Start a file of the folder. Write failures (read-only, full disk) throw OUT_UNUSABLE naming the file. */
  open(name: string): StreamedFile {
    const file = this.start(name, Buffer.allocUnsafe(BUFFER_BYTES));
    return { write: (chunk: string) => this.append(file, chunk) };
  }

  /** Write a whole binary file at once. */
  putBytes(name: string, content: Uint8Array): void {
    this.writeOut(this.start(name, Buffer.alloc(0)), content);
  }

  private start(name: string, bytes: Buffer): OpenFile {
    const tmp = join(this.dir, `.${name}.tmp-${process.pid}`);
    let fd: number;
    try {
      fd = openSync(tmp, "w");
    } catch (err) {
      throw outputError(err, join(this.dir, name));
    }
    const file: OpenFile = { fd, tmp, final: join(this.dir, name), bytes, used: 0 };
    this.files.push(file);
    return file;
  }

  /** A UTF-16 code unit takes at most 3 bytes in UTF-8, so a chunk that may not fit flushes first. */
  private append(file: OpenFile, chunk: string): void {
    if (chunk.length * 3 > BUFFER_BYTES - file.used) {
      this.flush(file);
      if (chunk.length * 3 > BUFFER_BYTES) return this.writeOut(file, Buffer.from(chunk));
    }
    file.used += file.bytes.write(chunk, file.used);
  }

  /** Write a whole file at once. */
  put(name: string, content: string): void {
    this.open(name).write(content);
  }

  private flush(file: OpenFile): void {
    if (file.used === 0) return;
    this.writeOut(file, file.bytes.subarray(0, file.used));
    file.used = 0;
  }

  private writeOut(file: OpenFile, data: Uint8Array): void {
    try {
      for (let at = 0; at < data.length; ) at += writeSync(file.fd, data, at);
    } catch (err) {
      throw outputError(err, file.final);
    }
  }

  /** Finish every file and rename them all into place. */
  commit(): void {
    for (const file of this.files) {
      this.flush(file);
      try {
        closeSync(file.fd);
      } catch (err) {
        throw outputError(err, file.final);
      }
    }
    this.done = true;
    for (const file of this.files) renameSync(file.tmp, file.final);
  }

  /** Remove the temporary files (after a failure). */
  abort(): void {
    if (this.done) return;
    this.done = true;
    for (const file of this.files) {
      try {
        closeSync(file.fd);
      } catch {
        // already closed
      }
      rmSync(file.tmp, { force: true });
    }
  }
}

/**
 * Writes lines of evidence.jsonl, each `JSON.stringify({ edge, evidence })`. Edges often share evidence
 * items (the co-occurrence edges of one sentence share its item), so each item object is serialized once.
 */
export class EvidenceLines {
  private readonly json = new Map<Evidence, string>();

  /** One line of evidence.jsonl. */
  line(edge: string, evidence: Evidence[]): string {
    let items = "";
    for (const e of evidence) {
      let json = this.json.get(e);
      if (json === undefined) {
        json = JSON.stringify(e);
        this.json.set(e, json);
      }
      items += items ? "," + json : json;
    }
    return `{"edge":${JSON.stringify(edge)},"evidence":[${items}]}\n`;
  }
}

/**
 * Read access to a graph folder's evidence sidecar: line offsets are indexed once, lines parsed on demand.
 * A damaged line (cut short, not JSON) makes only its edge's record unavailable and is listed in `damaged`.
 */
export interface EvidenceSidecar {
  get(edge: string): Evidence[] | undefined;
  /** The file read. */
  readonly path: string;
  /** Line numbers (1-based) of the damaged lines found so far, in the order found. */
  readonly damaged: readonly number[];
}

const EDGE_PREFIX = '{"edge":';
const EVIDENCE_SEPARATOR = ',"evidence":';

/** The edge key at the head of an evidence line, or undefined when the head is damaged. */
function edgeOfHead(head: string): string | undefined {
  const sep = head.indexOf(EVIDENCE_SEPARATOR);
  if (!head.startsWith(EDGE_PREFIX) || sep < 0) return undefined;
  try {
    const key: unknown = JSON.parse(head.slice(EDGE_PREFIX.length, sep));
    return typeof key === "string" ? key : undefined;
  } catch {
    return undefined;
  }
}

/** Where the edges' lines are in a folder's evidence.jsonl, as its query index records them. */
export interface EvidenceLineIndex {
  /** The size of the evidence.jsonl it was made for. */
  bytes: number;
  /** Bytes [start, end) of the edge's line (without its newline) and its 1-based number; undefined when the edge has none. */
  locate(edge: string): { start: number; end: number; line: number } | undefined;
}

/**
 * Open the evidence sidecar of a graph folder, or undefined when it has none. With the index of its lines
 * (made for a file of its size) only the lines asked for are read; a line that is not the edge's makes
 * the whole file be scanned instead, as without an index.
 */
export function openEvidenceSidecar(dir: string, index?: EvidenceLineIndex): EvidenceSidecar | undefined {
  const path = join(dir, EVIDENCE_FILE);
  if (!dir || !existsSync(path)) return undefined;
  return index && statSync(path).size === index.bytes ? locatedSidecar(path, index) : scannedSidecar(path);
}

/** A sidecar read line by line where `index` says each edge's line is. */
function locatedSidecar(path: string, index: EvidenceLineIndex): EvidenceSidecar {
  const damaged: number[] = [];
  let scanned: EvidenceSidecar | undefined;
  return {
    path,
    get damaged() {
      return scanned ? scanned.damaged : damaged;
    },
    get(edge: string) {
      if (scanned) return scanned.get(edge);
      const at = index.locate(edge);
      if (!at) return undefined;
      const bytes = readRange(path, at.start, at.end);
      if (edgeOfHead(bytes.toString("utf8", 0, Math.min(bytes.length, 2048))) !== edge) {
        scanned = scannedSidecar(path);
        return scanned.get(edge);
      }
      const evidence = parseLine(bytes, 0, bytes.length);
      if (evidence === undefined) damaged.push(at.line);
      return evidence;
    },
  };
}

/** Bytes [start, end) of a file (fewer when it is shorter). */
function readRange(path: string, start: number, end: number): Buffer {
  const bytes = Buffer.allocUnsafe(end - start);
  const fd = openSync(path, "r");
  try {
    return bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, start));
  } finally {
    closeSync(fd);
  }
}

/** A sidecar whose line offsets are found by scanning the whole file once. */
function scannedSidecar(path: string): EvidenceSidecar {
  const bytes = readFileSync(path);
  const lines = new Map<string, [number, number, number]>();
  const damaged: number[] = [];
  let pos = 0;
  for (let line = 1; pos < bytes.length; line++) {
    let end = bytes.indexOf(10, pos);
    const last = end < 0;
    if (last) end = bytes.length;
    const edge = end > pos ? edgeOfHead(bytes.toString("utf8", pos, Math.min(end, pos + 2048))) : undefined;
    if (edge !== undefined) lines.set(edge, [pos, end, line]);
    else if (end > pos) damaged.push(line);
    // A last line without its newline was cut short unless it parses whole.
    if (last && edge !== undefined && parseLine(bytes, pos, end) === undefined) {
      lines.delete(edge);
      damaged.push(line);
    }
    pos = end + 1;
  }
  return {
    path,
    damaged,
    get(edge: string) {
      const at = lines.get(edge);
      if (!at) return undefined;
      const evidence = parseLine(bytes, at[0], at[1]);
      if (evidence === undefined) {
        lines.delete(edge);
        damaged.push(at[2]);
      }
      return evidence;
    },
  };
}

function parseLine(bytes: Buffer, start: number, end: number): Evidence[] | undefined {
  try {
    const record: unknown = JSON.parse(bytes.toString("utf8", start, end));
    const evidence = (record as { evidence?: unknown } | null)?.evidence;
    return Array.isArray(evidence) ? (evidence as Evidence[]) : undefined;
  } catch {
    return undefined;
  }
}
