/**
 * Co-occurrence: every pair of distinct entities mentioned in one sentence, as undirected `co_occurs`
 * relations (not claims; the graph counts them into `weight`). Very long sentences only pair mentions
 * within a window so lists of names do not explode quadratically.
 */
import { ClaimList, type RuleOutput } from "./claims.js";
import type { SentenceContext } from "./context.js";

const WINDOW = 12;

export function cooccurrences(ctx: SentenceContext): RuleOutput {
  const out = new ClaimList(ctx);
  // Pushed into one array: spreading two map() results, one of them empty, deoptimized this code.
  const found: { at: number; id: string }[] = [];
  for (const i of ctx.items) found.push({ at: i.m.start, id: i.id });
  for (const d of ctx.demonyms) found.push({ at: d.d.start, id: d.id });
  found.sort((a, b) => a.at - b.at);
  const ids: string[] = [];
  for (const it of found) if (!ids.includes(it.id)) ids.push(it.id);
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length && j <= i + WINDOW; j++) {
      const [a, b] = ids[i]! < ids[j]! ? [ids[i]!, ids[j]!] : [ids[j]!, ids[i]!];
      out.add(a, "co_occurs", b, { predicate: "", rule: "same-sentence" });
    }
  }
  return out;
}
