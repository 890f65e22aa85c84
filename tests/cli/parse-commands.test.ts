// Spawned tests of `newsgraph parse` and `newsgraph eval ud`: the built CLI (dist/, as `npm test` compiles
// it) with the shipped models, on sentences of our own and on the fixture treebank.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { AnalyzedSentence } from "../../src/nlp/parser/analyze.js";
import type { UdReport } from "../../src/eval/ud.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const CLI = join(ROOT, "dist", "src", "cli", "main.js");

function run(args: string[], input?: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", input });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe("newsgraph parse", () => {
  it("prints each sentence as CoNLL-U: ten columns, one root, heads inside the sentence", () => {
    const { status, stdout } = run(["parse", "The minister met the delegation in Oslo. Talks ended on Friday."]);
    expect(status).toBe(0);
    const blocks = stdout.trim().split("\n\n");
    expect(blocks).toHaveLength(2);
    for (const block of blocks) {
      const rows = block.split("\n").filter((l) => !l.startsWith("#")).map((l) => l.split("\t"));
      expect(block).toMatch(/^# text = /);
      for (const r of rows) {
        expect(r).toHaveLength(10);
        expect(Number(r[6])).toBeGreaterThanOrEqual(0);
        expect(Number(r[6])).toBeLessThanOrEqual(rows.length);
      }
      expect(rows.filter((r) => r[6] === "0" && r[7] === "root")).toHaveLength(1);
    }
  });

  it("finds the subject of the verb past an apposition", () => {
    const { stdout } = run(["parse", "--json", "Anna Berg, the chief of the bank, visited Lisbon."]);
    const [s] = JSON.parse(stdout) as AnalyzedSentence[];
    const visited = s!.tokens.find((t) => t.form === "visited")!;
    const subject = s!.tokens.find((t) => t.head === visited.id && t.deprel === "nsubj")!;
    expect(["Anna", "Berg"]).toContain(subject.form);
    expect(s!.tokens.find((t) => t.form === "Lisbon")!.head).toBe(visited.id);
    expect(s!.text.slice(visited.start - s!.start, visited.end - s!.start)).toBe("visited");
  });

  it("reads standard input with -, and rejects empty text with one line", () => {
    expect(run(["parse", "-"], "Prices rose.").stdout).toContain("\tPrices\t");
    const empty = run(["parse", "  "]);
    expect(empty.status).not.toBe(0);
    expect(empty.stderr.trim().split("\n")).toHaveLength(1);
  });
});

describe("newsgraph eval ud", () => {
  it("scores the parser on a CoNLL-U file with predicted or gold tags", () => {
    const file = join("tests", "fixtures", "ud", "tiny.conllu");
    for (const args of [["eval", "ud", file, "--json"], ["eval", "ud", file, "--gold-tags", "--json"]]) {
      const r = JSON.parse(run(args).stdout) as UdReport;
      expect(r.sentences).toBe(3);
      expect(r.words).toBe(23);
      for (const x of [r.uas, r.las, r.labelAccuracy, r.tagAccuracy]) expect(x).toBeGreaterThan(0.5);
      expect(r.las).toBeLessThanOrEqual(r.uas);
      expect(r.tokensPerSecond).toBeGreaterThan(0);
    }
    expect(JSON.parse(run(["eval", "ud", file, "--gold-tags", "--json"]).stdout).tagAccuracy).toBe(1);
  });

  it("names a file it cannot read and exits non-zero", () => {
    const bad = run(["eval", "ud", join("tests", "fixtures", "ud", "missing.conllu")]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toMatch(/missing\.conllu/);
  });
});
