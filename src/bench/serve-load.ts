/**
 * `npm run bench:serve -- <graph folder> [concurrency] [rounds]`: the memory of `newsgraph serve` under
 * concurrent requests. Starts the server as a child process, sends `concurrency` requests at once for
 * each of graph.json (plain and gzip), the viewer's graph (gzip, as a browser asks for it),
 * documents.jsonl, texts and evidence, `rounds` times, and prints
 * the server's resident memory (VmRSS) before and after and its peak (VmHWM), read from /proc (Linux).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { createInterface } from "node:readline";

const cli = process.env.NEWSGRAPH_CLI ?? join(import.meta.dirname, "..", "cli", "main.js");

function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? 0);
  return { rss: Math.round(kb("VmRSS") / 1024), peak: Math.round(kb("VmHWM") / 1024) };
}

/** One GET; resolves to the bytes received (the body is read and dropped). */
function get(port: number, path: string, gzip: boolean): Promise<number> {
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port, path, headers: gzip ? { "Accept-Encoding": "gzip" } : {}, agent: false }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => done(bytes));
      res.on("error", fail);
    });
    req.on("error", fail);
    req.end();
  });
}

async function main(): Promise<void> {
  const [graph, concurrencyText = "200", roundsText = "3"] = process.argv.slice(2);
  if (!graph) throw new Error("usage: npm run bench:serve -- <graph folder> [concurrency] [rounds]");
  const concurrency = Number(concurrencyText);
  const rounds = Number(roundsText);
  const documents = readFileSync(join(graph, "documents.jsonl"), "utf8").split("\n").filter(Boolean);
  const ids = documents.map((line) => (JSON.parse(line) as { id: string }).id);
  const edges = readFileSync(join(graph, "evidence.jsonl"), "utf8").split("\n").filter(Boolean).slice(0, 500).map((line) => (JSON.parse(line) as { edge: string }).edge);
  const child = spawn(process.execPath, [cli, "serve", "--graph", graph, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  const port = await new Promise<number>((done) => {
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
      if (m) done(Number(m[1]));
    });
  });
  const before = memory(child.pid!);
  const started = performance.now();
  let bytes = 0;
  const paths: [string, boolean][] = [
    ["/data/graph.json", false],
    ["/data/graph.json", true],
    ["/api/graph", true],
    ["/data/documents.jsonl", true],
  ];
  for (let round = 0; round < rounds; round++) {
    for (const [path, gzip] of paths) {
      const t = performance.now();
      const sizes = await Promise.all(Array.from({ length: concurrency }, () => get(port, path, gzip)));
      bytes += sizes.reduce((a, b) => a + b, 0);
      const now = memory(child.pid!);
      console.log(`  ${path}${gzip ? " (gzip)" : ""}: ${((performance.now() - t) / 1000).toFixed(1)} s, RSS ${now.rss} MB, peak ${now.peak} MB`);
    }
    const apis = Array.from({ length: concurrency }, (_, i) =>
      i % 2 === 0 ? `/api/text?id=${encodeURIComponent(ids[i % ids.length]!)}` : `/api/evidence?edge=${encodeURIComponent(edges[i % edges.length]!)}`,
    );
    bytes += (await Promise.all(apis.map((path) => get(port, path, false)))).reduce((a, b) => a + b, 0);
  }
  const after = memory(child.pid!);
  child.kill("SIGTERM");
  const seconds = (performance.now() - started) / 1000;
  console.log(`serve ${graph}: ${rounds} rounds of ${concurrency} concurrent requests x ${paths.length + 1} kinds, ${(bytes / 1e6).toFixed(0)} MB sent in ${seconds.toFixed(1)} s`);
  console.log(`server RSS before ${before.rss} MB, after ${after.rss} MB, peak ${after.peak} MB`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
