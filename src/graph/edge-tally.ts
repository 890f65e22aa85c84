/**
 * The kinds of claims that are not plain assertions, and what the viewer's filters and legend need to
 * know of a set of relations, gathered one relation at a time: how many, the largest weight, how many are
 * claims of each kind, whether some carries a confidence. Plain data, so that the server can send the
 * tally of graph.json's co-occurrences (src/graph/co-occurrence-summary.ts) and the viewer's graph index
 * can add it to its own.
 */
import type { EdgeAttributes } from "../types.js";

/** Kinds of claims that are not plain assertions: negated, possible, former, derived at document level. */
export const CLAIM_KINDS = ["negated", "possible", "former", "inferred"] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** Whether a relation is a claim of this kind (negated, possible, former, inferred). */
export function isClaimOf(attrs: EdgeAttributes, kind: ClaimKind): boolean {
  if (kind === "negated") return attrs.negated;
  if (kind === "inferred") return attrs.inferred === true;
  return attrs.modality === kind;
}

export interface EdgeTally {
  count: number;
  /** The largest weight (0 when there is no relation). */
  maxWeight: number;
  /** How many are claims of each kind, in CLAIM_KINDS order. */
  claimCounts: number[];
  confidenceScored: boolean;
}

export function emptyTally(): EdgeTally {
  return { count: 0, maxWeight: 0, claimCounts: CLAIM_KINDS.map(() => 0), confidenceScored: false };
}

/** Count one relation into `tally`. */
export function tallyEdge(tally: EdgeTally, attrs: EdgeAttributes): void {
  tally.count++;
  tally.maxWeight = Math.max(tally.maxWeight, attrs.weight);
  for (let k = 0; k < CLAIM_KINDS.length; k++) if (isClaimOf(attrs, CLAIM_KINDS[k]!)) tally.claimCounts[k]!++;
  if (attrs.confidence !== undefined) tally.confidenceScored = true;
}

/** Add `other` into `tally`. */
export function addTally(tally: EdgeTally, other: EdgeTally): void {
  tally.count += other.count;
  tally.maxWeight = Math.max(tally.maxWeight, other.maxWeight);
  other.claimCounts.forEach((n, k) => (tally.claimCounts[k]! += n));
  tally.confidenceScored ||= other.confidenceScored;
}

/** The claim counts by kind. */
export function claimCountsOf(tally: EdgeTally): Map<ClaimKind, number> {
  return new Map(CLAIM_KINDS.map((kind, k) => [kind, tally.claimCounts[k]!]));
}
