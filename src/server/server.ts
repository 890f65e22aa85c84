/**
 * The viewer server behind `newsgraph serve`: node:http on a loopback address, serving only the built
 * viewer (viewer/dist) and a whitelist of the graph folder's files, plus a small JSON API:
 *   GET /                      the viewer (index.html and its assets)
 *   GET /data/graph.json       the graph (gzip when accepted)
 *   GET /data/documents.jsonl  the document records
 *   GET /api/info              which optional files the graph folder holds
 *   GET /api/graph             graph.json as the viewer loads it: the co-occurrences it holds out of its
 *                              first frame summarized first and listed last (src/graph/viewer-graph.ts),
 *                              compressed as the server starts
 *   GET /api/text?id=ID        one document's text with the character spans of its mentions
 *   GET /api/evidence?edge=KEY the full evidence of an edge whose list graph.json caps ({edge, evidence},
 *                              evidence null when the sidecar holds nothing more for it)
 * Nothing else on disk is reachable: graph files come from a fixed list and are opened without following
 * symlinks, viewer paths are resolved strictly inside viewer/dist, and requests naming a foreign Host are
 * refused (DNS rebinding). documents.jsonl goes out with paths relative to the corpus folder. Files are
 * streamed and bodies made once per file version, so memory stays flat under many concurrent requests.
 * Damaged lines of the folder's JSONL files are reported through `onWarning` and in the API's answers.
 */
import { existsSync, statSync, type Stats } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join, resolve } from "node:path";
import { echoInput, NewsgraphError } from "../errors.js";
import { EVIDENCE_FILE, TEXTS_FILE } from "../graph/write.js";
import { viewerDistPath } from "../paths.js";
import { DEFAULT_GRAPH_DIR, DOCUMENTS_FILE, GRAPH_FILE, readGraphFolder } from "../query/load.js";
import { contentType, resolveInside, sendBody, sendFile } from "./static-files.js";
import { JsonLinesStore } from "./jsonl-store.js";
import { DocumentsBody } from "./documents-body.js";
import { ViewerGraphBody } from "./viewer-graph-body.js";

export interface ServeOptions {
  /** Graph folder written by `newsgraph build`. */
  graph?: string;
  /** Port to listen on; 0 picks a free one. */
  port?: number;
  host?: string;
  /** Further ports tried one by one when `port` is taken (0 = fail at once). */
  portAttempts?: number;
  /** Folder of the built viewer. */
  viewerDir?: string;
  /** Told about damaged lines in the graph folder's JSONL files, once per version of each file. */
  onWarning?: (message: string) => void;
}

export const SERVE_DEFAULTS = {
  graph: DEFAULT_GRAPH_DIR,
  port: 4870,
  host: "127.0.0.1",
  portAttempts: 0,
} as const;

export interface RunningServer {
  /** The viewer's address, e.g. http://127.0.0.1:4870/ */
  url: string;
  host: string;
  port: number;
  graphDir: string;
  close(): Promise<void>;
}


const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(["127.0.0.1", "::1", "localhost"]);

const SECURITY_HEADERS: Record<string, string> = {
  "Content-Security-Policy": [
    "default-src 'self'",
    "script-src 'self'",
    // ForceAtlas2's live layout runs in a worker built from a blob.
    "worker-src 'self' blob:",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join("; "),
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Resource-Policy": "same-origin",
};

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The host name of a Host header ("[::1]:80" → "::1", "localhost:4870" → "localhost"). */
function hostName(header: string): string {
  const bracketed = /^\[([^\]]+)\]/.exec(header);
  if (bracketed) return bracketed[1]!;
  return header.replace(/:\d+$/, "");
}

function sendJson(res: ServerResponse, status: number, value: unknown, head = false): void {
  const body = JSON.stringify(value);
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body), "Cache-Control": "no-cache" });
  res.end(head ? undefined : body);
}

/** Send a stored JSON line as it is. */
function sendLine(res: ServerResponse, line: Buffer, head: boolean): void {
  res.writeHead(200, { "Content-Type": "application/json; charset=utf-8", "Content-Length": line.length, "Cache-Control": "no-cache" });
  res.end(head ? undefined : line);
}

function sendError(res: ServerResponse, status: number, message: string, head = false): void {
  sendJson(res, status, { error: message }, head);
}

/** "1 damaged line (line 7)" / "3 damaged lines (first line 7)". */
function describeDamage(damaged: number[]): string {
  return damaged.length === 1 ? `1 damaged line (line ${damaged[0]})` : `${damaged.length} damaged lines (first line ${damaged[0]})`;
}

/** The request handler, on its own so tests can drive it without the CLI. */
export function createRequestHandler(
  graphDir: string,
  viewerDir: string,
  host: string,
  onWarning?: (message: string) => void,
  /** graph.json as the caller parsed it, with its stat taken before the read (the viewer's graph is made from it). */
  parsedGraph?: { stats: Stats; data: unknown },
) {
  const onDamage = (file: string, damaged: number[]) =>
    onWarning?.(`${file}: ${describeDamage(damaged)} (cut short or not JSON); the records on them are not served (rebuild to repair)`);
  const texts = new JsonLinesStore(join(graphDir, TEXTS_FILE), "id", onDamage);
  const evidence = new JsonLinesStore(join(graphDir, EVIDENCE_FILE), "edge", onDamage);
  const documents = new DocumentsBody(join(graphDir, DOCUMENTS_FILE), onDamage);
  const viewerGraph = new ViewerGraphBody(join(graphDir, GRAPH_FILE));
  // Made now, with its gzip body, before the browser asks: its first request finds them made.
  if (parsedGraph) viewerGraph.seed(parsedGraph.stats, parsedGraph.data);
  void viewerGraph.prepare();
  const checkHost = isLoopbackHost(host);

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const head = req.method === "HEAD";
    if (req.method !== "GET" && !head) {
      res.setHeader("Allow", "GET, HEAD");
      sendError(res, 405, "method not allowed");
      return;
    }
    if (checkHost && !isLoopbackHost(hostName(req.headers.host ?? ""))) {
      sendError(res, 403, "this server only answers requests addressed to the local machine", head);
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://127.0.0.1");
    } catch {
      sendError(res, 400, "bad request", head);
      return;
    }
    const path = url.pathname;

    if (path === "/api/info") {
      const [hasDocuments, hasTexts, hasEvidence] = await Promise.all([documents.current().then((d) => d !== null), texts.available(), evidence.available()]);
      sendJson(res, 200, { documents: hasDocuments, texts: hasTexts, evidence: hasEvidence }, head);
      return;
    }
    if (path === "/api/graph") {
      let body: Awaited<ReturnType<ViewerGraphBody["current"]>>;
      try {
        body = await viewerGraph.current();
      } catch (err) {
        sendError(res, 500, `${GRAPH_FILE}: ${err instanceof Error ? err.message : String(err)}`, head);
        return;
      }
      if (!body) sendError(res, 404, "not found", head);
      else await sendBody(req, res, { key: viewerGraph.key, etag: body.etag, bytes: body.bytes, type: contentType(GRAPH_FILE) }, { "Cache-Control": "no-cache" });
      return;
    }
    if (path === "/api/evidence") {
      const edge = url.searchParams.get("edge");
      if (!edge) {
        sendError(res, 400, "missing ?edge=", head);
        return;
      }
      const { line, damaged } = await evidence.lookup(edge);
      if (!line) {
        // Not an error: only edges whose evidence graph.json caps have a line (unless the file is damaged).
        sendJson(res, 200, damaged.length > 0 ? { edge, evidence: null, damaged: describeDamage(damaged) } : { edge, evidence: null }, head);
        return;
      }
      sendLine(res, line, head);
      return;
    }
    if (path === "/api/text") {
      const id = url.searchParams.get("id");
      if (!id) {
        sendError(res, 400, "missing ?id=", head);
        return;
      }
      const { line, damaged } = await texts.lookup(id);
      if (!line) {
        const why = damaged.length > 0 ? ` (${TEXTS_FILE} has ${describeDamage(damaged)})` : "";
        sendError(res, 404, `no text for document ${JSON.stringify(echoInput(id))}${why}`, head);
        return;
      }
      sendLine(res, line, head);
      return;
    }
    if (path === `/data/${DOCUMENTS_FILE}`) {
      const body = await documents.current();
      if (!body) sendError(res, 404, "not found", head);
      else await sendBody(req, res, { key: documents.file, etag: body.etag, bytes: body.bytes, type: contentType(DOCUMENTS_FILE) }, { "Cache-Control": "no-cache" });
      return;
    }
    if (path === `/data/${GRAPH_FILE}`) {
      if (!(await sendFile(req, res, join(graphDir, GRAPH_FILE), { "Cache-Control": "no-cache" }))) sendError(res, 404, "not found", head);
      return;
    }
    if (path.startsWith("/data/")) {
      sendError(res, 404, "not found", head);
      return;
    }
    if (path.startsWith("/api/")) {
      sendError(res, 404, "not found", head);
      return;
    }
    const file = resolveInside(viewerDir, path === "/" ? "/index.html" : path);
    if (!file) {
      sendError(res, 404, "not found", head);
      return;
    }
    const immutable = path.startsWith("/assets/");
    if (!(await sendFile(req, res, file, { "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache" }))) sendError(res, 404, "not found", head);
  };
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const onError = (err: Error) => {
      server.off("listening", onListening);
      reject(err);
    };
    const onListening = () => {
      server.off("error", onError);
      resolvePort((server.address() as AddressInfo).port);
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

/** Check the graph folder and the viewer build, then listen. */
export async function startServer(options: ServeOptions = {}): Promise<RunningServer> {
  const graphDir = resolve(options.graph ?? SERVE_DEFAULTS.graph);
  const host = options.host ?? SERVE_DEFAULTS.host;
  const firstPort = options.port ?? SERVE_DEFAULTS.port;
  const attempts = options.portAttempts ?? SERVE_DEFAULTS.portAttempts;
  const viewerDir = resolve(options.viewerDir ?? viewerDistPath());
  if (!Number.isInteger(firstPort) || firstPort < 0 || firstPort > 65535) {
    throw new NewsgraphError("BAD_ARGUMENT", `--port must be an integer from 0 to 65535, got ${firstPort}`, { port: firstPort });
  }
  // Fails with GRAPH_MISSING / GRAPH_INVALID naming the path before anything listens.
  const { data, stats } = readGraphFolder(options.graph ?? SERVE_DEFAULTS.graph);
  if (!existsSync(join(viewerDir, "index.html")) || !statSync(viewerDir).isDirectory()) {
    throw new NewsgraphError("VIEWER_MISSING", `the viewer is not built (no ${join(viewerDir, "index.html")}); run \`npm run build\``, { path: viewerDir });
  }

  const handler = createRequestHandler(graphDir, viewerDir, host, options.onWarning, { stats, data });
  const server = createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendError(res, 500, `internal error: ${err instanceof Error ? err.message : String(err)}`);
      else res.destroy();
    });
  });

  let port = -1;
  for (let attempt = 0; port < 0; attempt++) {
    const candidate = firstPort === 0 ? 0 : firstPort + attempt;
    try {
      port = await listen(server, candidate, host);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE" && attempt < attempts && candidate < 65535) continue;
      if (code === "EADDRINUSE") {
        throw new NewsgraphError("PORT_IN_USE", `port ${candidate} on ${host} is in use; choose another with --port`, { port: candidate, host });
      }
      if (code === "EADDRNOTAVAIL" || code === "ENOTFOUND") {
        throw new NewsgraphError("BAD_ARGUMENT", `cannot listen on host ${host}: ${code}`, { host });
      }
      throw err;
    }
  }

  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/`,
    host,
    port,
    graphDir,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections();
        server.close((err) => (err ? fail(err) : done()));
      }),
  };
}
