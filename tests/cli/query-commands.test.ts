// Spawned smoke tests of the query and export commands: the built CLI (dist/, as `npm test` compiles it)
// on the hand-made query fixture, and on a graph built from seeds/ once into a temporary folder.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MultiGraph } from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { parse as parseGraphml } from "graphology-graphml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NeighborsResult } from "../../src/query/neighbors.js";
import type { PathResult } from "../../src/query/path.js";
import type { GraphStats } from "../../src/query/stats.js";
import { statedPair } from "../stated-pair.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "dist", "src", "cli", "main.js");
const FIXTURE = join(ROOT, "tests", "fixtures", "query", "graph");
const tmp = mkdtempSync(join(tmpdir(), "newsgraph-cli-query-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8" });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("query commands on the fixture graph", () => {
  it.each([
    ["neighbors", ["neighbors", "Ana Müller"], "Acme \"Rocket\" Works"],
    ["show", ["show", "o'neill"], "official_of (1)"],
    ["search", ["search", "park"], "Lena Parker"],
    ["stats", ["stats"], "16 entities, 21 edges"],
    ["path", ["path", "ana", "northwind council", "--any"], "-[NOT member_of]->"],
    ["why", ["why", "valdoria", "northwind"], "Valdoria is not a member of the Northwind Council"],
    ["timeline", ["timeline", "acme"], "2024-01-10"],
  ])("%s prints a human table", (_name, args, expected) => {
    const { status, stdout, stderr } = run(...args, "--graph", FIXTURE);
    expect(stderr).toBe("");
    expect(status).toBe(0);
    expect(stdout).toContain(expected);
  });

  it.each([["neighbors", "acme"], ["show", "acme"], ["search", "acme"], ["stats"], ["path", "acme", "valdoria"], ["why", "acme", "norlund"], ["timeline", "acme"]])(
    "%s --json prints valid JSON",
    (...args) => {
      const { status, stdout } = run(...args, "--graph", FIXTURE, "--json");
      expect(status).toBe(0);
      expect(() => JSON.parse(stdout)).not.toThrow();
    },
  );

  it.each([
    ["an unknown name", ["neighbors", "Nobody Atall"], 5, /^newsgraph: unknown entity "Nobody Atall"/],
    ["an ambiguous name", ["show", "mercury"], 5, /^newsgraph: "mercury" is ambiguous: .*organization:mercury.*project:mercury/],
    ["a missing graph folder", ["stats", "--graph", join(tmp, "none")], 4, /^newsgraph: no graph folder at /],
    ["no path", ["path", "sola reef", "valdoria"], 8, /^newsgraph: no path between Sola Reef and Valdoria/],
    ["a bad option value", ["neighbors", "acme", "--depth", "two"], 6, /^newsgraph: --depth must be a number/],
    ["an unknown export format", ["export", "--format", "xlsx"], 6, /^newsgraph: unknown export format "xlsx"/],
  ])("fails with one line on %s", (_what, args, code, message) => {
    const { status, stdout, stderr } = run(...args, ...(args.includes("--graph") ? [] : ["--graph", FIXTURE]));
    expect(status).toBe(code);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("exports to stdout or to files", () => {
    const dot = run("export", "--format", "dot", "--graph", FIXTURE);
    expect(dot.status).toBe(0);
    expect(dot.stdout).toMatch(/^digraph /);
    const csv = run("export", "--format", "csv", "--graph", FIXTURE, "--out", join(tmp, "csv"));
    expect(csv.status).toBe(0);
    expect(readFileSync(join(tmp, "csv", "nodes.csv"), "utf8").trimEnd().split("\n")).toHaveLength(17);
  });
});

describe("query commands on the seeds graph", () => {
  const graph = join(tmp, "seeds-graph");

  beforeAll(() => {
    const built = run("build", "seeds", "--out", graph, "--no-progress");
    if (built.status !== 0) throw new Error(`build failed: ${built.stderr}`);
  });

  it("neighbors --json of the person with the most stated relations lists a stated neighbour", () => {
    const { person, neighbour } = statedPair(join(graph, "graph.json"));
    const { status, stdout } = run("neighbors", person.label.toLowerCase(), "--graph", graph, "--json");
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as NeighborsResult;
    expect(result.rows.map((r) => r.label)).toContain(neighbour.label);
  });

  it("neighbors of an unknown name exits non-zero with a short message", () => {
    const { status, stderr } = run("neighbors", "Nobody Atall", "--graph", graph);
    expect(status).not.toBe(0);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr.length).toBeLessThan(300);
  });

  it("path gazprom 'xi jinping' --json gives typed hops, each with evidence", () => {
    const { status, stdout, stderr } = run("path", "gazprom", "xi jinping", "--graph", graph, "--json");
    expect(stderr).toBe("");
    expect(status).toBe(0);
    const result = JSON.parse(stdout) as PathResult;
    expect(result.paths.length).toBeGreaterThan(0);
    for (const path of result.paths) {
      for (const hop of path.hops) {
        expect(hop.relation).not.toBe("co_occurs");
        expect(hop.evidence?.sentence.length).toBeGreaterThan(0);
        expect(hop.evidence?.doc).toBeTruthy();
      }
    }
  });

  it("the build writes a query index, and each command answers the same without it", () => {
    expect(existsSync(join(graph, "query-index.bin"))).toBe(true);
    const withoutIndex = join(tmp, "seeds-graph-without-index");
    cpSync(graph, withoutIndex, { recursive: true });
    rmSync(join(withoutIndex, "query-index.bin"));
    const [hub, other] = (JSON.parse(run("stats", "--graph", graph, "--json").stdout) as GraphStats).topEntities.map((e) => e.key);
    const commands = [
      ["stats", "--json"],
      ["neighbors", hub!, "--depth", "2"],
      ["neighbors", hub!, "--depth", "2", "--json"],
      ["show", hub!, "--json"],
      ["search", hub!.slice(hub!.indexOf(":") + 1, hub!.indexOf(":") + 5), "--json"],
      ["path", hub!, other!, "--any", "--json"],
      ["timeline", hub!, "--json"],
    ];
    for (const args of commands) {
      const indexed = run(...args, "--graph", graph);
      expect(indexed.status, `${args.join(" ")}: ${indexed.stderr}`).toBe(0);
      expect(run(...args, "--graph", withoutIndex)).toEqual(indexed);
    }
  }, 180_000);

  it("never answers wrongly from a damaged index: a flipped byte anywhere gives the answer without it, or one line naming the file and exit 4", () => {
    const withoutIndex = join(tmp, "seeds-graph-no-index");
    cpSync(graph, withoutIndex, { recursive: true });
    rmSync(join(withoutIndex, "query-index.bin"));
    const hub = (JSON.parse(run("stats", "--graph", graph, "--json").stdout) as GraphStats).topEntities[0]!.key;
    const commands = [
      ["show", hub, "--json"],
      ["neighbors", hub, "--json"],
    ];
    const expected = commands.map((args) => run(...args, "--graph", withoutIndex).stdout);
    const bytes = readFileSync(join(graph, "query-index.bin"));
    const damaged = join(tmp, "seeds-graph-damaged-index");
    const indexPath = join(damaged, "query-index.bin");
    for (let k = 0; k < 8; k++) {
      rmSync(damaged, { recursive: true, force: true });
      cpSync(graph, damaged, { recursive: true });
      const flipped = Buffer.from(bytes);
      flipped[Math.floor((bytes.length * (k + 0.5)) / 8)] ^= 4;
      writeFileSync(indexPath, flipped);
      commands.forEach((args, i) => {
        const { status, stdout, stderr } = run(...args, "--graph", damaged);
        if (status === 0) {
          expect(stdout).toBe(expected[i]);
          expect(stderr === "" || stderr.includes(indexPath)).toBe(true);
        } else {
          expect(status).toBe(4);
          expect(stderr).toMatch(new RegExp(`^newsgraph: ${indexPath.replace(/\W/g, "\\$&")}: damaged query index .*\n$`));
        }
      });
    }
  }, 180_000);

  it.each([
    ["gexf", (text: string) => parseGexf(MultiGraph, text)],
    ["graphml", (text: string) => parseGraphml(MultiGraph, text)],
  ])("export --format %s parses back with the same counts", (format, parse) => {
    const out = join(tmp, `seeds.${format}`);
    expect(run("export", "--format", format, "--graph", graph, "--out", out).status).toBe(0);
    const saved = JSON.parse(readFileSync(join(graph, "graph.json"), "utf8")) as { nodes: unknown[]; edges: unknown[] };
    const parsed = parse(readFileSync(out, "utf8"));
    expect([parsed.order, parsed.size]).toEqual([saved.nodes.length, saved.edges.length]);
  });
});

describe("output read by a reader that stops early", () => {
  it("ends quietly when the pipe closes before the answer is written (`newsgraph ... | head`)", async () => {
    const child = spawn(process.execPath, [CLI, "stats", "--json", "--graph", FIXTURE], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy(); // closed before the command has started, let alone written
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const status = await new Promise<number | null>((done) => child.on("close", (code) => done(code)));
    expect(stderr).toBe("");
    expect(status).toBe(0);
  });
});
