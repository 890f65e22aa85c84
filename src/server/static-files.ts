/**
 * Safe file serving for the viewer server: maps a URL path onto a file strictly inside a root folder
 * (no "..", no encoded separators or NUL, no dot-files, no symlink leading outside), names its content
 * type, and sends it with an ETag and gzip when the client accepts it. Files are streamed, and gzip
 * bodies made once per file version, so memory stays flat however many clients ask at once; the first
 * request of a version receives its gzip body while it is being made, not after, unless it was made ahead.
 */
import { constants, realpathSync, statSync, type Stats } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { createGzip, gzip } from "node:zlib";

const gzipAsync = promisify(gzip);

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".jsonl": "application/x-ndjson; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".jsonl", ".map", ".svg", ".txt"]);
/** Smaller files are sent as they are. */
const GZIP_MIN_BYTES = 1024;
/**
 * zlib level 3: a 25 MB graph.json compresses in 170 ms instead of 420 at the default 6, for a body 13%
 * larger (3.3 MB instead of 2.9); the first request of a file waits on the compression, later ones are
 * served from the cache.
 */
const GZIP = { level: 3 };
/** Bytes read at a time from a file being compressed (64 KB reads cost a third more). */
const GZIP_READ_BYTES = 1 << 20;

export function contentType(path: string): string {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
}

/**
 * The file a URL path names inside `root`, or null when the path is malformed, tries to leave the root
 * (even through a symlink), names a dot-file, or is not a regular file.
 */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return null;
  const segments = decoded.split("/").filter((s) => s !== "");
  if (segments.some((s) => s === ".." || s.startsWith("."))) return null;
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = realpathSync(resolve(root));
    realFile = realpathSync(join(realRoot, ...segments));
  } catch {
    return null;
  }
  if (!realFile.startsWith(realRoot + sep)) return null;
  try {
    return statSync(realFile).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers["accept-encoding"];
  return typeof header === "string" && /\bgzip\b/.test(header);
}

/**
 * Open a file for reading without following a symlink at its last step (O_NOFOLLOW), or null when it is
 * missing, a symlink or not a regular file.
 */
export async function openRegularFile(path: string): Promise<{ handle: FileHandle; stats: Stats } | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  } catch {
    return null;
  }
  const stats = await handle.stat();
  if (stats.isFile()) return { handle, stats };
  await handle.close();
  return null;
}

/**
 * Compressed bodies by file, made once per file version: concurrent requests share the one being made,
 * so memory does not grow with the number of clients.
 */
const gzipCache = new Map<string, { etag: string; body: Promise<Buffer> }>();

/** The gzip body of a file version, made once (`read` gives the uncompressed bytes). */
export function cachedGzip(key: string, etag: string, read: () => Promise<Buffer>): Promise<Buffer> {
  const cached = gzipCache.get(key);
  if (cached && cached.etag === etag) return cached.body;
  const body = read().then((bytes) => gzipAsync(bytes, GZIP));
  gzipCache.set(key, { etag, body });
  body.catch(() => {
    if (gzipCache.get(key)?.body === body) gzipCache.delete(key);
  });
  return body;
}

/** The gzip body of a file version, if it is made or being made. */
function gzipInCache(key: string, etag: string): Promise<Buffer> | undefined {
  const cached = gzipCache.get(key);
  return cached && cached.etag === etag ? cached.body : undefined;
}

/**
 * Compress `source` into `res` as it is read, and keep the compressed bytes as the cached body of this
 * file version, so the client need not wait for the whole body and later requests reuse it. Should the
 * response fail, the body is dropped from the cache (its waiters make it again).
 */
async function streamGzip(key: string, etag: string, source: Readable, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  let settle!: { resolve: (body: Buffer) => void; reject: (error: unknown) => void };
  const body = new Promise<Buffer>((resolve, reject) => (settle = { resolve, reject }));
  body.catch(() => {
    if (gzipCache.get(key)?.body === body) gzipCache.delete(key);
  });
  gzipCache.set(key, { etag, body });
  const keep = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, createGzip(GZIP), keep, res);
    settle.resolve(Buffer.concat(chunks));
  } catch (error) {
    settle.reject(error);
    throw error;
  }
}

/** The ETag of a file version (size and modification time). */
export function etagOf(stats: Stats): string {
  return `"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}"`;
}

/** Send a body held in memory (e.g. computed once from a file) with caching headers and gzip when accepted. */
export async function sendBody(
  req: IncomingMessage,
  res: ServerResponse,
  body: { key: string; etag: string; bytes: Buffer; type: string },
  headers: Record<string, string> = {},
): Promise<void> {
  res.setHeader("Content-Type", body.type);
  res.setHeader("ETag", body.etag);
  res.setHeader("Vary", "Accept-Encoding");
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (req.headers["if-none-match"] === body.etag) {
    res.writeHead(304).end();
    return;
  }
  let bytes = body.bytes;
  if (bytes.length >= GZIP_MIN_BYTES && acceptsGzip(req)) {
    bytes = await cachedGzip(body.key, body.etag, () => Promise.resolve(body.bytes));
    res.setHeader("Content-Encoding", "gzip");
  }
  res.setHeader("Content-Length", bytes.length);
  res.writeHead(200);
  res.end(req.method === "HEAD" ? undefined : bytes);
}

/**
 * Send a file with caching headers; HEAD sends headers only. The file is opened without following a
 * symlink (404 when it is one, or missing); its bytes are streamed, or its gzip body, made once per
 * version, is sent. Resolves to false when nothing could be opened (the caller answers 404).
 */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  headers: Record<string, string> = {},
): Promise<boolean> {
  const opened = await openRegularFile(file);
  if (!opened) return false;
  const { handle, stats } = opened;
  let streaming = false;
  try {
    const etag = etagOf(stats);
    res.setHeader("Content-Type", contentType(file));
    res.setHeader("ETag", etag);
    res.setHeader("Vary", "Accept-Encoding");
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304).end();
      return true;
    }
    if (COMPRESSIBLE.has(extname(file).toLowerCase()) && stats.size >= GZIP_MIN_BYTES && acceptsGzip(req)) {
      res.setHeader("Content-Encoding", "gzip");
      const made = await gzipInCache(file, etag)?.catch(() => undefined);
      if (!made && req.method !== "HEAD") {
        res.writeHead(200);
        streaming = true;
        await streamGzip(file, etag, handle.createReadStream({ start: 0, end: Math.max(0, stats.size - 1), highWaterMark: GZIP_READ_BYTES }), res);
        return true;
      }
      const body = made ?? (await cachedGzip(file, etag, () => handle.readFile()));
      res.setHeader("Content-Length", body.length);
      res.writeHead(200);
      res.end(req.method === "HEAD" ? undefined : body);
      return true;
    }
    res.setHeader("Content-Length", stats.size);
    res.writeHead(200);
    if (req.method === "HEAD") {
      res.end();
      return true;
    }
    streaming = true;
    await pipeline(handle.createReadStream({ start: 0, end: Math.max(0, stats.size - 1) }), res);
    return true;
  } finally {
    if (!streaming) await handle.close();
  }
}
