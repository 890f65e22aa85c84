/** `newsgraph eval dwie|conll04|redocred FILE`: score entities and relations on a labelled relation corpus. */
import type { Command } from "commander";
import { loadExtractor } from "../../extract/extractor.js";
import type { Score } from "../../eval/gold.js";
import type { RelationCorpus } from "../../eval/relation-corpora.js";
import { evalRelations } from "../../eval/relations.js";
import { confidenceArgument } from "../../query/check.js";
import { formatTable, printJson } from "../output.js";

// A type the corpus labels no pair with (only as a compatible reading of another) has no recall.
const row = (name: string, s: Score) => {
  const unlabelled = s.fn === 0 && s.r === 0;
  return [name, s.p.toFixed(3), unlabelled ? "-" : s.r.toFixed(3), unlabelled ? "-" : s.f1.toFixed(3), s.tp, s.fp, s.fn];
};

const CORPORA: [RelationCorpus, string][] = [
  ["dwie", "DWIE dev.json or test.json (DocRED layout)"],
  ["conll04", "CoNLL04 conll04_dev.json or conll04_test.json (SpERT JSON)"],
  ["redocred", "Re-DocRED dev_revised.json or test_revised.json"],
];

const confidence = (value: string) => confidenceArgument("min-confidence", value);

export function registerEvalRelations(evalCommand: Command): void {
  for (const [corpus, what] of CORPORA) {
    evalCommand
      .command(corpus)
      .description(`score entities and relations (pairs, per type, over confidence thresholds) on ${corpus}`)
      .argument("<file>", what)
      .option("--limit <n>", "score only the first n documents", (v) => parseInt(v, 10))
      .option("--min-confidence <x>", "one minimum confidence for every type (default: the model's per type, chosen on dev)", confidence)
      .option("--rules-only", "extract without the relation classifier (the rules' edges alone)")
      .option("--json", "print the report as JSON")
      .action((file: string, opts: { json?: boolean; limit?: number; minConfidence?: number; rulesOnly?: boolean }) => {
        const extractor = loadExtractor(opts.rulesOnly ? { relations: null } : {});
        const options: { limit?: number; minConfidence?: number } = {};
        if (opts.limit) options.limit = opts.limit;
        if (opts.minConfidence !== undefined) options.minConfidence = opts.minConfidence;
        const report = evalRelations(extractor, corpus, file, options);
        if (opts.json) {
          printJson(report);
          return;
        }
        const rows = [row("entities", report.entities), row("entities by name", report.entitiesByName), row("relations", report.relations), ...Object.entries(report.byRelation).map(([r, s]) => row(`  ${r}`, s))];
        const curve = report.thresholds.map((t) => [t.minConfidence.toFixed(2), t.p.toFixed(3), t.r.toFixed(3), t.f1.toFixed(3)]);
        process.stdout.write(
          `${report.documents} documents, minimum confidence ${report.minConfidence === "model" ? "per type, the model's" : report.minConfidence}\n` +
            formatTable(["", "precision", "recall", "f1", "tp", "fp", "fn"], rows) +
            "\n\nrelations by minimum confidence\n" +
            formatTable(["min confidence", "precision", "recall", "f1"], curve) +
            "\n",
        );
      });
  }
}
