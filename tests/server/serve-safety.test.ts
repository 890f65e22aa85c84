/**
 * What `newsgraph serve` must never do, whatever it is asked: hand out a file outside the graph and viewer
 * folders (random request paths, property-based and seeded; symlinks planted in the graph folder),
 * reveal absolute local paths in documents.jsonl, make a body more than once for concurrent requests, or
 * drop damaged JSONL lines without a word.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commonFolder, relativeDocumentPaths } from "../../src/server/documents-body.js";
import { startServer, type RunningServer } from "../../src/server/server.js";
import { cachedGzip } from "../../src/server/static-files.js";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "viewer", "graph");
const SECRET = "SECRET-outside-the-served-folders";

interface Reply {
  status: number;
  body: Buffer;
  encoding: string | undefined;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), encoding: res.headers["content-encoding"] }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** A viewer folder, a graph folder copied from the fixture, and a secret file beside them. */
function makeSite(base: string, documents: string): { viewerDir: string; graphDir: string; secret: string } {
  const viewerDir = join(base, "viewer");
  const graphDir = join(base, "graph");
  mkdirSync(join(viewerDir, "assets"), { recursive: true });
  writeFileSync(join(viewerDir, "index.html"), "<!doctype html><title>viewer</title>");
  writeFileSync(join(viewerDir, "assets", "app.js"), "console.log('app');\n");
  cpSync(FIXTURE, graphDir, { recursive: true });
  writeFileSync(join(graphDir, "documents.jsonl"), documents);
  const secret = join(base, "secret.txt");
  writeFileSync(secret, SECRET);
  return { viewerDir, graphDir, secret };
}

describe("documents.jsonl paths", () => {
  it("are made relative to the folder holding every document", () => {
    expect(commonFolder(["/home/u/news/a.txt", "/home/u/news/world/b.txt"])).toBe("/home/u/news");
    expect(commonFolder(["/data/feed.jsonl:1", "/data/feed.jsonl:2"])).toBe("/data");
    expect(commonFolder(["/a.txt"])).toBe("/");
    const content = ['{"id":"a","path":"/home/u/news/a.txt"}', '{"id":"b","path":"/home/u/news/world/b.txt"}', '{"id":"c","path":"rel/c.txt"}', "{cut"].join("\n");
    const { bytes, damaged } = relativeDocumentPaths(Buffer.from(content));
    expect(bytes.toString().trim().split("\n").map((l) => JSON.parse(l).path)).toEqual(["a.txt", "world/b.txt", "rel/c.txt"]);
    expect(damaged).toEqual([4]);
  });
});

describe("gzip bodies", () => {
  it("are made once for concurrent requests of one file version", async () => {
    let reads = 0;
    const read = async () => {
      reads++;
      return Buffer.from("x".repeat(5000));
    };
    const bodies = await Promise.all(Array.from({ length: 50 }, () => cachedGzip("/test/one", "v1", read)));
    expect(reads).toBe(1);
    expect(new Set(bodies).size).toBe(1);
    await cachedGzip("/test/one", "v2", read);
    expect(reads).toBe(2);
  });
});

describe("newsgraph serve on a planted graph folder", () => {
  let base: string;
  let site: ReturnType<typeof makeSite>;
  let server: RunningServer;
  const warnings: string[] = [];

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), "newsgraph-serve-safety-"));
    const docs = [
      { id: "arctic-wind-deal", title: "Arctic wind deal", path: join(base, "corpus", "wire", "arctic.txt"), sha256: "0" },
      { id: "baltic-grid-start", title: "Baltic grid", path: join(base, "corpus", "baltic.txt"), sha256: "1" },
    ];
    site = makeSite(base, docs.map((d) => JSON.stringify(d)).join("\n") + "\n");
    // texts.jsonl with its second line damaged.
    writeFileSync(join(site.graphDir, "texts.jsonl"), JSON.stringify({ id: "arctic-wind-deal", text: "Text.", mentions: [] }) + "\n{\"id\":\"baltic-grid-st\n");
    server = await startServer({ graph: site.graphDir, port: 0, viewerDir: site.viewerDir, onWarning: (m) => warnings.push(m) });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(base, { recursive: true, force: true });
  });

  it("serves documents.jsonl without absolute local paths", async () => {
    for (const headers of [{}, { "Accept-Encoding": "gzip" }]) {
      const reply = await get(server.port, "/data/documents.jsonl", headers);
      expect(reply.status).toBe(200);
      const body = (reply.encoding === "gzip" ? gunzipSync(reply.body) : reply.body).toString();
      expect(body).not.toContain(base);
      expect(body.trim().split("\n").map((l) => JSON.parse(l).path)).toEqual(["wire/arctic.txt", "baltic.txt"]);
    }
  });

  it("answers a text on a damaged line with a 404 that names the damage", async () => {
    expect((await get(server.port, "/api/text?id=arctic-wind-deal")).status).toBe(200);
    const reply = await get(server.port, "/api/text?id=baltic-grid-start");
    expect(reply.status).toBe(404);
    expect(JSON.parse(reply.body.toString()).error).toMatch(/texts\.jsonl has 1 damaged line \(line 2\)/);
    expect(warnings.some((w) => /texts\.jsonl: 1 damaged line \(line 2\)/.test(w))).toBe(true);
  });

  it("gives the same bytes to many concurrent clients", async () => {
    const replies = await Promise.all(Array.from({ length: 40 }, (_, i) => get(server.port, "/data/graph.json", i % 2 ? { "Accept-Encoding": "gzip" } : {})));
    const plain = replies.map((r) => (r.encoding === "gzip" ? gunzipSync(r.body) : r.body).toString());
    expect(new Set(plain).size).toBe(1);
    expect(JSON.parse(plain[0]!).nodes.length).toBeGreaterThan(0);
  });

  it("never hands out a file from outside its folders, whatever the request path", async () => {
    const segment = fc.oneof(
      fc.constantFrom("..", ".", "%2e%2e", "%2E%2e%2f", "%2f", "%5c", "%00", "data", "api", "assets", "graph.json", "documents.jsonl", "secret.txt", "etc", "passwd", "", "~", "//", "\\..\\"),
      fc.string({ unit: "binary-ascii", maxLength: 12 }).map((s) => encodeURIComponent(s)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 8 }), fc.constantFrom("", "/data", "/assets", "/api"), async (segments, prefix) => {
        const reply = await get(server.port, `${prefix}/${segments.join("/")}`);
        expect(reply.body.toString()).not.toContain(SECRET);
        expect(reply.body.toString()).not.toContain("root:");
      }),
      { seed: 15, numRuns: 300 },
    );
  });
});

describe("symlinks planted in the graph folder", () => {
  let base: string;
  let server: RunningServer;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), "newsgraph-serve-links-"));
    const site = makeSite(base, "");
    for (const name of ["documents.jsonl", "texts.jsonl", "evidence.jsonl"]) {
      rmSync(join(site.graphDir, name));
      symlinkSync(site.secret, join(site.graphDir, name));
    }
    // A line the secret file would answer if it were indexed.
    writeFileSync(site.secret, JSON.stringify({ id: "x", edge: "x", text: SECRET, evidence: [SECRET] }) + "\n");
    server = await startServer({ graph: site.graphDir, port: 0, viewerDir: site.viewerDir });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(base, { recursive: true, force: true });
  });

  it("are not followed: the files count as missing", async () => {
    expect((await get(server.port, "/data/documents.jsonl")).status).toBe(404);
    expect(JSON.parse((await get(server.port, "/api/info")).body.toString())).toEqual({ documents: false, texts: false, evidence: false });
    for (const path of ["/api/text?id=x", "/api/evidence?edge=x", "/data/documents.jsonl"]) {
      expect((await get(server.port, path)).body.toString()).not.toContain(SECRET);
    }
  });
});
