/**
 * The build pipeline: stream the corpus, extract each document on all cores (or take its extraction from
 * the graph folder's cache), group duplicate stories, resolve entities across documents, assemble the
 * graph, lay it out (on a thread of its own, while the other files are written), and write the graph
 * folder atomically. Texts are spooled to a temporary file rather than held in memory. The result depends only on the inputs: the worker count and the cache change the
 * speed, never a byte of graph.json. Progress and warnings go to callbacks so the library never prints.
 */
import { basename, join, resolve } from "node:path";
import { groupStories, type DedupOptions } from "../corpus/dedup.js";
import { listInputs, readDocuments, type ReadOptions } from "../corpus/read.js";
import { documentRecord } from "../extract/index.js";
import { confidenceFilter } from "../extract/relations/decide.js";
import { loadRelationThresholds } from "../extract/relations/relation-model.js";
import { assembleSerializedGraph, ASSEMBLE_DEFAULTS, planGraph, type SerializedNewsGraph } from "../graph/assemble.js";
import { applyLayout, layoutInput } from "../graph/layout.js";
import { readUserAliases, resolveCorpus, type UserAliases } from "../graph/resolve-corpus.js";
import { DOCUMENTS_FILE, encodeGraphEdges, EVIDENCE_FILE, EvidenceLines, FolderWriter, GRAPH_FILE, MERGES_FILE, TEXTS_FILE, writeEncodedGraph, type StreamedFile } from "../graph/write.js";
import { encodeQueryIndex, QUERY_INDEX_FILE, recordIndexStats } from "../query/index-file.js";
import { communityColumn, DocumentLinesWriter, indexPayload, SidecarLinesWriter, type SidecarLines } from "../query/index-payload.js";
import { echoInput, NewsgraphError } from "../errors.js";
import { makeFolder, outputError } from "../graph/folder.js";
import type { Document, DocumentRecord, EntityType, Evidence, RelationType } from "../types.js";
import { appendCache, cacheUpdate, CACHE_FILE, readCache, type CacheContents } from "./cache.js";
import { countDocuments, estimateTotal } from "./count.js";
import { readEntry, type DocumentWork } from "./extract-work.js";
import { EXTRACTOR_VERSION } from "./extractor-version.js";
import { createExtractionPool, defaultWorkers, type ExtractionPool } from "./pool.js";
import { startLayoutThread } from "./layout-thread.js";
import { LineSpool } from "./spool.js";
import type { StageClock } from "./stage-clock.js";
import { lockFolder, removeStaleFiles } from "./build-lock.js";
import { sumLimits, type BuildLimits } from "./limits-summary.js";

export interface BuildProgress {
  /** Documents read and extracted (or taken from the cache) so far. */
  done: number;
  /** Documents the inputs hold, when known. */
  total?: number;
  /** The stage running after extraction ("resolve", "layout", "write"); absent while extracting. */
  stage?: "resolve" | "assemble" | "layout" | "write";
}

export interface BuildOptions {
  /** Output folder. */
  out?: string;
  /** Warn and skip bad files or JSONL lines instead of failing. */
  skipBad?: boolean;
  /** User alias file (forced merges and splits). */
  aliases?: string;
  /** Graph name; defaults to the first input's base name. */
  name?: string;
  /** Extraction threads; 1 extracts in process. Default: one per core. */
  workers?: number;
  /** Reuse and update the extraction cache of the output folder. */
  cache?: boolean;
  /** Evidence items per edge kept in graph.json (all of them go to evidence.jsonl). */
  evidenceCap?: number;
  /**
   * One minimum confidence for the edges of every relation type the classifier scores; by default each
   * type's own, chosen on dev data (src/nlp/models/relations.json). Edges without a confidence stay.
   */
  minConfidence?: number;
  /** ForceAtlas2 iterations; by default chosen from the graph size. */
  layoutIterations?: number;
  /** Near-duplicate story detection settings. */
  dedup?: DedupOptions;
  /** Wait for another build writing the output folder to finish, instead of failing with OUT_LOCKED. */
  wait?: boolean;
  /** Called once, with the other build's PID, when the build waits for the output folder. */
  onWait?: (holder: number) => void;
  /** Called as documents are extracted and when a later stage starts. */
  onProgress?: (progress: BuildProgress) => void;
  /** Times the stages of extraction in process (with `workers: 1`; threads do not report to it). */
  clock?: StageClock;
  onWarning?: (message: string) => void;
}

export const BUILD_DEFAULTS = {
  out: "graph-out",
  cache: true,
  evidenceCap: ASSEMBLE_DEFAULTS.evidenceCap,
  /** Documents per batch sent to a worker, and the most characters a batch gathers. */
  batchDocuments: 16,
  batchChars: 100_000,
  /** Batches in flight per worker (bounds the texts held in memory). */
  batchesPerWorker: 3,
} as const;

/** Milliseconds spent in each stage; the layout runs on a thread of its own during the write stage. */
export interface StageTimes {
  extract: number;
  resolve: number;
  assemble: number;
  layout: number;
  write: number;
}

export interface BuildSummary {
  out: string;
  documents: number;
  /** UTF-8 bytes of the documents' texts. */
  bytes: number;
  nodes: number;
  edges: number;
  entitiesByType: Partial<Record<EntityType, number>>;
  relationsByType: Partial<Record<RelationType, number>>;
  merges: number;
  /** Independent stories (exact and near duplicates counted once). */
  stories: number;
  exactDuplicates: number;
  nearDuplicates: number;
  /** Distinct texts extracted in this build, and distinct texts taken from the folder's cache. */
  extracted: number;
  cached: number;
  /** Extraction threads used (1 = in process). */
  workers: number;
  /**
   * What the bounds on the work of one document cut, summed over the documents (src/extract/limits.ts),
   * with the number of documents analysed in slices; zero counts are left out.
   */
  limits: BuildLimits;
  stages: StageTimes;
  ms: number;
}

/** Count nodes by type and edges by relation. */
export function countGraph(graph: SerializedNewsGraph): Pick<BuildSummary, "entitiesByType" | "relationsByType"> {
  const entitiesByType: Partial<Record<EntityType, number>> = {};
  const relationsByType: Partial<Record<RelationType, number>> = {};
  for (const { attributes: a } of graph.nodes) if (a) entitiesByType[a.type] = (entitiesByType[a.type] ?? 0) + 1;
  for (const { attributes: a } of graph.edges) if (a) relationsByType[a.relation] = (relationsByType[a.relation] ?? 0) + 1;
  return { entitiesByType, relationsByType };
}

interface Pending {
  index: number;
  record: DocumentRecord;
}

/**
 * Write evidence.jsonl, the full evidence of the edges whose list graph.json caps, and say where each
 * edge's line is. A function of its own so that the serialized items it shares die with it.
 */
function writeEvidence(file: StreamedFile, graph: SerializedNewsGraph, evidence: Evidence[][]): SidecarLines {
  const lines = new EvidenceLines();
  const sidecarLines = new SidecarLinesWriter(graph.edges.length);
  graph.edges.forEach(({ key, attributes }, i) => {
    if (evidence[i]!.length > attributes!.evidence.length) file.write(sidecarLines.add(i, lines.line(key!, evidence[i]!)));
  });
  return sidecarLines.lines;
}

/**
 * Build a graph folder from article files and folders. The folder is locked while the build writes it
 * (OUT_LOCKED when another build holds it, unless `wait`); a build that reads no document fails with
 * INPUT_NONE and leaves the folder as it was.
 */
export async function build(inputs: string[], options: BuildOptions = {}, now: () => number = () => performance.now()): Promise<BuildSummary> {
  const out = resolve(options.out ?? BUILD_DEFAULTS.out);
  const workers = options.workers ?? defaultWorkers();
  if (!Number.isInteger(workers) || workers < 1) throw new NewsgraphError("BAD_ARGUMENT", `--workers must be a positive integer (got ${workers})`);
  const aliases = options.aliases ? readUserAliases(options.aliases) : undefined;
  listInputs(inputs); // a missing or unsupported input fails before the output folder is touched
  makeFolder(out);
  const release = await lockFolder(out, { wait: options.wait ?? false, ...(options.onWait ? { onWait: options.onWait } : {}) });
  try {
    const removed = removeStaleFiles(out);
    if (removed > 0) options.onWarning?.(`removed ${removed} temporary file${removed === 1 ? "" : "s"} that a stopped build left in ${out}`);
    return await buildInto(out, inputs, options, workers, aliases, now);
  } finally {
    release();
  }
}

/** The build proper, into a folder that exists and is locked. */
async function buildInto(
  out: string,
  inputs: string[],
  options: BuildOptions,
  workers: number,
  aliases: UserAliases | undefined,
  now: () => number,
): Promise<BuildSummary> {
  const t0 = now();
  const useCache = options.cache ?? BUILD_DEFAULTS.cache;
  const counted = options.onProgress ? countDocuments(inputs) : undefined;
  // Records of gzipped JSONL files are estimated from the compressed bytes read so far.
  let gzRead = 0;
  let gzDocuments = 0;
  const progress = (p: BuildProgress) => options.onProgress?.(counted === undefined ? p : { ...p, total: estimateTotal(counted, gzDocuments, gzRead) });
  const readOptions: ReadOptions = { skipBad: options.skipBad ?? false, ...(options.onWarning ? { onWarning: options.onWarning } : {}) };
  if (counted && counted.gzBytes > 0) readOptions.onCompressedRead = (n) => (gzRead += n);

  const writer = new FolderWriter(out);
  const spool = new LineSpool(join(out, `.texts.spool-${process.pid}`));
  let pool: ExtractionPool | undefined;
  const layoutThread = startLayoutThread();
  try {
    // 1. Stream documents: cached entries are used at once, the others go to the pool in batches.
    const cache: CacheContents = useCache ? readCache(out, EXTRACTOR_VERSION) : { get: () => undefined, size: 0, appendable: false };
    /** Entries of the texts extracted in this build. */
    const fresh = new Map<string, string>();
    const works: DocumentWork[] = [];
    const waiting = new Map<string, Pending[]>();
    const inFlight = new Set<Promise<void>>();
    let batch: Document[] = [];
    let batchChars = 0;
    let done = 0;
    let bytes = 0;
    const finish = (index: number, entry: string, record: DocumentRecord) => {
      works[index] = readEntry(entry, record);
      progress({ done: ++done });
    };
    /** Send the batch to the pool, started by the first batch sent; fewer new documents than threads (as
     * when one article is added) are extracted in process, sooner than threads could load the models. */
    const send = (last = false) => {
      if (batch.length === 0) return;
      const docs = batch;
      batch = [];
      batchChars = 0;
      pool ??= createExtractionPool(last && docs.length < workers ? 1 : workers, options.clock);
      const job = pool.extract(docs).then((results) => {
        docs.forEach((doc, i) => {
          fresh.set(doc.sha256, results[i]!);
          for (const p of waiting.get(doc.sha256) ?? []) finish(p.index, results[i]!, p.record);
          waiting.delete(doc.sha256);
        });
      });
      const tracked: Promise<void> = job.finally(() => inFlight.delete(tracked));
      inFlight.add(tracked);
      tracked.catch(() => undefined); // failures surface through the awaits below
    };
    let index = 0;
    for await (const doc of readDocuments(inputs, readOptions)) {
      const i = index++;
      if (readOptions.onCompressedRead && /\.gz:\d+$/.test(doc.path)) gzDocuments++;
      spool.push(JSON.stringify(doc.text));
      bytes += Buffer.byteLength(doc.text);
      const record = documentRecord(doc);
      const entry = fresh.get(doc.sha256) ?? cache.get(doc.sha256);
      if (entry !== undefined) {
        finish(i, entry, record);
        continue;
      }
      const queued = waiting.get(doc.sha256);
      if (queued) {
        queued.push({ index: i, record });
        continue;
      }
      waiting.set(doc.sha256, [{ index: i, record }]);
      batch.push(doc);
      batchChars += doc.text.length;
      // A first document large enough to fill a batch waits for a second: if none comes, it is extracted
      // in process, without copying it to a thread that loads the models for that one document.
      const full = batchChars >= BUILD_DEFAULTS.batchChars && (pool !== undefined || batch.length > 1);
      if (batch.length >= BUILD_DEFAULTS.batchDocuments || full) {
        send();
        while (inFlight.size >= workers * BUILD_DEFAULTS.batchesPerWorker) await Promise.race(inFlight);
      }
    }
    if (index === 0) {
      throw new NewsgraphError("INPUT_NONE", `no document was read from ${echoInput(inputs.join(", "))} (every input was skipped); ${out} was left as it was`, { inputs });
    }
    send(true);
    while (inFlight.size > 0) await Promise.race(inFlight);
    await pool?.close();
    const usedWorkers = pool?.workers ?? 1;
    // Extraction keeps every edge from the candidate floor up (so the cache serves any bar); the build
    // keeps those that reach the bar.
    const confident = confidenceFilter(options.minConfidence === undefined ? { thresholdOf: loadRelationThresholds() } : null, options.minConfidence);
    const extractions = works.map((w) => ({ ...w.extraction, relations: w.extraction.relations.filter(confident) }));
    /** Distinct texts of the corpus, in document order: those not extracted now came from the cache. */
    const used = [...new Set(extractions.map((x) => x.doc.sha256))];
    const tExtract = now();

    // 2. Stories, corpus entities, graph; the layout starts.
    progress({ done, stage: "resolve" });
    const stories = groupStories(
      works.map((w) => ({ id: w.extraction.doc.id, sha256: w.extraction.doc.sha256, signature: w.signature })),
      options.dedup,
    );
    const resolution = resolveCorpus(extractions, aliases);
    const tResolve = now();
    progress({ done, stage: "assemble" });
    const cap = options.evidenceCap ?? BUILD_DEFAULTS.evidenceCap;
    const storyOf = (id: string) => stories.storyOf.get(id) ?? id;
    const name = options.name ?? basename(resolve(inputs[0] ?? "newsgraph"));
    const plan = planGraph(extractions, resolution);
    const layout = layoutInput(plan.nodeOrder.map((i) => plan.nodeKeys[i]!), plan.edges);
    const layoutStart = now();
    let layoutEnd = layoutStart;
    const positions = layoutThread.run(layout, options.layoutIterations !== undefined ? { iterations: options.layoutIterations } : {}).then((result) => {
      layoutEnd = now();
      return result;
    });
    positions.catch(() => undefined); // a failure surfaces through the await below
    const { graph, nodeKeys, evidence } = assembleSerializedGraph(extractions, resolution, { name, evidenceCap: cap, storyOf }, plan);
    const tAssemble = now();

    // 3. Write the folder, every file to a temporary name: graph.json, which holds the positions, comes
    //    last; all are renamed together at the end.
    progress({ done, stage: "write" });
    const documents = writer.open(DOCUMENTS_FILE);
    const documentLines = new DocumentLinesWriter();
    for (const x of extractions) documents.write(documentLines.add(x.doc.id, JSON.stringify(x.doc) + "\n"));
    const texts = writer.open(TEXTS_FILE);
    let t = 0;
    for (const textJson of spool.lines()) {
      const entityOf = resolution.entityOf[t]!;
      const x = extractions[t++]!;
      const mentions = x.entities.flatMap((e) => {
        const index = entityOf.get(e.id);
        if (index === undefined) return []; // described, and fitting no named entity: not in the graph
        const node = nodeKeys[index]!;
        return e.mentions.map((m) => ({ node, start: m.start, end: m.end }));
      });
      mentions.sort((a, b) => a.start - b.start || a.end - b.end || (a.node < b.node ? -1 : a.node > b.node ? 1 : 0));
      texts.write(`{"id":${JSON.stringify(x.doc.id)},"text":`);
      texts.writeBytes(textJson);
      texts.write(`,"mentions":${JSON.stringify(mentions)}}\n`);
    }
    writer.put(MERGES_FILE, resolution.merges.map((m) => JSON.stringify(m) + "\n").join(""));
    const sidecarLines = writeEvidence(writer.open(EVIDENCE_FILE), graph, evidence);
    // The cache is appended to after the folder is committed, or rewritten with it.
    const update = useCache ? cacheUpdate(cache, used, fresh, EXTRACTOR_VERSION) : { append: "" };
    if ("rewrite" in update) {
      const cacheOut = writer.open(CACHE_FILE);
      for (const line of update.rewrite) cacheOut.write(line);
    }
    // The edges of graph.json are encoded, and the query index's columns made, while the layout runs (the
    // edges into bytes the garbage collector leaves alone); the nodes' communities come with the layout.
    const edgesJson = encodeGraphEdges(graph.edges);
    const queryColumns = indexPayload(graph, sidecarLines, documentLines.lines, edgesJson.evidence);
    progress({ done, stage: "layout" });
    applyLayout(graph.nodes, layout, await positions);
    queryColumns.nodes.community = communityColumn(graph.nodes);
    const graphFile = writer.open(GRAPH_FILE, { digest: true });
    writeEncodedGraph(graphFile, graph, edgesJson.bytes);
    const queryIndex = writer.open(QUERY_INDEX_FILE);
    for (const part of encodeQueryIndex(queryColumns, graphFile.digest())) queryIndex.writeBytes(part);
    writer.commit();
    recordIndexStats(out);
    if ("append" in update) {
      try {
        appendCache(out, update.append);
      } catch (err) {
        // The graph is written; a torn cache entry is dropped by the next build.
        options.onWarning?.(`the extraction cache was not updated: ${(outputError(err, join(out, CACHE_FILE)) as Error).message}`);
      }
    }
    const tWrite = now();
    return {
      out,
      documents: extractions.length,
      bytes,
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      ...countGraph(graph),
      merges: resolution.merges.length,
      stories: stories.stories,
      exactDuplicates: stories.exactDuplicates,
      nearDuplicates: stories.nearDuplicates,
      extracted: fresh.size,
      cached: used.length - fresh.size,
      workers: usedWorkers,
      limits: sumLimits(works.map((w) => w.extraction)),
      stages: { extract: tExtract - t0, resolve: tResolve - tExtract, assemble: tAssemble - tResolve, layout: layoutEnd - layoutStart, write: tWrite - tAssemble },
      ms: tWrite - t0,
    };
  } catch (err) {
    writer.abort();
    throw err;
  } finally {
    await pool?.close();
    await layoutThread.close();
    spool.remove();
  }
}
