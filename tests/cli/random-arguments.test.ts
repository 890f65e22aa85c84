/**
 * Random argument lists through the compiled CLI (fast-check, seeded; a bounded number of spawned runs):
 * whatever is typed, newsgraph answers with its output or one error line and a documented exit code,
 * never a stack trace or "internal error", and never echoes a huge argument in full.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { ECHO_LIMIT } from "../../src/errors.js";
import { FIXTURE_DIR } from "../query/fixture.js";

const root = join(import.meta.dirname, "../..");
const cli = join(root, "dist/src/cli/main.js");
const work = mkdtempSync(join(tmpdir(), "newsgraph-random-args-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Exit codes the README documents: 0 success, 2–11 expected failures. */
const DOCUMENTED = new Set([0, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

const value = fc.oneof(
  fc.constantFrom("", "0", "-1", "3", "1e309", "NaN", "2024-13-45", "meets,visits", "person", "gexf", "csv", "Ana Müller", "e0", "../..", "/proc/x", "-"),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.string({ unit: "binary", minLength: 500, maxLength: 3000 }),
);
const option = fc.oneof(
  fc.constantFrom("--json", "--any", "--verbose", "--help"),
  fc.tuple(
    fc.constantFrom("--depth", "--limit", "--type", "--relation", "--since", "--until", "--min-weight", "--k", "--top", "--evidence", "--suspects", "--format", "--port", "--workers", "--evidence-cap", "--min-confidence"),
    value,
  ),
  fc.string({ unit: "binary-ascii", maxLength: 30 }).map((s) => `--${s}`),
);
const command = fc.constantFrom("neighbors", "show", "search", "stats", "path", "why", "timeline", "export", "build", "eval", "nosuchcommand");
const argv = fc
  .tuple(command, fc.array(value, { maxLength: 3 }), fc.array(option, { maxLength: 4 }), fc.boolean())
  .map(([cmd, positional, options, withGraph]) => {
    const args = [cmd, ...positional, ...options.flat()];
    // build writes only into the scratch folder; queries read the fixture (or, without --graph, a missing folder).
    if (cmd === "build") args.push("--out", join(work, "out"), "--no-progress");
    else if (withGraph) args.push("--graph", FIXTURE_DIR);
    return args.filter((a) => !a.includes("\0"));
  });

function run(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: work, timeout: 60_000 });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}

describe("newsgraph with random arguments", () => {
  it("answers every argument list with output or one coded error line, never a stack trace", async () => {
    const cases = fc.sample(argv, { seed: 15, numRuns: 20 });
    for (let i = 0; i < cases.length; i += 4) {
      const batch = cases.slice(i, i + 4);
      const results = await Promise.all(batch.map(run));
      results.forEach((r, j) => {
        const shown = JSON.stringify(batch[j]).slice(0, 300);
        expect(DOCUMENTED.has(r.status ?? -1), `exit ${r.status} for ${shown}`).toBe(true);
        expect(r.stderr, shown).not.toMatch(/newsgraph: internal error|^\s+at .*:\d+:\d+\)?$/m);
        const errorLines = r.stderr.split("\n").filter((l) => /^(newsgraph: |error: )/.test(l));
        if (r.status !== 0) expect(errorLines.length, `${shown}\n${r.stderr.slice(0, 500)}`).toBeGreaterThanOrEqual(1);
        for (const line of errorLines) expect([...line].length, shown).toBeLessThanOrEqual(ECHO_LIMIT * 5 + 20);
      });
    }
  }, 600_000);
});
