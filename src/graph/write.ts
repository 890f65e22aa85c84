/**
 * Writes a graph folder: graph.json, documents.jsonl, texts.jsonl (text and mention spans for the
 * viewer), merges.jsonl and evidence.jsonl (the full evidence of the edges whose list graph.json caps).
 * Every file is first written to a temporary name and renamed into place only once all of them are
 * complete, so a failed build never leaves a half-written or mixed folder. Large files are streamed
 * through `FolderWriter` so no file has to exist as one string. Also reads the evidence sidecar back.
 */
import { createHash, type Hash } from "node:crypto";
import { closeSync, existsSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";
import type { Evidence, NewsGraph } from "../types.js";
import type { SerializedNewsGraph } from "./assemble.js";
import { makeFolder, outputError } from "./folder.js";
import type { FileDigest } from "../query/index-file.js";
import type { PackedBytes } from "../query/index-payload.js";

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

/** Stream a serialized graph as `JSON.stringify` would print it (plus a final newline), one node or edge at a time. */
export function writeSerializedGraph(out: StreamedFile, graph: SerializedNewsGraph): void {
  writeGraph(out, graph, () => writeGraphEdges(out, graph.edges));
}

/**
 * Stream a serialized graph whose edges are already encoded (`encodeGraphEdges`, or `writeGraphEdges` into
 * an `EncodedText`, e.g. while the nodes were still being laid out).
 */
export function writeEncodedGraph(out: ByteFile, graph: SerializedNewsGraph, edges: readonly Uint8Array[]): void {
  writeGraph(out, graph, () => edges.forEach((bytes) => out.writeBytes(bytes)));
}

/** The edges of a serialized graph as graph.json lists them: `JSON.stringify` of each, comma-separated. */
export function writeGraphEdges(out: StreamedFile, edges: SerializedNewsGraph["edges"]): void {
  edges.forEach((edge, i) => out.write((i > 0 ? "," : "") + JSON.stringify(edge)));
}

/** The edges of graph.json encoded, and each edge's evidence list as the query index keeps it. */
export interface EncodedEdges {
  /** What `writeGraphEdges` writes, as UTF-8. */
  bytes: readonly Buffer[];
  /** Edge i's evidence list, the bytes of `JSON.stringify(edge.attributes.evidence)`, copied from `bytes`. */
  evidence: PackedBytes;
}

/**
 * An edge's evidence list in its JSON is what lies between these (assemble.ts puts `rules` right after
 * `evidence`); neither can occur inside a string value, whose quotes are escaped.
 */
const EVIDENCE_KEY = ',"evidence":';
const RULES_KEY = ',"rules":';

/** Encode the edges as `writeGraphEdges` writes them, noting where each edge's evidence list lies in the bytes. */
export function encodeGraphEdges(edges: SerializedNewsGraph["edges"]): EncodedEdges {
  const text = new EncodedText();
  const start = new Float64Array(edges.length);
  const end = new Float64Array(edges.length);
  edges.forEach((edge, i) => {
    const json = (i > 0 ? "," : "") + JSON.stringify(edge);
    const from = json.indexOf(EVIDENCE_KEY) + EVIDENCE_KEY.length;
    const to = json.indexOf(RULES_KEY, from);
    const at = text.length;
    // Characters are bytes in an ASCII chunk (most are); otherwise the bytes before and in the list are counted.
    if (text.write(json) === json.length) {
      start[i] = at + from;
      end[i] = at + to;
    } else {
      start[i] = at + Buffer.byteLength(json.slice(0, from));
      end[i] = start[i]! + Buffer.byteLength(json.slice(from, to));
    }
  });
  const bytes = text.end();
  return { bytes, evidence: copyRanges(bytes, start, end) };
}

/** Byte ranges [start[i], end[i]) of the concatenation of `parts`, each inside one part, copied into one buffer. */
function copyRanges(parts: readonly Buffer[], start: Float64Array, end: Float64Array): PackedBytes {
  const at = new Int32Array(start.length + 1);
  start.forEach((s, i) => (at[i + 1] = at[i]! + end[i]! - s));
  const bytes = Buffer.allocUnsafe(at[start.length]!);
  let part = 0;
  let partStart = 0;
  for (let i = 0; i < start.length; i++) {
    while (start[i]! >= partStart + parts[part]!.length) partStart += parts[part++]!.length;
    bytes.set(parts[part]!.subarray(start[i]! - partStart, end[i]! - partStart), at[i]);
  }
  return { bytes, at };
}

function writeGraph(out: StreamedFile, graph: SerializedNewsGraph, writeEdges: () => void): void {
  out.write(`{"options":${JSON.stringify(graph.options)},"attributes":${JSON.stringify(graph.attributes)},"nodes":[`);
  graph.nodes.forEach((node, i) => out.write((i > 0 ? "," : "") + JSON.stringify(node)));
  out.write('],"edges":[');
  writeEdges();
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

/** A streamed file that also takes bytes. */
export interface ByteFile extends StreamedFile {
  /** Append bytes (after the chunks written so far). */
  writeBytes(bytes: Uint8Array): void;
}

/** A file of a `FolderWriter`. */
export interface FolderFile extends ByteFile {
  /** Byte size and SHA-256 of the file (of a file opened with `digest`); nothing may be written after. */
  digest(): FileDigest;
}

/** Bytes a file buffers before they go to disk. */
const BUFFER_BYTES = 1 << 20;

/** Byte arrays up to this size written to a file are copied into its buffer rather than written out alone. */
const COPIED_BYTES = 1 << 16;

/**
 * Strings encoded as UTF-8 straight into a byte buffer (no joined strings), and bytes, handed to `emit`
 * whenever it fills; a chunk larger than the buffer is emitted on its own. With `keep`, each emitted buffer
 * is the receiver's and a new one is allocated; otherwise the buffer is reused once `emit` returns.
 */
class Utf8Buffer {
  private bytes = Buffer.allocUnsafe(BUFFER_BYTES);
  private used = 0;

  constructor(
    private readonly emit: (bytes: Buffer) => void,
    private readonly keep: boolean,
  ) {}

  /**
   * Add a chunk; returns its bytes. A UTF-16 code unit takes at most 3 bytes in UTF-8, so a chunk that may
   * not fit flushes first.
   */
  write(chunk: string): number {
    if (chunk.length * 3 > BUFFER_BYTES - this.used) {
      this.flush();
      if (chunk.length * 3 > BUFFER_BYTES) {
        const bytes = Buffer.from(chunk);
        this.emit(bytes);
        return bytes.length;
      }
    }
    const bytes = this.bytes.write(chunk, this.used);
    this.used += bytes;
    return bytes;
  }

  /**
   * Add bytes: small ones (a line, padding) are copied into the buffer; larger ones are emitted as they
   * are, after what the buffer holds.
   */
  writeBytes(bytes: Uint8Array): void {
    if (bytes.length <= COPIED_BYTES && bytes.length <= BUFFER_BYTES - this.used) {
      this.bytes.set(bytes, this.used);
      this.used += bytes.length;
      return;
    }
    this.flush();
    if (bytes.length <= COPIED_BYTES) return this.writeBytes(bytes);
    this.emit(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length));
  }

  /** Bytes held, not yet emitted. */
  get held(): number {
    return this.used;
  }

  /** Emit what the buffer holds. */
  flush(): void {
    if (this.used === 0) return;
    this.emit(this.bytes.subarray(0, this.used));
    if (this.keep) this.bytes = Buffer.allocUnsafe(BUFFER_BYTES);
    this.used = 0;
  }
}

/**
 * Text kept in memory as UTF-8 buffers rather than strings (the garbage collector does not copy them):
 * what is written to it now is written to a file later with `writeBytes`.
 */
export class EncodedText implements StreamedFile {
  private readonly parts: Buffer[] = [];
  private partsBytes = 0;
  private readonly buffer = new Utf8Buffer((bytes) => {
    this.parts.push(bytes);
    this.partsBytes += bytes.length;
  }, true);

  /** Append a chunk; returns its bytes. */
  write(chunk: string): number {
    return this.buffer.write(chunk);
  }

  /** Bytes written so far. A chunk is never split between two of the buffers `end` gives. */
  get length(): number {
    return this.partsBytes + this.buffer.held;
  }

  /** The bytes written, in order. */
  end(): readonly Buffer[] {
    this.buffer.flush();
    return this.parts;
  }
}

/** A file of a `FolderWriter` as it is written. */
interface OpenFile {
  fd: number;
  tmp: string;
  final: string;
  buffer: Utf8Buffer;
  /** The running digest of the bytes written out, when asked for. */
  hash: Hash | undefined;
  written: number;
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

  /**
   * Start a file of the folder; with `digest`, its bytes are hashed as they are written out. Write
   * failures (read-only, full disk) throw OUT_UNUSABLE naming the file.
   */
  open(name: string, options: { digest?: boolean } = {}): FolderFile {
    const file = this.start(name, options.digest ?? false);
    return {
      write: (chunk: string) => file.buffer.write(chunk),
      writeBytes: (bytes: Uint8Array) => file.buffer.writeBytes(bytes),
      digest: () => {
        if (!file.hash) throw new Error(`${file.final} was not opened with a digest`);
        file.buffer.flush();
        return { bytes: file.written, sha256: file.hash.digest("hex") };
      },
    };
  }

  private start(name: string, digest: boolean): OpenFile {
    const tmp = join(this.dir, `.${name}.tmp-${process.pid}`);
    let fd: number;
    try {
      fd = openSync(tmp, "w");
    } catch (err) {
      throw outputError(err, join(this.dir, name));
    }
    const file: OpenFile = { fd, tmp, final: join(this.dir, name), buffer: new Utf8Buffer((bytes) => this.writeOut(file, bytes), false), hash: digest ? createHash("sha256") : undefined, written: 0 };
    this.files.push(file);
    return file;
  }

  /** Write a whole file at once. */
  put(name: string, content: string): void {
    this.open(name).write(content);
  }

  private writeOut(file: OpenFile, data: Uint8Array): void {
    file.hash?.update(data);
    file.written += data.length;
    try {
      for (let at = 0; at < data.length; ) at += writeSync(file.fd, data, at);
    } catch (err) {
      throw outputError(err, file.final);
    }
  }

  /** Finish every file and rename them all into place. */
  commit(): void {
    for (const file of this.files) {
      file.buffer.flush();
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
