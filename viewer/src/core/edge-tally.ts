/**
 * What the filters and the legend need to know of a set of relations, gathered one relation at a time:
 * how many, the largest weight, how many are claims of each kind, whether some carries a confidence. Plain
 * data, so that the graph loader's worker can post the tally of the co-occurrences it holds back and the
 * graph index can add it to its own.
 */
import type { EdgeAttributes } from "./model.js";
import { CLAIM_KINDS, type ClaimKind } from "./state.js";
import { isClaimOf } from "./visibility.js";

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
