/**
 * The columns of the query index (what the query commands read of graph.json): one string table, typed
 * arrays for nodes and edges, each edge's evidence kept as unparsed JSON, and where each edge's line is in
 * evidence.jsonl. index-file.ts stores them in query-index.bin.
 */
import type { SerializedNewsGraph } from "../graph/assemble.js";
import type { GraphAttributes } from "../types.js";
import { keyTable } from "./key-table.js";

/** Lists of string or edge indices, one list per row: row i holds items[offsets[i] .. offsets[i + 1]). */
export interface IndexLists {
  offsets: Int32Array;
  items: Int32Array;
}

/** Lists for `rows` rows of `items` items in all, to be filled row by row by appendRow. */
const emptyLists = (rows: number, items: number): IndexLists => ({ offsets: new Int32Array(rows + 1), items: new Int32Array(items) });

/** The number of items of the lists `list` gives of each row. */
function itemCount<T>(rows: readonly T[], list: (row: T) => readonly unknown[] | undefined): number {
  let n = 0;
  for (const row of rows) n += list(row)?.length ?? 0;
  return n;
}

/**
 * Strings as one string of Latin-1 characters (stored one byte each): string i is text.slice(at[i], at[i + 1])
 * (a slice is not a copy). The few strings with other characters are in `wide` by index, their slice empty.
 */
export interface PackedText {
  text: string;
  at: Int32Array;
  wide: [number, string][];
}

/** Bytes that decode by range (a Buffer; read from the index, its blocks are read when first decoded). */
export interface ByteText {
  toString(encoding: "utf8" | "latin1", start: number, end: number): string;
}

/** Strings as one UTF-8 buffer: string i is bytes[at[i] .. at[i + 1]), decoded only when read. */
export interface PackedBytes {
  bytes: ByteText;
  at: Int32Array;
}

/** Strings as one Latin-1 buffer: string i is bytes[at[i] .. at[i + 1]), or `wide` by index when it has other characters. */
export interface PackedKeys {
  bytes: ByteText;
  at: Int32Array;
  wide: [number, string][];
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
    /** The nodes by key (key-table.ts). */
    slots: Int32Array;
  };
  edges: {
    /** Edge i's key (edge keys are most of a graph's text: kept apart, read by range). */
    keys: PackedKeys;
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
    /** The edges by key (key-table.ts). */
    slots: Int32Array;
  };
  /** Where each edge's line is in the folder's evidence.jsonl (absent in an index written without it). */
  sidecar?: SidecarLines;
  /** Where each line of the folder's documents.jsonl is, with the id of its document (absent in an index written without it). */
  documents?: { id: Int32Array; start: Float64Array; end: Float64Array };
}

/** The lines of a documents.jsonl: line i holds the document ids[i] at bytes [start[i], end[i]) (no newline). */
export interface DocumentLines {
  ids: string[];
  start: number[];
  end: number[];
}

/** Records where the lines of a documents.jsonl are, as the build writes them, for the query index. */
export class DocumentLinesWriter {
  readonly lines: DocumentLines = { ids: [], start: [], end: [] };
  private bytes = 0;

  /** Note that the line of document `id`, `text` (ending in a newline), is written next; returns `text`. */
  add(id: string, text: string): string {
    this.lines.ids.push(id);
    this.lines.start.push(this.bytes);
    this.bytes += Buffer.byteLength(text, "utf8");
    this.lines.end.push(this.bytes - 1);
    return text;
  }
}

/**
 * The lines of an evidence.jsonl by edge: edge i's line is bytes [start[i], end[i]) (no newline) and is line
 * `line[i]` (1-based) of the file, 0 when the edge has none. `bytes` is the file's size.
 */
export interface SidecarLines {
  bytes: number;
  start: Float64Array;
  end: Float64Array;
  line: Int32Array;
}

/** Records where the lines of an evidence.jsonl are, as the build writes them, for the query index. */
export class SidecarLinesWriter {
  readonly lines: SidecarLines;
  private count = 0;

  constructor(edges: number) {
    this.lines = { bytes: 0, start: new Float64Array(edges), end: new Float64Array(edges), line: new Int32Array(edges) };
  }

  /** Note that edge `edge`'s line, `text` (ending in a newline), is written next; returns `text`. */
  add(edge: number, text: string): string {
    const { lines } = this;
    lines.start[edge] = lines.bytes;
    lines.bytes += Buffer.byteLength(text, "utf8");
    lines.end[edge] = lines.bytes - 1;
    lines.line[edge] = ++this.count;
    return text;
  }
}

/**
 * The columns of a serialized graph (and of its evidence.jsonl and documents.jsonl, when given their lines).
 * The edges' evidence lists are serialized here unless given (as `encodeGraphEdges` keeps them).
 */
export function indexPayload(graph: SerializedNewsGraph, sidecar?: SidecarLines, documents?: DocumentLines, evidenceJson?: PackedBytes): IndexPayload {
  const table = new Map<string, number>();
  const str = (s: string): number => {
    let i = table.get(s);
    if (i === undefined) table.set(s, (i = table.size));
    return i;
  };
  const optional = (s: string | undefined): number => (s === undefined ? ABSENT : str(s));
  const n = graph.nodes.length;
  const m = graph.edges.length;
  const nodeIndex = new Map<string, number>();
  const nodes: IndexPayload["nodes"] = {
    key: new Int32Array(n),
    label: new Int32Array(n),
    type: new Int32Array(n),
    mentions: new Float64Array(n),
    community: communityColumn(graph.nodes),
    firstSeen: new Int32Array(n),
    lastSeen: new Int32Array(n),
    aliases: emptyLists(n, itemCount(graph.nodes, (node) => node.attributes!.aliases)),
    docs: emptyLists(n, itemCount(graph.nodes, (node) => node.attributes!.docs)),
    hasRoles: new Uint8Array(n),
    roles: emptyLists(n, itemCount(graph.nodes, (node) => node.attributes!.roles)),
    slots: keyTable(graph.nodes.map((node) => node.key)),
  };
  graph.nodes.forEach(({ key, attributes }, i) => {
    const a = attributes!;
    nodeIndex.set(key, i);
    nodes.key[i] = str(key);
    nodes.label[i] = str(a.label);
    nodes.type[i] = str(a.type);
    nodes.mentions[i] = a.mentions;
    nodes.firstSeen[i] = optional(a.firstSeen);
    nodes.lastSeen[i] = optional(a.lastSeen);
    nodes.hasRoles[i] = a.roles === undefined ? 0 : 1;
    appendRow(nodes.aliases, i, a.aliases, str);
    appendRow(nodes.docs, i, a.docs, str);
    appendRow(nodes.roles, i, a.roles ?? [], str);
  });

  const evidence: string[] = [];
  const serializeEvidence = evidenceJson === undefined;
  const edgeKeys = graph.edges.map((edge) => edge.key!);
  const edges: IndexPayload["edges"] = {
    keys: packKeys(edgeKeys),
    source: new Int32Array(m),
    target: new Int32Array(m),
    undirected: new Uint8Array(m),
    relation: new Int32Array(m),
    negated: new Uint8Array(m),
    predicate: new Int32Array(m),
    weight: new Float64Array(m),
    docs: emptyLists(m, itemCount(graph.edges, (edge) => edge.attributes!.docs)),
    rules: emptyLists(m, itemCount(graph.edges, (edge) => edge.attributes!.rules)),
    modality: new Int32Array(m),
    confidence: new Float64Array(m),
    inferred: new Int8Array(m),
    attributedTo: new Int32Array(m),
    evidence: { bytes: new Uint8Array(0), at: new Int32Array(0) },
    slots: keyTable(edgeKeys),
  };
  graph.edges.forEach(({ source, target, undirected, attributes }, e) => {
    const a = attributes!;
    edges.source[e] = nodeIndex.get(source) ?? ABSENT;
    edges.target[e] = nodeIndex.get(target) ?? ABSENT;
    edges.undirected[e] = undirected ? 1 : 0;
    edges.relation[e] = str(a.relation);
    edges.negated[e] = a.negated ? 1 : 0;
    edges.predicate[e] = str(a.predicate);
    edges.weight[e] = a.weight;
    appendRow(edges.docs, e, a.docs, str);
    appendRow(edges.rules, e, a.rules, str);
    edges.modality[e] = optional(a.modality);
    edges.confidence[e] = a.confidence ?? NaN;
    edges.inferred[e] = a.inferred === undefined ? ABSENT : a.inferred ? 1 : 0;
    edges.attributedTo[e] = optional(a.attributedTo);
    if (serializeEvidence) evidence.push(JSON.stringify(a.evidence));
  });
  edges.evidence = evidenceJson ?? packBytes(evidence);

  const documentColumns = documents && { id: new Int32Array(documents.ids.map(str)), start: new Float64Array(documents.start), end: new Float64Array(documents.end) };
  return {
    attributes: graph.attributes as GraphAttributes,
    strings: packText([...table.keys()]),
    nodes,
    edges,
    ...(sidecar && { sidecar }),
    ...(documentColumns && { documents: documentColumns }),
  };
}

/**
 * The community column of a graph's nodes: the layout sets their communities, so a build that makes the
 * other columns while the layout runs makes this one again after.
 */
export function communityColumn(nodes: SerializedNewsGraph["nodes"]): Float64Array {
  return Float64Array.from(nodes, (node) => node.attributes!.community ?? NaN);
}

/** Characters a Latin-1 string may not hold. */
const NOT_LATIN1 = /[^\u0000-\u00ff]/;

function packText(strings: readonly string[]): PackedText {
  const { narrow, wide } = latin1Apart(strings);
  return { text: narrow.join(""), at: offsets(narrow, (s) => s.length), wide };
}

function packKeys(strings: readonly string[]): PackedKeys {
  const { narrow, wide } = latin1Apart(strings);
  return { bytes: Buffer.from(narrow.join(""), "latin1"), at: offsets(narrow, (s) => s.length), wide };
}

/** The strings with those that are not Latin-1 emptied, and those apart by index. */
function latin1Apart(strings: readonly string[]): { narrow: string[]; wide: [number, string][] } {
  const wide: [number, string][] = [];
  const narrow = strings.map((s, i) => (NOT_LATIN1.test(s) ? (wide.push([i, s]), "") : s));
  return { narrow, wide };
}

/** Add row `row` of lists (the rows before it added): its items' string indices, and where the row ends. */
function appendRow(lists: IndexLists, row: number, values: readonly string[], str: (s: string) => number): void {
  let at = lists.offsets[row]!;
  for (const value of values) lists.items[at++] = str(value);
  lists.offsets[row + 1] = at;
}

/** Where each of `strings` starts in their concatenation (in the units `length` counts), and where the last ends. */
function offsets(strings: readonly string[], length: (s: string) => number): Int32Array {
  const at = new Int32Array(strings.length + 1);
  strings.forEach((s, i) => (at[i + 1] = at[i]! + length(s)));
  return at;
}

function packBytes(strings: readonly string[]): PackedBytes {
  return { bytes: Buffer.from(strings.join(""), "utf8"), at: offsets(strings, (s) => Buffer.byteLength(s, "utf8")) };
}
