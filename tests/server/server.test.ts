/**
 * The viewer server over real HTTP: what it serves (viewer, whitelisted graph files, the text API), what
 * it refuses (other files, traversal, other methods, foreign Host headers), and how it fails to start.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NewsgraphError } from "../../src/errors.js";
import { startServer, type RunningServer } from "../../src/server/server.js";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "viewer", "graph");

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** A raw request: the path goes out exactly as written (no URL normalisation). */
function get(server: RunningServer, path: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port: server.port, path, method: options.method ?? "GET", headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(NewsgraphError);
  expect((err as NewsgraphError).code).toBe(code);
}

describe("newsgraph serve's server", () => {
  let base: string;
  let viewerDir: string;
  let graphDir: string;
  let server: RunningServer;

  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), "newsgraph-server-"));
    viewerDir = join(base, "viewer");
    graphDir = join(base, "graph");
    mkdirSync(join(viewerDir, "assets"), { recursive: true });
    writeFileSync(join(viewerDir, "index.html"), "<!doctype html><title>viewer</title>");
    writeFileSync(join(viewerDir, "assets", "app.js"), "console.log('app');\n".repeat(100));
    writeFileSync(join(base, "secret.txt"), "outside the served folders");
    cpSync(FIXTURE, graphDir, { recursive: true });
    writeFileSync(join(graphDir, "notes.txt"), "not part of the graph contract");
    server = await startServer({ graph: graphDir, port: 0, viewerDir });
  });
  afterAll(async () => {
    await server?.close();
    rmSync(base, { recursive: true, force: true });
  });

  it("listens on 127.0.0.1 and names its address", () => {
    expect(server.host).toBe("127.0.0.1");
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
  });

  it("serves the viewer with security headers", async () => {
    const reply = await get(server, "/");
    expect(reply.status).toBe(200);
    expect(reply.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(reply.body.toString()).toContain("<title>viewer</title>");
    expect(reply.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(reply.headers["x-content-type-options"]).toBe("nosniff");
    const asset = await get(server, "/assets/app.js");
    expect(asset.status).toBe(200);
    expect(asset.headers["cache-control"]).toContain("immutable");
  });

  it("serves graph.json, compressed when asked, and revalidates with its ETag", async () => {
    const plain = await get(server, "/data/graph.json");
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(plain.body.toString()).nodes).toHaveLength(11);
    const zipped = await get(server, "/data/graph.json", { headers: { "accept-encoding": "gzip, br" } });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    const again = await get(server, "/data/graph.json", { headers: { "if-none-match": String(plain.headers.etag) } });
    expect(again.status).toBe(304);
    const head = await get(server, "/data/documents.jsonl", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers["content-length"])).toBeGreaterThan(0);
    expect(head.body.length).toBe(0);
  });

  it("compresses the viewer's graph as it starts: the first compressed reply is the made body, sent with its length", async () => {
    const fresh = join(base, "fresh-graph");
    cpSync(FIXTURE, fresh, { recursive: true });
    const other = await startServer({ graph: fresh, port: 0, viewerDir });
    try {
      const zipped = await get(other, "/api/graph", { headers: { "accept-encoding": "gzip" } });
      expect(zipped.headers["content-encoding"]).toBe("gzip");
      // A body compressed while it is sent goes out in chunks, without a length.
      expect(Number(zipped.headers["content-length"])).toBe(zipped.body.length);
      expect(JSON.parse(gunzipSync(zipped.body).toString()).nodes).toHaveLength(11);
    } finally {
      await other.close();
    }
  });

  it("sends graph.json to the viewer with its co-occurrences summarized first and listed last, made again when the file changes", async () => {
    const fresh = join(base, "viewer-graph");
    cpSync(FIXTURE, fresh, { recursive: true });
    const other = await startServer({ graph: fresh, port: 0, viewerDir });
    type Edge = { key: string; attributes: { relation: string } };
    try {
      const data = JSON.parse((await get(other, "/data/graph.json")).body.toString()) as { nodes: unknown[]; edges: Edge[] };
      const reply = await get(other, "/api/graph");
      expect(reply.status).toBe(200);
      expect(reply.headers["content-type"]).toBe("application/json; charset=utf-8");
      const served = JSON.parse(reply.body.toString()) as { coOccurrences: { typed: number; tally: { count: number } }; nodes: unknown[]; edges: Edge[] };
      const isCo = (e: Edge) => e.attributes.relation === "co_occurs";
      expect(served.coOccurrences.typed).toBe(data.edges.length - 23);
      expect(served.coOccurrences.tally.count).toBe(23);
      expect(served.nodes).toEqual(data.nodes);
      expect(served.edges.map((e) => e.key)).toEqual([...data.edges.filter((e) => !isCo(e)), ...data.edges.filter(isCo)].map((e) => e.key));
      // A rebuilt graph.json (here: without its co-occurrences) gets a body, and a tag, of its own.
      writeFileSync(join(fresh, "graph.json"), JSON.stringify({ ...data, edges: data.edges.filter((e) => !isCo(e)) }));
      const rebuilt = await get(other, "/api/graph");
      expect(rebuilt.headers.etag).not.toBe(reply.headers.etag);
      expect(JSON.parse(rebuilt.body.toString()).coOccurrences.tally.count).toBe(0);
      expect((await get(other, "/api/graph", { headers: { "if-none-match": String(rebuilt.headers.etag) } })).status).toBe(304);
      writeFileSync(join(fresh, "graph.json"), "{ not json");
      const broken = await get(other, "/api/graph");
      expect(broken.status).toBe(500);
      expect(JSON.parse(broken.body.toString()).error).toMatch(/^graph\.json: /);
    } finally {
      await other.close();
    }
  });

  it("answers the info and text API", async () => {
    const info = await get(server, "/api/info");
    expect(JSON.parse(info.body.toString())).toEqual({ documents: true, texts: true, evidence: true });
    const text = await get(server, "/api/text?id=summit-notes");
    expect(text.status).toBe(200);
    expect(text.headers["content-type"]).toBe("application/json; charset=utf-8");
    const doc = JSON.parse(text.body.toString());
    expect(doc.id).toBe("summit-notes");
    expect(doc.text).toContain("<script>alert('xss')</script>");
    expect(doc.mentions.length).toBeGreaterThan(0);
    expect((await get(server, "/api/text?id=nope")).status).toBe(404);
    expect((await get(server, "/api/text")).status).toBe(400);
    expect((await get(server, "/api/other")).status).toBe(404);
  });

  it("gives the full evidence of an edge whose list graph.json caps, and null for others", async () => {
    const graph = JSON.parse((await get(server, "/data/graph.json")).body.toString()) as {
      edges: { key: string; attributes: { relation: string; weight: number; evidence: unknown[] } }[];
    };
    const capped = graph.edges.find((e) => e.attributes.relation === "partner_of")!;
    expect(capped.attributes.evidence.length).toBeLessThan(capped.attributes.weight);
    const full = JSON.parse((await get(server, `/api/evidence?edge=${encodeURIComponent(capped.key)}`)).body.toString());
    expect(full.edge).toBe(capped.key);
    expect(full.evidence).toHaveLength(capped.attributes.weight);
    const whole = graph.edges.find((e) => e.attributes.evidence.length === e.attributes.weight)!;
    const none = await get(server, `/api/evidence?edge=${encodeURIComponent(whole.key)}`);
    expect(none.status).toBe(200);
    expect(JSON.parse(none.body.toString())).toEqual({ edge: whole.key, evidence: null });
    expect((await get(server, "/api/evidence")).status).toBe(400);
  });

  it.each([
    ["a graph folder file off the list", "/data/notes.txt"],
    ["texts.jsonl (served only through the API)", "/data/texts.jsonl"],
    ["traversal out of the graph folder", "/data/../secret.txt"],
    ["encoded traversal out of the graph folder", "/data/%2e%2e%2fsecret.txt"],
    ["traversal out of the viewer", "/../secret.txt"],
    ["encoded traversal out of the viewer", "/assets/..%2f..%2fsecret.txt"],
    ["double-encoded traversal", "/%252e%252e/secret.txt"],
    ["an absolute path", "//etc/passwd"],
    ["a missing page", "/nope.html"],
  ])("refuses %s", async (_why, path) => {
    const reply = await get(server, path);
    expect(reply.status).toBe(404);
    expect(reply.body.toString()).not.toContain("outside the served folders");
  });

  it("accepts only GET and HEAD", async () => {
    const reply = await get(server, "/data/graph.json", { method: "POST" });
    expect(reply.status).toBe(405);
    expect(reply.headers.allow).toBe("GET, HEAD");
  });

  it("refuses requests addressed to another host name (DNS rebinding)", async () => {
    expect((await get(server, "/", { headers: { host: "evil.example" } })).status).toBe(403);
    expect((await get(server, "/", { headers: { host: `localhost:${server.port}` } })).status).toBe(200);
    expect((await get(server, "/", { headers: { host: `[::1]:${server.port}` } })).status).toBe(200);
  });

  it("fails to start with a clear code", async () => {
    await expectCode(startServer({ graph: join(base, "missing"), port: 0, viewerDir }), "GRAPH_MISSING");
    await expectCode(startServer({ graph: viewerDir, port: 0, viewerDir }), "GRAPH_MISSING");
    await expectCode(startServer({ graph: graphDir, port: 0, viewerDir: join(base, "no-viewer") }), "VIEWER_MISSING");
    await expectCode(startServer({ graph: graphDir, port: 70000, viewerDir }), "BAD_ARGUMENT");
    await expectCode(startServer({ graph: graphDir, port: server.port, viewerDir }), "PORT_IN_USE");
  });

  it("moves to the next port when asked to and the first is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const next = await startServer({ graph: graphDir, port: taken, portAttempts: 5, viewerDir });
      expect(next.port).toBeGreaterThan(taken);
      await next.close();
    } finally {
      blocker.close();
    }
  });
});
