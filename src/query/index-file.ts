/**
 * The query index (query-index.bin): what the query commands read of graph.json, in a form that loads in a
 * fraction of the time — one string table, typed-array columns for nodes and edges, and each edge's
 * evidence kept as unparsed JSON — written by the build next to graph.json. Its header names the
 * graph.json it was made from (byte size and SHA-256) and the SHA-256 of its own payload, so a graph.json that
 * was edited, replaced or copied over is never answered from a stale index, and a damaged index is
 * detected before it is used. The payload is `v8.serialize` of `IndexPayload`.
 */
import { createHash } from "node:crypto";
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import type { SerializedNewsGraph } from "../graph/assemble.js";
import type { StreamedFile } from "../graph/write.js";
import type { GraphAttributes } from "../types.js";

export const QUERY_INDEX_FILE = "query-index.bin";

/** First line of the file; a new layout gets a new number. */
const MAGIC = "newsgraph-query-index/1";

/** What identifies a file's content. */
export interface FileDigest {
  bytes: number;
  sha256: string;
}

interface IndexHeader {
  graph: FileDigest;
  payload: FileDigest;
}

/** Lists of string or edge indices, one list per row: row i holds items[offsets[i] .. offsets[i + 1]). */
export interface IndexLists {
  offsets: Int32Array;
  items: Int32Array;
}

/** Strings as one string: string i is text.slice(at[i], at[i + 1]) (a slice is not a copy). */
export interface PackedText {
  text: string;
  at: Int32Array;
}

/** Strings as one UTF-8 buffer: string i is bytes[at[i] .. at[i + 1]), decoded only when read. */
export interface PackedBytes {
  bytes: Uint8Array;
  at: Int32Array;
}

/** No value (an absent optional attribute) in an index column of string indices. */
export const ABSENT = -1;

/**
 * The columns of a query index. String attributes are indices into `strings`; optional ones are ABSENT
 * (or NaN for numbers) when missing; booleans are 0/1, with ABSENT for a missing optional one.
 */
export interface IndexPayload {
  attributes: GraphAttributes;
  strings: PackedText;
  nodes: {
    key: Int32Array;
    label: Int32Array;
    type: Int32Array;
    mentions: Float64Array;
    community: Float64Array;
    firstSeen: Int32Array;
    lastSeen: Int32Array;
    aliases: IndexLists;
    docs: IndexLists;
    /** 1 when the node has a roles list (possibly empty). */
    hasRoles: Uint8Array;
    roles: IndexLists;
  };
  edges: {
    key: Int32Array;
    /** Node indices. */
    source: Int32Array;
    target: Int32Array;
    undirected: Uint8Array;
    relation: Int32Array;
    negated: Uint8Array;
    predicate: Int32Array;
    weight: Float64Array;
    docs: IndexLists;
    rules: IndexLists;
    modality: Int32Array;
    confidence: Float64Array;
    inferred: Int8Array;
    attributedTo: Int32Array;
    /** The JSON of each edge's evidence list (row i is edge i's): most queries never decode it. */
    evidence: PackedBytes;
  };
}

/** A StreamedFile that also digests what is written through it (chunks are whole strings, so UTF-8 per chunk is the file's bytes). */
export function digestingFile(file: StreamedFile): { file: StreamedFile; digest: () => FileDigest } {
  const hash = createHash("sha256");
  let bytes = 0;
  return {
    file: {
      write(chunk: string) {
        hash.update(chunk, "utf8");
        bytes += Buffer.byteLength(chunk, "utf8");
        file.write(chunk);
      },
    },
    digest: () => ({ bytes, sha256: hash.digest("hex") }),
  };
}

/** The query index of a serialized graph whose graph.json has the digest `graph`. */
export function encodeQueryIndex(graph: SerializedNewsGraph, digest: FileDigest): Buffer {
  const table = new Map<string, number>();
  const str = (s: string): number => {
    let i = table.get(s);
    if (i === undefined) table.set(s, (i = table.size));
    return i;
  };
  const optional = (s: string | undefined): number => (s === undefined ? ABSENT : str(s));
  const lists = (rows: readonly (readonly string[])[]): IndexLists => {
    const offsets = new Int32Array(rows.length + 1);
    rows.forEach((row, i) => (offsets[i + 1] = offsets[i]! + row.length));
    return { offsets, items: Int32Array.from(rows.flat(), str) };
  };
  const nodeIndex = new Map(graph.nodes.map((n, i) => [n.key, i]));
  const nodes = graph.nodes.map((n) => n.attributes!);
  const edges = graph.edges.map((e) => e.attributes!);
  const at = (key: string): number => nodeIndex.get(key) ?? ABSENT;
  const payload: IndexPayload = {
    attributes: graph.attributes as GraphAttributes,
    strings: { text: "", at: new Int32Array(1) },
    nodes: {
      key: Int32Array.from(graph.nodes, (n) => str(n.key)),
      label: Int32Array.from(nodes, (n) => str(n.label)),
      type: Int32Array.from(nodes, (n) => str(n.type)),
      mentions: Float64Array.from(nodes, (n) => n.mentions),
      community: Float64Array.from(nodes, (n) => n.community ?? NaN),
      firstSeen: Int32Array.from(nodes, (n) => optional(n.firstSeen)),
      lastSeen: Int32Array.from(nodes, (n) => optional(n.lastSeen)),
      aliases: lists(nodes.map((n) => n.aliases)),
      docs: lists(nodes.map((n) => n.docs)),
      hasRoles: Uint8Array.from(nodes, (n) => (n.roles === undefined ? 0 : 1)),
      roles: lists(nodes.map((n) => n.roles ?? [])),
    },
    edges: {
      key: Int32Array.from(graph.edges, (e) => str(e.key!)),
      source: Int32Array.from(graph.edges, (e) => at(e.source)),
      target: Int32Array.from(graph.edges, (e) => at(e.target)),
      undirected: Uint8Array.from(graph.edges, (e) => (e.undirected ? 1 : 0)),
      relation: Int32Array.from(edges, (e) => str(e.relation)),
      negated: Uint8Array.from(edges, (e) => (e.negated ? 1 : 0)),
      predicate: Int32Array.from(edges, (e) => str(e.predicate)),
      weight: Float64Array.from(edges, (e) => e.weight),
      docs: lists(edges.map((e) => e.docs)),
      rules: lists(edges.map((e) => e.rules)),
      modality: Int32Array.from(edges, (e) => optional(e.modality)),
      confidence: Float64Array.from(edges, (e) => e.confidence ?? NaN),
      inferred: Int8Array.from(edges, (e) => (e.inferred === undefined ? ABSENT : e.inferred ? 1 : 0)),
      attributedTo: Int32Array.from(edges, (e) => optional(e.attributedTo)),
      evidence: packBytes(edges.map((e) => JSON.stringify(e.evidence))),
    },
  };
  payload.strings = packText([...table.keys()]);
  const body = serialize(payload);
  const header: IndexHeader = { graph: digest, payload: digestOf(body) };
  return Buffer.concat([Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`), body]);
}

/** Where each of `lengths` starts in their concatenation, and where the last ends. */
function offsets(lengths: readonly number[]): Int32Array {
  const at = new Int32Array(lengths.length + 1);
  lengths.forEach((length, i) => (at[i + 1] = at[i]! + length));
  return at;
}

function packText(strings: readonly string[]): PackedText {
  return { text: strings.join(""), at: offsets(strings.map((s) => s.length)) };
}

function packBytes(strings: readonly string[]): PackedBytes {
  const buffers = strings.map((s) => Buffer.from(s, "utf8"));
  return { bytes: Buffer.concat(buffers), at: offsets(buffers.map((b) => b.length)) };
}

/** Why an index file cannot be used: `stale` (made from another graph.json) or `damaged`. */
export type IndexProblem = { kind: "stale" } | { kind: "damaged"; reason: string };

/**
 * Read the query index at `path` made for the graph.json at `graphPath`: its payload, or why it cannot
 * be used. Reading graph.json to check its digest costs a fraction of parsing it.
 */
export function readQueryIndex(path: string, graphPath: string): IndexPayload | IndexProblem {
  const file = readFileSync(path);
  const magicEnd = file.indexOf(10);
  const headerEnd = magicEnd < 0 ? -1 : file.indexOf(10, magicEnd + 1);
  if (headerEnd < 0 || file.toString("latin1", 0, magicEnd) !== MAGIC) return { kind: "damaged", reason: "not a query index of this version" };
  let header: IndexHeader;
  try {
    header = JSON.parse(file.toString("utf8", magicEnd + 1, headerEnd)) as IndexHeader;
  } catch {
    return { kind: "damaged", reason: "unreadable header" };
  }
  const graph = fileDigest(graphPath);
  if (graph.bytes !== header.graph?.bytes || graph.sha256 !== header.graph.sha256) return { kind: "stale" };
  const body = file.subarray(headerEnd + 1);
  const payload = digestOf(body);
  if (payload.bytes !== header.payload?.bytes || payload.sha256 !== header.payload.sha256) return { kind: "damaged", reason: "payload does not match its digest" };
  try {
    return deserialize(body) as IndexPayload;
  } catch (err) {
    return { kind: "damaged", reason: (err as Error).message };
  }
}

function digestOf(bytes: Uint8Array): FileDigest {
  return { bytes: bytes.length, sha256: createHash("sha256").update(bytes).digest("hex") };
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
