/**
 * `newsgraph show <entity>`: the entity card — type, aliases, roles, documents, and its relations grouped
 * by type with the sentences that support them.
 */
import type { Command } from "commander";
import { checkInteger, numberArgument } from "../../query/check.js";
import { arrow, claimNote } from "../../query/edge-view.js";
import { evidenceDamage } from "../../query/evidence.js";
import { DEFAULT_GRAPH_DIR, openGraph } from "../../query/load.js";
import { runShow, type EntityCard } from "../../query/show.js";
import { printJson, printWarning } from "../output.js";

interface ShowCliOptions {
  graph: string;
  evidence: string;
  json?: boolean;
}

/** Sentences shown per relation in the human card. */
export const SHOW_EVIDENCE_DEFAULT = 3;

/** Human entity card; at most `evidence` sentences per relation (0 for all). */
export function formatCard(card: EntityCard, evidence = SHOW_EVIDENCE_DEFAULT): string {
  const seen = card.firstSeen ? ` · seen ${card.firstSeen}${card.lastSeen && card.lastSeen !== card.firstSeen ? ` to ${card.lastSeen}` : ""}` : "";
  const community = card.community === undefined ? "" : ` · community ${card.community}`;
  const lines = [
    `${card.label}  [${card.key}]`,
    `${card.type} · ${card.mentions} mentions · ${card.degree} linked entities${seen}${community}`,
  ];
  if (card.aliases.length > 0) lines.push(`aliases: ${card.aliases.join("; ")}`);
  if (card.roles.length > 0) lines.push(`roles: ${card.roles.join("; ")}`);
  lines.push("", `documents (${card.documents.length}):`);
  for (const d of card.documents) lines.push(`  ${d.date ?? "undated   "}  ${d.id}${d.title ? `  ${d.title}` : ""}`);
  for (const group of card.relations) {
    lines.push("", `${group.relation} (${group.edges.length})`);
    if (group.relation === "co_occurs") {
      lines.push(`  ${group.edges.map((e) => `${e.other.label} (${e.weight})`).join(", ")}`);
      continue;
    }
    for (const e of group.edges) {
      const predicate = e.predicate ? `  "${e.predicate}"` : "";
      const note = claimNote(e);
      const claim = `${e.negated ? "NOT " : ""}${e.modality === "asserted" ? "" : `(${e.modality}) `}`;
      lines.push(`  ${arrow(e.direction)} ${claim}${e.other.label} (${e.other.type})${predicate}  weight ${e.weight}${note ? `; ${note}` : ""}`);
      const shown = evidence > 0 ? e.evidence.slice(0, evidence) : e.evidence;
      for (const ev of shown) lines.push(`      [${ev.doc}${ev.date ? ` ${ev.date}` : ""}] ${ev.sentence}`);
      if (shown.length < e.evidence.length) lines.push(`      (+${e.evidence.length - shown.length} more; --evidence 0 shows all)`);
    }
  }
  return lines.join("\n");
}

export function registerShow(program: Command): void {
  program
    .command("show")
    .description("show an entity card: type, aliases, documents, relations with their evidence")
    .argument("<entity>", "entity name, alias or key (case-insensitive, typos tolerated)")
    .option("-g, --graph <dir>", "graph folder written by `newsgraph build`", DEFAULT_GRAPH_DIR)
    .option("-e, --evidence <n>", "sentences shown per relation (0 for all; --json always has all)", String(SHOW_EVIDENCE_DEFAULT))
    .option("--json", "print JSON")
    .action((entity: string, opts: ShowCliOptions) => {
      const evidence = numberArgument("evidence", opts.evidence);
      checkInteger("evidence", evidence, 0);
      const kg = openGraph(opts.graph, printWarning);
      const card = runShow(kg, entity);
      printWarning(evidenceDamage(kg));
      if (opts.json) printJson(card);
      else process.stdout.write(formatCard(card, evidence) + "\n");
    });
}
