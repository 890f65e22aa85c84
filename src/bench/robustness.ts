#!/usr/bin/env node
/**
 * `npm run bench:robustness [-- MB ...]`: builds pathological single files of the given sizes (default
 * 1, 2 and 4 MB) and prints, for each, the wall time, CPU time and peak resident memory of the build and
 * the size of what it wrote — the figures behind the bounds on one document's work. The inputs are
 * generated: a text without sentence punctuation (random words and names), "Mr. A. B. Smith met Dr. C.
 * D. Jones in Paris." repeated, and one plain sentence repeated. `-- 20 7` gives the full sizes.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { handleError } from "../cli/output.js";
import { NewsgraphError } from "../errors.js";
import { PACKAGE_ROOT } from "../paths.js";

const CLI = join(PACKAGE_ROOT, "dist/src/cli/main.js");
const VOCABULARY = ["the", "of", "and", "to", "Microsoft", "Tony", "Paris", "said", "company", "met", "in", "a", "new", "Smith", "London", "deal", "with", "for", "Berlin", "on"];

/** The pathological inputs, each a function of its size in bytes. */
const KINDS: Record<string, (bytes: number) => string> = {
  "no punctuation": (bytes) => {
    let seed = 12345;
    const words: string[] = [];
    for (let n = 0; n < bytes; ) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const w = VOCABULARY[(seed >>> 16) % VOCABULARY.length]!;
      words.push(w);
      n += w.length + 1;
    }
    return words.join(" ");
  },
  initials: (bytes) => "Mr. A. B. Smith met Dr. C. D. Jones in Paris. ".repeat(Math.ceil(bytes / 47)),
  "one sentence repeated": (bytes) => "Alice Brown met Carl Dunn in Paris. ".repeat(Math.ceil(bytes / 36)),
};

interface Row {
  kind: string;
  mb: number;
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  outputMb: number;
  capped: string;
}

function run(kind: string, mb: number, work: string): Row {
  const input = join(work, "input.txt");
  writeFileSync(input, KINDS[kind]!(mb * 1024 * 1024));
  const out = join(work, "out");
  rmSync(out, { recursive: true, force: true });
  const t = performance.now();
  const r = spawnSync(process.execPath, [CLI, "build", input, "--out", out, "--no-cache", "--no-progress", "--json"], { encoding: "utf8", maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new NewsgraphError("BAD_ARGUMENT", `bench: build of ${kind} ${mb} MB failed: ${r.stderr.trim().split("\n")[0] ?? ""}`);
  const s = JSON.parse(r.stdout) as { peakRssMb: number; cpuSeconds: number; limits: Record<string, number> };
  const outputMb = readdirSync(out).reduce((n, f) => n + statSync(join(out, f)).size, 0) / 1e6;
  const capped = Object.entries(s.limits).map(([k, v]) => `${k} ${v}`).join(", ");
  return { kind, mb, seconds, cpuSeconds: s.cpuSeconds, peakRssMb: s.peakRssMb, outputMb, capped };
}

function main(): void {
  const sizes = process.argv.slice(2).map(Number);
  if (sizes.some((n) => !(n > 0))) throw new NewsgraphError("BAD_ARGUMENT", `bench:robustness: sizes must be positive numbers of MB (got ${process.argv.slice(2).join(" ")})`);
  const work = mkdtempSync(join(tmpdir(), "newsgraph-robustness-"));
  try {
    process.stdout.write("input                   MB   wall s   CPU s  peak RSS MB  output MB  capped\n");
    for (const kind of Object.keys(KINDS)) {
      for (const mb of sizes.length > 0 ? sizes : [1, 2, 4]) {
        const r = run(kind, mb, work);
        process.stdout.write(`${r.kind.padEnd(22)} ${String(r.mb).padStart(3)} ${r.seconds.toFixed(1).padStart(8)} ${r.cpuSeconds.toFixed(1).padStart(7)} ${String(r.peakRssMb).padStart(12)} ${r.outputMb.toFixed(1).padStart(10)}  ${r.capped}\n`);
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

try {
  main();
} catch (err) {
  handleError(err);
}
