/** `newsgraph eval gold GRAPH GOLD`: score a built graph against a hand-made gold graph. */
import type { Command } from "commander";
import { evalGold, type Score } from "../../eval/gold.js";
import { formatTable, printJson } from "../output.js";

const row = (name: string, s: Score) => [name, s.p.toFixed(3), s.r.toFixed(3), s.f1.toFixed(3), s.tp, s.fp, s.fn];

export function registerEvalGold(evalCommand: Command): void {
  evalCommand
    .command("gold")
    .description("score a graph against a gold graph (entities by label/alias, typed relations with polarity)")
    .argument("<graph>", "graph.json or its folder")
    .argument("<gold>", "gold graph JSON")
    .option("--json", "print the report as JSON")
    .option("--details", "list missing and spurious entities and relations")
    .action((graph: string, gold: string, opts: { json?: boolean; details?: boolean }) => {
      const report = evalGold(graph, gold);
      if (opts.json) {
        printJson(report);
        return;
      }
      const lines = [formatTable(["", "precision", "recall", "f1", "tp", "fp", "fn"], [row("entities", report.entities), row("entities (typed)", report.entitiesTyped), row("relations", report.relations)])];
      if (opts.details) {
        lines.push("", "missing entities: " + (report.missingEntities.join("; ") || "none"));
        lines.push("spurious entities: " + (report.spuriousEntities.join("; ") || "none"));
        lines.push("missing relations:", ...report.missingRelations.map((r) => `  ${r}`));
        lines.push("spurious relations:", ...report.spuriousRelations.map((r) => `  ${r}`));
      }
      process.stdout.write(lines.join("\n") + "\n");
    });
}
