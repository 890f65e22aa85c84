/** `newsgraph serve` run as a user runs it (the compiled CLI): prints its address, serves, stops cleanly. */
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");
const CLI = join(ROOT, "dist", "src", "cli", "main.js");
const FIXTURE = join(ROOT, "tests", "fixtures", "viewer", "graph");

describe("newsgraph serve", () => {
  beforeAll(() => {
    if (!existsSync(CLI) || !existsSync(join(ROOT, "viewer", "dist", "index.html"))) {
      throw new Error("the CLI or the viewer is not built: run `npm run build` first (npm test does)");
    }
  });

  it("prints the viewer's address, serves it, and exits on SIGTERM", async () => {
    const child = spawn(process.execPath, [CLI, "serve", "--graph", FIXTURE, "--port", "0"], { cwd: ROOT });
    let output = "";
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        const match = /^newsgraph viewer: (http:\/\/127\.0\.0\.1:\d+\/)$/m.exec(output);
        if (match) resolve(match[1]!);
      });
      child.once("exit", (code) => reject(new Error(`exited with ${code}: ${output}`)));
    });
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="stage"');
    const graph = await fetch(new URL("data/graph.json", url));
    expect((await graph.json()).nodes).toHaveLength(11);
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it.each([
    ["a missing graph folder", ["--graph", "no/such/folder"], 4, /no graph folder at no\/such\/folder/],
    ["a bad port", ["--graph", FIXTURE, "--port", "http"], 6, /--port must be an integer/],
  ])("exits non-zero with one line on %s", (_why, args, status, message) => {
    const result = spawnSync(process.execPath, [CLI, "serve", ...args], { cwd: ROOT, encoding: "utf8" });
    expect(result.status).toBe(status);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(message);
  });
});
