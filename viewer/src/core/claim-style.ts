/**
 * How claims that are not plain assertions look on the graph (DESIGN.md, "Claim qualities"): each kind
 * draws its edge dashed with its own pattern, and its edge label carries a word ("not member of",
 * "possibly meets", "former leader of", "member of (inferred)"), so that the difference never rests on
 * colour alone. The legend lists the same styles.
 */
import { isClaimOf } from "../../../src/graph/edge-tally.js";
import type { EdgeAttributes, RelationType } from "./model.js";
import { CLAIM_KINDS, type ClaimKind } from "./state.js";

export interface ClaimStyle {
  /** Length in screen pixels of one dash and the gap after it (half each); 0 draws a solid line. */
  dash: number;
  /** What the legend says of it. */
  description: string;
}

/** One pattern per kind: short dashes for what is denied or uncertain, long for the past, dots for the derived. */
export const CLAIM_STYLES: Readonly<Record<ClaimKind, ClaimStyle>> = {
  negated: { dash: 8, description: "negated: stated as not so (red, “not …”)" },
  possible: { dash: 10, description: "possible: may, could, plans (“possibly …”)" },
  former: { dash: 18, description: "former: no longer so (“former …”)" },
  inferred: { dash: 4, description: "inferred from the whole story (“… (inferred)”)" },
};

/** The kinds of a claim, in CLAIM_KINDS order (empty for a plain assertion). */
export function claimKinds(attrs: EdgeAttributes): ClaimKind[] {
  return CLAIM_KINDS.filter((kind) => isClaimOf(attrs, kind));
}

/** The dash pattern of an edge: the first of its kinds sets it; plain assertions and co-occurrences are solid. */
export function edgeDash(attrs: EdgeAttributes): number {
  if (attrs.relation === "co_occurs") return 0;
  const first = claimKinds(attrs)[0];
  return first === undefined ? 0 : CLAIM_STYLES[first].dash;
}

/** The label an edge carries on the graph: the relation with the words of its kinds. */
export function claimLabel(relation: RelationType, attrs: EdgeAttributes): string {
  if (relation === "co_occurs") return "co-occurs with";
  const kinds = new Set(claimKinds(attrs));
  const words = [
    kinds.has("possible") ? "possibly" : null,
    kinds.has("former") ? "former" : null,
    kinds.has("negated") ? "not" : null,
    relation.replace(/_/g, " "),
    kinds.has("inferred") ? "(inferred)" : null,
  ];
  return words.filter((w) => w !== null).join(" ");
}
