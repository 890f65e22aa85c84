/** `newsgraph eval ud FILE.conllu`: attachment scores of the dependency parser on a UD treebank file. */
import type { Command } from "commander";
import { evaluateUd, type UdReport } from "../../eval/ud.js";
import { readConllu } from "../../nlp/parser/conllu.js";
import { loadParser } from "../../nlp/parser/parser.js";
import { loadPosTagger } from "../../nlp/tagger/index.js";
import { formatTable, printJson } from "../output.js";

/** Human table of a UD report. */
export function formatUdReport(r: UdReport): string {
  const f = (x: number) => x.toFixed(4);
  return [
    `${r.sentences} sentences, ${r.words} words, ${r.tags} tags (tag accuracy ${f(r.tagAccuracy)})`,
    formatTable(["UAS", "LAS", "LAS (full relations)", "label accuracy", "tokens/s"], [[f(r.uas), f(r.las), f(r.lasFullRelations), f(r.labelAccuracy), r.tokensPerSecond]]),
  ].join("\n");
}

export function registerEvalUd(evalCommand: Command): void {
  evalCommand
    .command("ud")
    .description("score the dependency parser on a CoNLL-U file (UAS, LAS, label accuracy, speed)")
    .argument("<file>", "CoNLL-U file (e.g. ../shared/corpora/ud/en_ewt-ud-dev.conllu)")
    .option("--gold-tags", "read the file's Penn tags instead of tagging with the POS tagger")
    .option("--json", "print the report as JSON")
    .action((file: string, opts: { goldTags?: boolean; json?: boolean }) => {
      const sentences = readConllu(file);
      const report = evaluateUd(sentences, loadParser(), opts.goldTags ? null : loadPosTagger());
      if (opts.json) printJson(report);
      else process.stdout.write(formatUdReport(report) + "\n");
    });
}
