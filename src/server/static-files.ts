/**
 * Safe file serving for the viewer server: maps a URL path onto a file strictly inside a root folder
 * (no "..", no encoded separators or NUL, no dot-files, no symlink leading outside), names its content
 * type, and sends it with an ETag and gzip when the client accepts it.
 */
import { realpathSync, statSync, type Stats } from "node:fs";
import { readFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { promisify } from "node:util";
import { gzip } from "node:zlib";

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

/** Compressed bodies by file, reused while the file is unchanged. */
const gzipCache = new Map<string, { etag: string; body: Buffer }>();

function etagOf(stats: Stats): string {
  return `"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}"`;
}

/** Send a file (already resolved and checked) with caching headers; HEAD sends headers only. */
export async function sendFile(
  req: IncomingMessage,
  res: ServerResponse,
  file: string,
  headers: Record<string, string> = {},
): Promise<void> {
  const stats = statSync(file);
  const etag = etagOf(stats);
  res.setHeader("Content-Type", contentType(file));
  res.setHeader("ETag", etag);
  res.setHeader("Vary", "Accept-Encoding");
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304).end();
    return;
  }
  let body: Buffer;
  if (COMPRESSIBLE.has(extname(file).toLowerCase()) && stats.size >= GZIP_MIN_BYTES && acceptsGzip(req)) {
    let cached = gzipCache.get(file);
    if (!cached || cached.etag !== etag) {
      cached = { etag, body: await gzipAsync(await readFile(file)) };
      gzipCache.set(file, cached);
    }
    body = cached.body;
    res.setHeader("Content-Encoding", "gzip");
  } else {
    body = await readFile(file);
  }
  res.setHeader("Content-Length", body.length);
  res.writeHead(200);
  res.end(req.method === "HEAD" ? undefined : body);
}
