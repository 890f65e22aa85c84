/**
 * The query index file (query-index.bin), written by the build next to graph.json: the columns of
 * index-payload.ts, each stored raw in its own section, so a command reads only the sections it touches
 * and a section costs one read (typed arrays are views of its bytes, the string table is one Latin-1
 * string), nothing to deserialize.
 *
 * Layout: a first line (MAGIC and the CRC-32 of the header line), the stat slot of index-freshness.ts, the
 * header line (JSON: the digest of the graph.json it was made from, the number of documents, the graph's
 * attributes, the non-Latin-1 strings, and where each section is with its length and CRC-32), then the
 * sections, each at a multiple of 8 bytes from the start of the payload.
 *
 * Checks, chosen so that a damaged index never answers wrongly in silence while a start reads and checks
 * only what it uses: at open, the header's CRC, that the sections lie inside the file and the file ends
 * where the header says (a cut or padded file); each section's CRC-32 when it is first read (a flipped
 * byte, which then fails the command with one line naming the file). CRC-32 catches damage, not forgery,
 * at ~4 GB/s against ~0.9 for SHA-256; graph.json's identity is the SHA-256 (see index-freshness.ts).
 */
import { createHash } from "node:crypto";
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { endianness } from "node:os";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { DOCUMENTS_FILE, GRAPH_FILE } from "../graph/write.js";
import { NewsgraphError } from "../errors.js";
import type { GraphAttributes } from "../types.js";
import { decodeStatSlot, emptyStatSlot, fileStat, recordFileStats, sameStat, STAT_SLOT_BYTES, type RecordedStats } from "./index-freshness.js";
import type { ByteText, IndexPayload } from "./index-payload.js";

export const QUERY_INDEX_FILE = "query-index.bin";

/** Start of the first line; a new layout gets a new number. */
const MAGIC = "newsgraph-query-index/2";

/** Bytes of the first line: MAGIC, a space, the header's CRC-32 in 8 hex digits, a newline. */
const FIRST_LINE_BYTES = MAGIC.length + 10;

/** Where the stat slot starts (the build fills it in once the files are in place). */
const STAT_SLOT_AT = FIRST_LINE_BYTES;

/** What identifies a file's content. */
export interface FileDigest {
  bytes: number;
  sha256: string;
}

/** The types a section may hold: a typed array of the columns, or the string table's Latin-1 text. */
const COLUMN_TYPES = { Int8Array, Uint8Array, Int32Array, Float64Array } as const;
type ColumnType = keyof typeof COLUMN_TYPES | "latin1";
type Column = InstanceType<(typeof COLUMN_TYPES)[keyof typeof COLUMN_TYPES]>;

interface Section {
  type: ColumnType;
  /** Offset from the start of the payload. */
  at: number;
  bytes: number;
  crc: number;
  /** For a section read by range (BLOCKED): the CRC-32 of each BLOCK_BYTES block. */
  blocks?: number[];
}

/** Sections read by range, a block at a time: the edges' evidence and keys (most of an index's bytes; a query reads a few). */
const BLOCKED = new Set(["edges.evidence.bytes", "edges.keys.bytes"]);

/** Bytes of a block of a BLOCKED section. */
const BLOCK_BYTES = 1 << 16;

interface IndexHeader {
  graph: FileDigest;
  /** Distinct document ids in the documents.jsonl written with it. */
  documents?: number;
  /** Byte order of the typed arrays. */
  endianness: string;
  attributes: GraphAttributes;
  /** Values of the columns that are no arrays (the non-Latin-1 strings, the size of evidence.jsonl), by path. */
  values: Record<string, unknown>;
  sections: Record<string, Section>;
  /** Bytes of the payload. */
  payload: number;
}

/** Sections start at multiples of this many bytes from the payload's start. */
const ALIGN = 8;

/**
 * The query index of the columns of a graph (`indexPayload`) whose graph.json has the digest `digest`: the
 * file's bytes in parts, in order (the columns' own bytes, not copied into one buffer).
 */
export function encodeQueryIndex(columnsOfGraph: IndexPayload, digest: FileDigest): Uint8Array[] {
  const { attributes, ...columns } = columnsOfGraph;
  const values: Record<string, unknown> = {};
  const sections: Record<string, Section> = {};
  const parts: Uint8Array[] = [];
  let payload = 0;
  for (const [path, value] of leaves(columns)) {
    const bytes = typeof value === "string" ? Buffer.from(value, "latin1") : ArrayBuffer.isView(value) ? new Uint8Array(value.buffer, value.byteOffset, value.byteLength) : undefined;
    if (bytes === undefined) {
      values[path] = value;
      continue;
    }
    const type = typeof value === "string" ? "latin1" : columnType(value as Column);
    sections[path] = { type, at: payload, bytes: bytes.length, crc: crc32(bytes), ...(BLOCKED.has(path) && { blocks: blockChecksums(bytes) }) };
    const padding = -bytes.length & (ALIGN - 1);
    parts.push(bytes, Buffer.alloc(padding));
    payload += bytes.length + padding;
  }
  const header: IndexHeader = { graph: digest, ...(columns.documents && { documents: new Set(columns.documents.id).size }), endianness: endianness(), attributes, values, sections, payload };
  const headerLine = Buffer.from(JSON.stringify(header) + "\n", "utf8");
  const front = FIRST_LINE_BYTES + STAT_SLOT_BYTES + headerLine.length;
  return [Buffer.from(`${MAGIC} ${hex(crc32(headerLine))}\n`, "latin1"), emptyStatSlot(), headerLine, Buffer.alloc(-front & (ALIGN - 1)), ...parts];
}

/**
 * Record in the query index of the folder `dir` the stats of its graph.json and documents.jsonl, once the
 * build has put them in place, so that queries need not hash them (see index-freshness.ts).
 */
export function recordIndexStats(dir: string): void {
  try {
    recordFileStats(join(dir, QUERY_INDEX_FILE), STAT_SLOT_AT, join(dir, GRAPH_FILE), join(dir, DOCUMENTS_FILE));
  } catch {
    // The folder is complete without them: queries then hash graph.json and read documents.jsonl.
  }
}

function blockChecksums(bytes: Uint8Array): number[] {
  const blocks: number[] = [];
  for (let at = 0; at < bytes.length; at += BLOCK_BYTES) blocks.push(crc32(bytes.subarray(at, at + BLOCK_BYTES)));
  return blocks;
}

/** The name of a column's array type (a Buffer is stored as the Uint8Array it is). */
function columnType(column: Column): ColumnType {
  return (Object.keys(COLUMN_TYPES) as (keyof typeof COLUMN_TYPES)[]).find((name) => column instanceof COLUMN_TYPES[name])!;
}

/** The leaves of a tree of columns, by dotted path: arrays and strings, and other values (numbers, lists). */
function leaves(tree: object, prefix = ""): [string, unknown][] {
  return Object.entries(tree).flatMap(([name, value]): [string, unknown][] => {
    const path = prefix + name;
    return typeof value === "object" && value !== null && !ArrayBuffer.isView(value) && !Array.isArray(value) ? leaves(value as object, `${path}.`) : [[path, value]];
  });
}

function hex(n: number): string {
  return n.toString(16).padStart(8, "0");
}

/** A damaged section of an index file, found when a query first reads it: one line naming the file. */
export class IndexDamage extends NewsgraphError {
  constructor(
    path: string,
    readonly reason: string,
  ) {
    super("GRAPH_INVALID", `${path}: damaged query index (${reason}); delete it or rebuild`, { path });
  }
}

/** Why an index file cannot be used: `stale` (made from another graph.json) or `damaged`. */
export type IndexProblem = { kind: "stale" } | { kind: "damaged"; reason: string };

/** An opened query index: its columns (each section read on first use), and the document count when still valid. */
export interface OpenedIndex {
  payload: IndexPayload;
  /** Distinct document ids of the folder's documents.jsonl, when it is the file whose lines the index locates. */
  documents?: number;
}

/** Bytes read first: the first line, the stat slot and, in all but huge graphs' cases, the header. */
const FIRST_READ = 1 << 16;

/** Closes the file of an index whose columns are no longer reachable. */
const closer = new FinalizationRegistry<number>((fd) => closeSync(fd));

/**
 * Open the query index at `path` made for the graph.json at `graphPath` (and the documents.jsonl at
 * `documentsPath`): its columns, or why it cannot be used.
 */
export function readQueryIndex(path: string, graphPath: string, documentsPath: string): OpenedIndex | IndexProblem {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (err) {
    return { kind: "damaged", reason: `unreadable: ${(err as Error).message}` };
  }
  let opened: OpenedIndex | IndexProblem | undefined;
  try {
    opened = openIndex(fd, path, graphPath, documentsPath);
    return opened;
  } finally {
    if (opened === undefined || "kind" in opened) closeSync(fd);
    else closer.register(opened.payload, fd);
  }
}

function openIndex(fd: number, path: string, graphPath: string, documentsPath: string): OpenedIndex | IndexProblem {
  const size = fstatSync(fd).size;
  let front = readAt(fd, 0, Math.min(size, FIRST_READ));
  const headerAt = FIRST_LINE_BYTES + STAT_SLOT_BYTES;
  if (front.toString("latin1", 0, MAGIC.length + 1) !== `${MAGIC} ` || front[FIRST_LINE_BYTES - 1] !== 10 || front[headerAt - 1] !== 10) {
    return { kind: "damaged", reason: "not a query index of this version" };
  }
  let headerEnd = front.indexOf(10, headerAt);
  if (headerEnd < 0 && front.length < size) {
    front = readAt(fd, 0, size); // a header longer than the first read
    headerEnd = front.indexOf(10, headerAt);
  }
  if (headerEnd < 0 || hex(crc32(front.subarray(headerAt, headerEnd + 1))) !== front.toString("latin1", MAGIC.length + 1, FIRST_LINE_BYTES - 1)) {
    return { kind: "damaged", reason: "header does not match its checksum" };
  }
  let header: IndexHeader;
  try {
    header = JSON.parse(front.toString("utf8", headerAt, headerEnd)) as IndexHeader;
  } catch {
    return { kind: "damaged", reason: "unreadable header" };
  }
  if (header.endianness !== endianness()) return { kind: "damaged", reason: `written on a ${header.endianness} machine` };
  const payloadAt = headerEnd + 1 + (-(headerEnd + 1) & (ALIGN - 1));
  if (payloadAt + header.payload !== size) return { kind: "damaged", reason: `${size} bytes where its header says ${payloadAt + header.payload}` };
  for (const [name, s] of Object.entries(header.sections)) {
    const blocks = s.blocks === undefined || s.blocks.length === Math.ceil(s.bytes / BLOCK_BYTES);
    if (!(s.at >= 0 && s.at + s.bytes <= header.payload) || !(s.type in COLUMN_TYPES || s.type === "latin1") || !blocks) return { kind: "damaged", reason: `section ${name} out of place` };
  }
  const stats = decodeStatSlot(front.subarray(FIRST_LINE_BYTES, headerAt));
  if (!isCurrent(graphPath, stats.graph, header.graph)) return { kind: "stale" };

  const section = (name: string): unknown => {
    const s = header.sections[name]!;
    if (s.blocks) return new BlockedBytes(fd, payloadAt + s.at, s.bytes, s.blocks, () => new IndexDamage(path, `section ${name} does not match its checksum`));
    const bytes = readAt(fd, payloadAt + s.at, s.bytes);
    if (bytes.length !== s.bytes || crc32(bytes) !== s.crc) throw new IndexDamage(path, `section ${name} does not match its checksum`);
    if (s.type === "latin1") return bytes.toString("latin1");
    const Type = COLUMN_TYPES[s.type];
    return new Type(bytes.buffer as ArrayBuffer, bytes.byteOffset, s.bytes / Type.BYTES_PER_ELEMENT);
  };
  const columns = lazyTree([...Object.keys(header.sections), ...Object.keys(header.values)], (name) => (name in header.values ? header.values[name] : section(name)));
  const payload = { attributes: header.attributes, ...columns } as unknown as IndexPayload;
  const documentsCurrent = header.documents !== undefined && stats.documents !== undefined && sameStat(fileStat(documentsPath), stats.documents);
  return { payload, ...(documentsCurrent && { documents: header.documents }) };
}

/**
 * Whether the file at `path` is the one of digest `digest`: its stat is the one recorded (see
 * index-freshness.ts), or else its SHA-256 matches.
 */
function isCurrent(path: string, recorded: RecordedStats["graph"], digest: FileDigest): boolean {
  const stat = fileStat(path);
  if (stat === undefined || stat.bytes !== digest.bytes) return false;
  if (sameStat(stat, recorded)) return true;
  try {
    const actual = fileDigest(path);
    return actual.bytes === digest.bytes && actual.sha256 === digest.sha256;
  } catch {
    return false; // reading graph.json itself reports the problem
  }
}

/**
 * A tree of objects with a property per dotted path whose value `load` gives on first read (then kept
 * as a plain value).
 */
function lazyTree(paths: readonly string[], load: (path: string) => unknown): Record<string, unknown> {
  const root: Record<string, unknown> = {};
  for (const path of paths) {
    const names = path.split(".");
    const last = names.pop()!;
    let node = root;
    for (const name of names) node = (node[name] ??= {}) as Record<string, unknown>;
    const owner = node;
    Object.defineProperty(owner, last, {
      configurable: true,
      enumerable: true,
      get() {
        const value = load(path);
        Object.defineProperty(owner, last, { value, enumerable: true });
        return value;
      },
    });
  }
  return root;
}

/** A BLOCKED section: its bytes decoded by range, each block read and checked when a range first needs it. */
class BlockedBytes implements ByteText {
  private readonly read: (Buffer | undefined)[] = [];

  constructor(
    private readonly fd: number,
    private readonly at: number,
    private readonly bytes: number,
    private readonly checksums: number[],
    private readonly damage: () => Error,
  ) {}

  toString(encoding: "utf8" | "latin1", start: number, end: number): string {
    if (start >= end) return "";
    const first = Math.floor(start / BLOCK_BYTES);
    const last = Math.floor((end - 1) / BLOCK_BYTES);
    const blocks: Buffer[] = [];
    for (let b = first; b <= last; b++) blocks.push(this.block(b));
    const from = start - first * BLOCK_BYTES;
    return (blocks.length === 1 ? blocks[0]! : Buffer.concat(blocks)).toString(encoding, from, from + end - start);
  }

  private block(b: number): Buffer {
    let block = this.read[b];
    if (block === undefined) {
      const length = Math.min(BLOCK_BYTES, this.bytes - b * BLOCK_BYTES);
      block = readAt(this.fd, this.at + b * BLOCK_BYTES, length);
      if (block.length !== length || crc32(block) !== this.checksums[b]) throw this.damage();
      this.read[b] = block;
    }
    return block;
  }
}

/** `length` bytes of a file from `position` (fewer at its end), in a buffer of their own (aligned for any typed array). */
function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.from(new ArrayBuffer(length));
  let n = 0;
  for (let got; n < length && (got = readSync(fd, bytes, n, length - n, position + n)) > 0; ) n += got;
  return bytes.subarray(0, n);
}

/** Bytes read at a time when digesting a file. */
const CHUNK_BYTES = 1 << 20;

/** The digest of a file, read in chunks (graph.json need not be in memory at once). */
export function fileDigest(path: string): FileDigest {
  const hash = createHash("sha256");
  const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  const fd = openSync(path, "r");
  let bytes = 0;
  try {
    for (let n; (n = readSync(fd, chunk, 0, CHUNK_BYTES, null)) > 0; bytes += n) hash.update(chunk.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest("hex") };
}
