/**
 * A QueryGraph over the columns of a query index (index-file.ts): node and edge attributes are read from
 * the columns only when a query asks for them (an edge's evidence is parsed only then), keys are looked up in
 * the index's hash tables (key-table.ts), and the edges of each node are listed once at load (a counting pass
 * over the edge columns). Answers are those of the graphology graph imported from the same graph.json.
 */
import type { EvidenceLineIndex } from "../graph/write.js";
import type { EntityType, Evidence, GraphAttributes, Modality, RelationType } from "../types.js";
import { IndexedDocuments, type DocumentTable } from "./indexed-documents.js";
import { lookupKey } from "./key-table.js";
import type { RelationCount } from "./stats.js";
import { ABSENT, type IndexLists, type IndexPayload, type PackedBytes, type PackedKeys, type PackedText } from "./index-payload.js";
import type { QueryEdgeAttributes, QueryGraph, QueryNodeAttributes } from "./query-graph.js";

export class IndexedGraph implements QueryGraph {
  /** The edge last handed out and the node last looked up (queries look each up again at once, often many times). */
  private lastEdgeKey: string | undefined;
  private lastEdgeIndex = -1;
  private lastNodeKey: string | undefined;
  private lastNodeIndex = -1;
  /** The edges of each node, in edge order (a self-loop once). */
  private readonly incident: IndexLists;

  private readonly columns: Columns;

  constructor(private readonly index: IndexPayload) {
    this.columns = { index, strings: new StringTable(index.strings), edgeKeys: new KeyTable(index.edges.keys), evidence: new EvidenceTable(index.edges.evidence) };
    this.incident = incidentEdges(index.nodes.key.length, index.edges.source, index.edges.target);
  }

  get order(): number {
    return this.index.nodes.key.length;
  }

  get size(): number {
    return this.index.edges.source.length;
  }

  getAttribute<Name extends keyof GraphAttributes>(name: Name): GraphAttributes[Name] {
    return this.index.attributes[name];
  }

  hasNode(node: string): boolean {
    return lookupKey(this.index.nodes.slots, node, (i) => this.nodeKey(i)) >= 0;
  }

  getNodeAttributes(node: string): QueryNodeAttributes {
    return this.nodeAttributes(this.node(node));
  }

  forEachNode(callback: (node: string, attributes: QueryNodeAttributes) => void): void {
    for (let i = 0; i < this.order; i++) callback(this.nodeKey(i), this.nodeAttributes(i));
  }

  mapNodes<T>(callback: (node: string, attributes: QueryNodeAttributes) => T): T[] {
    const out: T[] = [];
    this.forEachNode((node, attributes) => out.push(callback(node, attributes)));
    return out;
  }

  neighbors(node: string): string[] {
    const i = this.node(node);
    const seen = new Set<string>();
    this.forIncident(i, (e) => seen.add(this.nodeKey(this.otherEnd(e, i))));
    return [...seen];
  }

  forEachEdge(callback: (edge: string, attributes: QueryEdgeAttributes, source: string, target: string) => void): void;
  forEachEdge(node: string, callback: (edge: string, attributes: QueryEdgeAttributes) => void): void;
  forEachEdge(
    nodeOrCallback: string | ((edge: string, attributes: QueryEdgeAttributes, source: string, target: string) => void),
    callback?: (edge: string, attributes: QueryEdgeAttributes) => void,
  ): void {
    const { source, target } = this.index.edges;
    if (typeof nodeOrCallback === "string") {
      this.forIncident(this.node(nodeOrCallback), (e) => callback!(this.edgeKey(e), this.edgeAttributes(e)));
      return;
    }
    for (let e = 0; e < this.size; e++) nodeOrCallback(this.edgeKey(e), this.edgeAttributes(e), this.nodeKey(source[e]!), this.nodeKey(target[e]!));
  }

  getEdgeAttributes(edge: string): QueryEdgeAttributes {
    return this.edgeAttributes(this.edge(edge));
  }

  getEdgeAttribute<Name extends keyof QueryEdgeAttributes>(edge: string, name: Name): QueryEdgeAttributes[Name] {
    return this.edgeAttributes(this.edge(edge))[name];
  }

  source(edge: string): string {
    return this.nodeKey(this.index.edges.source[this.edge(edge)]!);
  }

  opposite(node: string, edge: string): string {
    return this.nodeKey(this.otherEnd(this.edge(edge), this.node(node)));
  }

  isUndirected(edge: string): boolean {
    return this.index.edges.undirected[this.edge(edge)] === 1;
  }

  /**
   * For each node in order, how many distinct other nodes its edges reach: `all`, and `counted` over the
   * edges whose relation `counts` (counted on the columns, without a set per node).
   */
  distinctNeighborCounts(counts: (relation: string) => boolean): { all: Int32Array; counted: Int32Array } {
    const n = this.order;
    const all = new Int32Array(n);
    const counted = new Int32Array(n);
    // seen[o] === i when node o was already counted for node i (and seenCounted likewise).
    const seen = new Int32Array(n).fill(-1);
    const seenCounted = new Int32Array(n).fill(-1);
    const relation = this.index.edges.relation;
    const countsRelation = new Map<number, boolean>();
    for (let i = 0; i < n; i++) {
      this.forIncident(i, (e) => {
        const o = this.otherEnd(e, i);
        if (o === i) return;
        if (seen[o] !== i) {
          seen[o] = i;
          all[i]!++;
        }
        let c = countsRelation.get(relation[e]!);
        if (c === undefined) countsRelation.set(relation[e]!, (c = counts(this.columns.strings.get(relation[e]!))));
        if (c && seenCounted[o] !== i) {
          seenCounted[o] = i;
          counted[i]!++;
        }
      });
    }
    return { all, counted };
  }

  /** The edges, negated edges and summed weight of each relation, in edge order (as stats.ts counts them, on the columns). */
  relationCounts(): Map<RelationType, RelationCount> {
    const { relation, negated, weight } = this.index.edges;
    const counts = new Map<number, RelationCount>();
    for (let e = 0; e < relation.length; e++) {
      let count = counts.get(relation[e]!);
      if (count === undefined) counts.set(relation[e]!, (count = { relation: this.columns.strings.get(relation[e]!) as RelationType, edges: 0, negated: 0, weight: 0 }));
      count.edges += 1;
      count.weight += weight[e]!;
      if (negated[e] === 1) count.negated += 1;
    }
    return new Map([...counts.values()].map((count) => [count.relation, count]));
  }

  /** The documents of the folder's documents.jsonl at `path` (`count` distinct ids), when the index locates its lines. */
  documents(path: string, count: number): DocumentTable | undefined {
    const lines = this.index.documents;
    return lines && new IndexedDocuments(path, lines, (s) => this.columns.strings.get(s), count);
  }

  /** Where the edges' lines are in the folder's evidence.jsonl, when the index records it. */
  evidenceLines(): EvidenceLineIndex | undefined {
    const lines = this.index.sidecar;
    if (!lines) return undefined;
    return {
      bytes: lines.bytes,
      locate: (edge) => {
        const e = this.edge(edge);
        return lines.line[e] === 0 ? undefined : { start: lines.start[e]!, end: lines.end[e]!, line: lines.line[e]! };
      },
    };
  }

  private node(key: string): number {
    if (key === this.lastNodeKey) return this.lastNodeIndex;
    const i = lookupKey(this.index.nodes.slots, key, (row) => this.nodeKey(row));
    if (i < 0) throw new Error(`no node ${key} in the query index`);
    this.lastNodeKey = key;
    this.lastNodeIndex = i;
    return i;
  }

  private edge(key: string): number {
    if (key === this.lastEdgeKey) return this.lastEdgeIndex;
    const i = lookupKey(this.index.edges.slots, key, (row) => this.columns.edgeKeys.get(row));
    if (i < 0) throw new Error(`no edge ${key} in the query index`);
    return i;
  }

  private nodeKey(i: number): string {
    return this.columns.strings.get(this.index.nodes.key[i]!);
  }

  /** The key of edge `e`, remembered as the last edge handed out (queries look it up again at once). */
  private edgeKey(e: number): string {
    const key = this.columns.edgeKeys.get(e);
    this.lastEdgeKey = key;
    this.lastEdgeIndex = e;
    return key;
  }

  private otherEnd(e: number, node: number): number {
    const { source, target } = this.index.edges;
    return source[e] === node ? target[e]! : source[e]!;
  }

  private forIncident(node: number, visit: (edge: number) => void): void {
    const { offsets, items } = this.incident;
    for (let k = offsets[node]!; k < offsets[node + 1]!; k++) visit(items[k]!);
  }

  private nodeAttributes(i: number): QueryNodeAttributes {
    return new IndexedNode(this.columns, i);
  }

  private edgeAttributes(e: number): QueryEdgeAttributes {
    return new IndexedEdge(this.columns, e);
  }
}

/** The strings of the index's string table (a non-Latin-1 one has an empty slice and is looked up apart). */
class StringTable {
  private readonly text: string;
  private readonly at: Int32Array;
  private readonly wide: Map<number, string>;

  constructor(packed: PackedText) {
    this.text = packed.text;
    this.at = packed.at;
    this.wide = new Map(packed.wide);
  }

  get(i: number): string {
    const start = this.at[i]!;
    const end = this.at[i + 1]!;
    return start === end ? (this.wide.get(i) ?? "") : this.text.slice(start, end);
  }
}

/** The keys of the edges, decoded from their Latin-1 bytes when read (the few others apart). */
class KeyTable {
  private wide: Map<number, string> | undefined;

  constructor(private readonly packed: PackedKeys) {}

  get(i: number): string {
    const { bytes, at } = this.packed;
    const start = at[i]!;
    const end = at[i + 1]!;
    return start === end ? ((this.wide ??= new Map(this.packed.wide)).get(i) ?? "") : bytes.toString("latin1", start, end);
  }
}

/** The JSON texts of the edges' evidence, decoded from UTF-8 when read (the column itself read on first use). */
class EvidenceTable {
  constructor(private readonly packed: PackedBytes) {}

  get(edge: number): string {
    const { bytes, at } = this.packed;
    return bytes.toString("utf8", at[edge]!, at[edge + 1]!);
  }
}

/** What the attribute views read: the index and its decoded strings. */
interface Columns {
  index: IndexPayload;
  strings: StringTable;
  edgeKeys: KeyTable;
  evidence: EvidenceTable;
}

/** The items of one row of index lists, as strings. */
function listAt(columns: Columns, lists: IndexLists, row: number): string[] {
  const out: string[] = [];
  for (let k = lists.offsets[row]!; k < lists.offsets[row + 1]!; k++) out.push(columns.strings.get(lists.items[k]!));
  return out;
}

/** A string column's value, undefined when ABSENT. */
function optionalString(columns: Columns, s: number): string | undefined {
  return s === ABSENT ? undefined : columns.strings.get(s);
}

/** The attributes of one node, read from the columns when asked for (a query reads two or three of them). */
class IndexedNode implements QueryNodeAttributes {
  constructor(
    private readonly c: Columns,
    private readonly i: number,
  ) {}

  get label(): string {
    return this.c.strings.get(this.c.index.nodes.label[this.i]!);
  }
  get type(): EntityType {
    return this.c.strings.get(this.c.index.nodes.type[this.i]!) as EntityType;
  }
  get aliases(): string[] {
    return listAt(this.c, this.c.index.nodes.aliases, this.i);
  }
  get mentions(): number {
    return this.c.index.nodes.mentions[this.i]!;
  }
  get docs(): string[] {
    return listAt(this.c, this.c.index.nodes.docs, this.i);
  }
  get firstSeen(): string | undefined {
    return optionalString(this.c, this.c.index.nodes.firstSeen[this.i]!);
  }
  get lastSeen(): string | undefined {
    return optionalString(this.c, this.c.index.nodes.lastSeen[this.i]!);
  }
  get roles(): string[] | undefined {
    return this.c.index.nodes.hasRoles[this.i] === 1 ? listAt(this.c, this.c.index.nodes.roles, this.i) : undefined;
  }
  get community(): number | undefined {
    const community = this.c.index.nodes.community[this.i]!;
    return Number.isNaN(community) ? undefined : community;
  }
}

/** The attributes of one edge, read from the columns when asked for; its evidence is parsed on each read. */
class IndexedEdge implements QueryEdgeAttributes {
  constructor(
    private readonly c: Columns,
    private readonly e: number,
  ) {}

  get relation(): RelationType {
    return this.c.strings.get(this.c.index.edges.relation[this.e]!) as RelationType;
  }
  get negated(): boolean {
    return this.c.index.edges.negated[this.e] === 1;
  }
  get predicate(): string {
    return this.c.strings.get(this.c.index.edges.predicate[this.e]!);
  }
  get weight(): number {
    return this.c.index.edges.weight[this.e]!;
  }
  get docs(): string[] {
    return listAt(this.c, this.c.index.edges.docs, this.e);
  }
  get rules(): string[] {
    return listAt(this.c, this.c.index.edges.rules, this.e);
  }
  get evidence(): Evidence[] {
    return JSON.parse(this.c.evidence.get(this.e)) as Evidence[];
  }
  get modality(): Modality | undefined {
    return optionalString(this.c, this.c.index.edges.modality[this.e]!) as Modality | undefined;
  }
  get confidence(): number | undefined {
    const confidence = this.c.index.edges.confidence[this.e]!;
    return Number.isNaN(confidence) ? undefined : confidence;
  }
  get inferred(): boolean | undefined {
    const inferred = this.c.index.edges.inferred[this.e];
    return inferred === ABSENT ? undefined : inferred === 1;
  }
  get attributedTo(): string | undefined {
    return optionalString(this.c, this.c.index.edges.attributedTo[this.e]!);
  }
}

/** The edges of each of `order` nodes, in edge order, a self-loop listed once: a counting sort of the ends. */
function incidentEdges(order: number, source: Int32Array, target: Int32Array): IndexLists {
  const offsets = new Int32Array(order + 1);
  for (let e = 0; e < source.length; e++) {
    offsets[source[e]! + 1] += 1;
    if (target[e] !== source[e]) offsets[target[e]! + 1] += 1;
  }
  for (let i = 0; i < order; i++) offsets[i + 1] += offsets[i]!;
  const fill = offsets.slice(0, order);
  const items = new Int32Array(offsets[order]!);
  for (let e = 0; e < source.length; e++) {
    items[fill[source[e]!]!++] = e;
    if (target[e] !== source[e]) items[fill[target[e]!]!++] = e;
  }
  return { offsets, items };
}
