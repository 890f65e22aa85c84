/** `newsgraph eval dwie FILE`: score entities and mapped relations on DWIE documents. */
import type { Command } from "commander";
import { loadExtractor } from "../../extract/extractor.js";
import { evalDwie } from "../../eval/dwie.js";
import type { Score } from "../../eval/gold.js";
import { formatTable, printJson } from "../output.js";

const row = (name: string, s: Score) => [name, s.p.toFixed(3), s.r.toFixed(3), s.f1.toFixed(3), s.tp, s.fp, s.fn];

export function registerEvalDwie(evalCommand: Command): void {
  evalCommand
    .command("dwie")
    .description("score entities and relations on a DWIE file (DocRED layout)")
    .argument("<file>", "DWIE dev.json or test.json")
    .option("--limit <n>", "score only the first n documents", (v) => parseInt(v, 10))
    .option("--json", "print the report as JSON")
    .action((file: string, opts: { json?: boolean; limit?: number }) => {
      const report = evalDwie(loadExtractor(), file, opts.limit ? { limit: opts.limit } : {});
      if (opts.json) {
        printJson(report);
        return;
      }
      const rows = [row("entities", report.entities), row("relations", report.relations), ...Object.entries(report.byRelation).map(([r, s]) => row(`  ${r}`, s))];
      process.stdout.write(`${report.documents} documents\n` + formatTable(["", "precision", "recall", "f1", "tp", "fp", "fn"], rows) + "\n");
    });
}
