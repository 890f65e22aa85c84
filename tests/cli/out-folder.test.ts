/**
 * `newsgraph build` and its output folder, through the compiled CLI: an unusable --out fails at once on
 * one line (exit 10), a folder another build holds fails naming its PID (exit 11) or is waited for with
 * --wait, a killed build's lock and temporary files are cleaned up, and a build that reads no document
 * (every input skipped) exits 3 and leaves the previous graph as it was.
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/src/cli/main.js");
const INPUT = join(root, "tests/fixtures/corpus/headline.txt");
const build = (out: string, ...more: string[]) =>
  spawnSync(process.execPath, [cli, "build", INPUT, "--out", out, "--workers", "1", "--no-progress", ...more], { cwd: root, encoding: "utf8", timeout: 60_000 });

/** A PID no process has any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid!;
}

function expectOneLine(stderr: string, pattern: RegExp): void {
  const lines = stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/newsgraph: internal error|^\s+at .*:\d+:\d+\)?$/m);
}

describe("newsgraph build --out", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "newsgraph-out-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.runIf(existsSync("/proc/self"))("under /proc fails at once on one line (it used to spin forever)", () => {
    const r = build("/proc/newsgraph-x");
    expect(r.status).toBe(10);
    expectOneLine(r.stderr, /^newsgraph: cannot write \/proc\/newsgraph-x: /);
  });

  it("naming a regular file fails on one line and leaves the file", () => {
    const file = join(dir, "notes.txt");
    writeFileSync(file, "mine");
    const r = build(file);
    expect(r.status).toBe(10);
    expectOneLine(r.stderr, /is not a folder/);
    expect(readFileSync(file, "utf8")).toBe("mine");
  });

  it("held by a running build fails naming its PID, and writes nothing", () => {
    const out = join(dir, "held");
    mkdirSync(out);
    writeFileSync(join(out, ".newsgraph.lock"), `${process.pid}\n`);
    const r = build(out);
    expect(r.status).toBe(11);
    expectOneLine(r.stderr, new RegExp(`another build \\(PID ${process.pid}\\).*--wait`));
    expect(readdirSync(out)).toEqual([".newsgraph.lock"]);
  });

  it("left by a killed build (its lock, temporary and spool files) is taken over and cleaned", () => {
    const out = join(dir, "killed");
    mkdirSync(out);
    const pid = deadPid();
    for (const name of [".newsgraph.lock", `.graph.json.tmp-${pid}`, `.texts.spool-${pid}`, `.evidence.jsonl.tmp-${pid}`]) writeFileSync(join(out, name), `${pid}\n`);
    const r = build(out);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/removed 3 temporary files/);
    expect(readdirSync(out).filter((n) => n.startsWith(".")).sort()).toEqual([]);
    expect(existsSync(join(out, "graph.json"))).toBe(true);
  });

  it("held by a running build is waited for with --wait", async () => {
    const out = join(dir, "waited");
    mkdirSync(out);
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    writeFileSync(join(out, ".newsgraph.lock"), `${holder.pid}\n`);
    const child = spawn(process.execPath, [cli, "build", INPUT, "--out", out, "--workers", "1", "--no-progress", "--wait"], { cwd: root });
    let stderr = "";
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
      if (stderr.includes("waiting")) holder.kill(); // the holder finishes once the build waits for it
    });
    const status = await new Promise<number | null>((done) => child.on("close", done));
    holder.kill();
    expect(stderr).toContain(`waiting for the build of PID ${holder.pid}`);
    expect(status).toBe(0);
    expect(existsSync(join(out, "graph.json"))).toBe(true);
    expect(existsSync(join(out, ".newsgraph.lock"))).toBe(false);
  });

  it("keeps its graph when --skip-bad skips every input", () => {
    const out = join(dir, "kept");
    expect(build(out).status).toBe(0);
    const before = readFileSync(join(out, "graph.json"));
    const bad = join(dir, "bad");
    mkdirSync(bad);
    writeFileSync(join(bad, "a.jsonl"), "{cut\n");
    writeFileSync(join(bad, "b.txt"), Buffer.from([0, 1, 2, 3]));
    const r = spawnSync(process.execPath, [cli, "build", bad, "--out", out, "--skip-bad", "--no-progress"], { cwd: root, encoding: "utf8", timeout: 60_000 });
    expect(r.status).toBe(3);
    const lines = r.stderr.trim().split("\n");
    expect(lines.at(-1)).toMatch(/^newsgraph: no document was read from .*bad \(every input was skipped\); .*kept was left as it was$/);
    expect(lines.slice(0, -1).every((l) => l.startsWith("newsgraph: warning: skipped"))).toBe(true);
    expect(readFileSync(join(out, "graph.json"))).toEqual(before);
  });
});
