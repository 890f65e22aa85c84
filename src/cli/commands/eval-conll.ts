/** `newsgraph eval conll FILE`: conlleval-style precision, recall and F1 of the NER tagger on a CoNLL file. */
import type { Command } from "commander";
import { evalConll, type ConllReport, type TypeScore } from "../../eval/conll.js";
import { formatTable, printJson } from "../output.js";

const row = (name: string, s: TypeScore) => [name, s.p.toFixed(4), s.r.toFixed(4), s.f1.toFixed(4), s.gold, s.predicted, s.correct];

/** Human table of a CoNLL report: one row per type and the overall row. */
export function formatConllReport(report: ConllReport): string {
  const rows = Object.entries(report.types).map(([type, s]) => row(type, s));
  rows.push(row("overall", report.overall));
  return [
    `${report.sentences} sentences, ${report.tokens} tokens`,
    formatTable(["type", "precision", "recall", "f1", "gold", "predicted", "correct"], rows),
  ].join("\n");
}

export function registerEvalConll(evalCommand: Command): void {
  evalCommand
    .command("conll")
    .description("score the named-entity tagger on a CoNLL-2003 file (word ... tag columns, IOB tags)")
    .argument("<file>", "CoNLL file (e.g. ../shared/corpora/conll2003/test.txt)")
    .option("--json", 'print {"overall": {p, r, f1}, "types": {...}} as JSON')
    .action((file: string, opts: { json?: boolean }) => {
      const report = evalConll(file);
      if (opts.json) printJson(report);
      else process.stdout.write(formatConllReport(report) + "\n");
    });
}
