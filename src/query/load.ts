/**
 * Loading a graph folder (graph.json + documents.jsonl, as the build writes them) into memory for queries
 * and exports; the query commands read the folder's query index instead of graph.json when it matches. A missing folder or file gives GRAPH_MISSING, anything unreadable GRAPH_INVALID, both naming
 * the path, so the CLI can print one line.
 */
import { existsSync, readFileSync, statSync, type Stats } from "node:fs";
import { join, resolve } from "node:path";
import { MultiGraph } from "graphology";
import { NewsgraphError } from "../errors.js";
import { DOCUMENTS_FILE, GRAPH_FILE } from "../graph/write.js";
import type { DocumentRecord, EdgeAttributes, GraphAttributes, NewsGraph, NodeAttributes } from "../types.js";
import { isEntityType, isRelationType } from "../types.js";
import { IndexDamage, QUERY_INDEX_FILE, readQueryIndex, type IndexProblem } from "./index-file.js";
import type { IndexPayload } from "./index-payload.js";
import { IndexedGraph } from "./indexed-graph.js";
import type { DocumentTable } from "./indexed-documents.js";
import type { QueryGraph } from "./query-graph.js";

export { DOCUMENTS_FILE, GRAPH_FILE };

/** The folder every command reads unless told otherwise. */
export const DEFAULT_GRAPH_DIR = "graph-out";

/** A graph folder in memory: the graph (a graphology graph, or the read-only view of a query index) and its documents by id. */
export interface LoadedGraph<G extends QueryGraph = QueryGraph, D extends DocumentTable = DocumentTable> {
  /** Absolute path of the folder it was read from ("" when built in memory). */
  dir: string;
  graph: G;
  documents: D;
}

/** Read a graph folder into a graphology graph. Throws NewsgraphError GRAPH_MISSING / GRAPH_INVALID naming the path. */
export function loadGraph(dir: string = DEFAULT_GRAPH_DIR): LoadedGraph<NewsGraph, Map<string, DocumentRecord>> {
  return readGraphFolder(dir).loaded;
}

/**
 * As `loadGraph`, also giving graph.json's parsed JSON and its stat taken before it was read (the server
 * makes what it serves from them without parsing the file again).
 */
export function readGraphFolder(dir: string): { loaded: LoadedGraph<NewsGraph, Map<string, DocumentRecord>>; data: unknown; stats: Stats } {
  const { abs, graphPath } = graphFolder(dir);
  const stats = statSync(graphPath);
  const data = parseGraphJson(graphPath);
  return { loaded: { dir: abs, graph: graphFromJson(data, graphPath), documents: readDocuments(abs) }, data, stats };
}

/**
 * Read a graph folder for the query commands: from its query index when that was made from this very
 * graph.json (the same answers, without parsing graph.json), else as `loadGraph`. A damaged index is
 * reported through `onWarning` and graph.json is read instead.
 */
export function openGraph(dir: string = DEFAULT_GRAPH_DIR, onWarning?: (message: string) => void): LoadedGraph {
  const { abs, graphPath } = graphFolder(dir);
  const indexPath = join(abs, QUERY_INDEX_FILE);
  const index = existsSync(indexPath) ? readQueryIndex(indexPath, graphPath, join(abs, DOCUMENTS_FILE)) : undefined;
  const graph = index !== undefined && !("kind" in index) ? indexedGraph(index.payload) : index;
  if (graph instanceof IndexedGraph) {
    const documentsPath = join(abs, DOCUMENTS_FILE);
    const count = index !== undefined && "documents" in index ? index.documents : undefined;
    let documents = count === undefined ? undefined : graph.documents(documentsPath, count);
    // Read when a query first needs them (dates, titles): many never do.
    return {
      dir: abs,
      graph,
      get documents() {
        return (documents ??= readDocuments(abs));
      },
    };
  }
  if (graph?.kind === "damaged") onWarning?.(`${indexPath}: damaged query index (${graph.reason}); read ${GRAPH_FILE} instead (rebuild to repair)`);
  return loadGraph(dir);
}

/** The graph of an index's columns, or why not: a damaged section it reads at once (a later one fails the query that reads it, naming the file). */
function indexedGraph(payload: IndexPayload): IndexedGraph | IndexProblem {
  try {
    return new IndexedGraph(payload);
  } catch (err) {
    if (err instanceof IndexDamage) return { kind: "damaged", reason: err.reason };
    throw err;
  }
}

/** The absolute paths of a graph folder and its graph.json; GRAPH_MISSING when either is missing. */
function graphFolder(dir: string): { abs: string; graphPath: string } {
  const abs = resolve(dir);
  if (!existsSync(abs) || !statSync(abs).isDirectory()) {
    throw new NewsgraphError("GRAPH_MISSING", `no graph folder at ${dir} (run \`newsgraph build <inputs> --out ${dir}\` first)`, { path: abs });
  }
  const graphPath = join(abs, GRAPH_FILE);
  if (!existsSync(graphPath)) {
    throw new NewsgraphError("GRAPH_MISSING", `no ${GRAPH_FILE} in ${dir} (run \`newsgraph build <inputs> --out ${dir}\` first)`, { path: graphPath });
  }
  return { abs, graphPath };
}

/** Parse graph.json (GRAPH_INVALID naming the file when it is not JSON). */
function parseGraphJson(graphPath: string): unknown {
  try {
    return JSON.parse(readFileSync(graphPath, "utf8"));
  } catch (err) {
    throw new NewsgraphError("GRAPH_INVALID", `${graphPath}: not valid JSON (${(err as Error).message})`, { path: graphPath });
  }
}

/** The folder's documents.jsonl by id (none when it has no such file). */
function readDocuments(abs: string): Map<string, DocumentRecord> {
  const documentsPath = join(abs, DOCUMENTS_FILE);
  return existsSync(documentsPath) ? parseDocuments(readFileSync(documentsPath, "utf8"), documentsPath) : new Map<string, DocumentRecord>();
}

/** Wrap an in-memory graph (e.g. straight from the build) for the query functions. */
export function fromGraph(graph: NewsGraph, documents: Iterable<DocumentRecord> = []): LoadedGraph<NewsGraph, Map<string, DocumentRecord>> {
  return { dir: "", graph, documents: new Map([...documents].map((d) => [d.id, d])) };
}

/**
 * Check the shape of a serialized graph (`graph.export()`) and import it as a mixed multigraph. Only what
 * the queries rely on is checked; list attributes a producer left out are filled with empty lists.
 */
export function graphFromJson(data: unknown, source: string): NewsGraph {
  const invalid = (what: string): NewsgraphError => new NewsgraphError("GRAPH_INVALID", `${source}: ${what}`, { path: source });
  if (!isRecord(data) || !Array.isArray(data.nodes) || !Array.isArray(data.edges)) {
    throw invalid("not a serialized graph (expected {nodes: [...], edges: [...]})");
  }
  for (const [i, node] of data.nodes.entries()) {
    const attrs = isRecord(node) ? node.attributes : undefined;
    if (!isRecord(node) || typeof node.key !== "string" || !isRecord(attrs)) throw invalid(`node #${i} has no key or attributes`);
    if (typeof attrs.label !== "string" || typeof attrs.type !== "string" || !isEntityType(attrs.type)) {
      throw invalid(`node ${node.key} has no label or an unknown type`);
    }
    for (const list of ["aliases", "docs"]) if (!Array.isArray(attrs[list])) attrs[list] = [];
  }
  for (const [i, edge] of data.edges.entries()) {
    const attrs = isRecord(edge) ? edge.attributes : undefined;
    if (!isRecord(edge) || typeof edge.source !== "string" || typeof edge.target !== "string" || !isRecord(attrs)) {
      throw invalid(`edge #${i} has no source, target or attributes`);
    }
    if (typeof attrs.relation !== "string" || !isRelationType(attrs.relation)) {
      throw invalid(`edge #${i} (${edge.source} -> ${edge.target}) has an unknown relation`);
    }
    for (const list of ["docs", "evidence", "rules"]) if (!Array.isArray(attrs[list])) attrs[list] = [];
    if (typeof attrs.weight !== "number") attrs.weight = 1;
    attrs.negated = attrs.negated === true;
  }
  const graph: NewsGraph = new MultiGraph<NodeAttributes, EdgeAttributes, GraphAttributes>({ allowSelfLoops: true });
  try {
    graph.import(data as unknown as Parameters<NewsGraph["import"]>[0]);
  } catch (err) {
    throw invalid((err as Error).message);
  }
  return graph;
}

/** Parse documents.jsonl into a map by id; a bad line is GRAPH_INVALID naming file and line. */
export function parseDocuments(text: string, source: string): Map<string, DocumentRecord> {
  const documents = new Map<string, DocumentRecord>();
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw new NewsgraphError("GRAPH_INVALID", `${source}:${i + 1}: not valid JSON`, { path: source, line: i + 1 });
    }
    if (!isRecord(record) || typeof record.id !== "string") {
      throw new NewsgraphError("GRAPH_INVALID", `${source}:${i + 1}: document without an id`, { path: source, line: i + 1 });
    }
    documents.set(record.id, record as unknown as DocumentRecord);
  });
  return documents;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
