/**
 * Candidate pairs for the relation classifier: every ordered pair of distinct entities named in one
 * sentence, by name, by a resolved description ("the pipeline") or pronoun, or by a demonym ("German" → Germany),
 * each pair taken at its closest two mentions. A sentence is capped in mentions and pair distance so a
 * list of names cannot make the pairs explode.
 */
import type { EntityType } from "../../types.js";
import type { SentenceContext } from "./context.js";

/** One mention of an entity in a sentence, whatever its form. */
export interface Anchor {
  id: string;
  type: EntityType;
  tokStart: number;
  tokEnd: number;
  kind: "name" | "nominal" | "pronoun" | "demonym";
}

export interface Candidate {
  source: Anchor;
  target: Anchor;
}

/** Mentions per sentence considered for pairs (the first ones in the sentence). */
export const MAX_ANCHORS = 16;
/** Tokens between two mentions beyond which they are not paired. */
export const MAX_PAIR_DISTANCE = 20;

/** The entity mentions of a sentence, in token order. */
export function anchorsOf(ctx: SentenceContext): Anchor[] {
  const out: Anchor[] = [];
  for (const it of ctx.items) out.push({ id: it.id, type: it.type, tokStart: it.m.tokStart, tokEnd: it.m.tokEnd, kind: it.m.source === "NOM" ? "nominal" : it.m.source === "PRO" ? "pronoun" : "name" });
  for (const d of ctx.demonyms) out.push({ id: d.id, type: "country", tokStart: d.d.tokStart, tokEnd: d.d.tokEnd, kind: "demonym" });
  out.sort((a, b) => a.tokStart - b.tokStart || a.tokEnd - b.tokEnd || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return out.slice(0, MAX_ANCHORS);
}

function gap(a: Anchor, b: Anchor): number {
  return a.tokStart < b.tokStart ? b.tokStart - a.tokEnd : a.tokStart - b.tokEnd;
}

/** Ordered candidate pairs of a sentence: both directions of each entity pair, at its closest mentions. */
export function sentenceCandidates(anchors: Anchor[]): Candidate[] {
  const closest = new Map<string, [Anchor, Anchor]>();
  for (let i = 0; i < anchors.length; i++) {
    for (let j = i + 1; j < anchors.length; j++) {
      const a = anchors[i]!;
      const b = anchors[j]!;
      if (a.id === b.id || gap(a, b) > MAX_PAIR_DISTANCE || (b.tokStart < a.tokEnd && a.kind === b.kind)) continue;
      const key = a.id < b.id ? `${a.id}|${b.id}` : `${b.id}|${a.id}`;
      const seen = closest.get(key);
      if (!seen || gap(a, b) < gap(seen[0], seen[1])) closest.set(key, [a, b]);
    }
  }
  const out: Candidate[] = [];
  for (const [a, b] of closest.values()) out.push({ source: a, target: b }, { source: b, target: a });
  return out;
}
