/**
 * `timeline`: an entity's relations as dated events — one entry per supporting sentence, ordered by the
 * date of its document (undated ones last).
 */
import type { RelationType } from "../types.js";
import type { DateRange } from "./date-range.js";
import { checkDateRange, dateInRange, isUnbounded } from "./date-range.js";
import type { Direction, EntityRef } from "./edge-view.js";
import { directionFrom, entityRef, claimView, type ClaimView } from "./edge-view.js";
import type { CitedEvidence } from "./evidence.js";
import { compareStrings } from "./compare.js";
import { cite, edgeEvidence, oldestFirst } from "./evidence.js";
import type { LoadedGraph } from "./load.js";
import { resolveEntity } from "./resolve.js";

export interface TimelineOptions extends DateRange {
  /** Also list co_occurs edges. */
  any?: boolean;
}

export const TIMELINE_DEFAULTS: Required<Omit<TimelineOptions, keyof DateRange>> = { any: false };

export interface TimelineEntry extends CitedEvidence, ClaimView {
  relation: RelationType;
  /** Direction seen from the entity. */
  direction: Direction;
  predicate: string;
  other: EntityRef;
  edge: string;
}

export interface TimelineResult {
  entity: EntityRef;
  entries: TimelineEntry[];
}

export function runTimeline(kg: LoadedGraph, name: string, options: TimelineOptions = {}): TimelineResult {
  const opts = { ...TIMELINE_DEFAULTS, ...options };
  const range: DateRange = { since: opts.since, until: opts.until };
  checkDateRange(range);
  const key = resolveEntity(kg, name);
  const entries: TimelineEntry[] = [];
  kg.graph.forEachEdge(key, (edge, attrs) => {
    if (!opts.any && attrs.relation === "co_occurs") return;
    const other = entityRef(kg, kg.graph.opposite(key, edge));
    for (const ev of edgeEvidence(kg, edge)) {
      if (!isUnbounded(range) && (ev.date === undefined || !dateInRange(ev.date, range))) continue;
      entries.push({
        ...cite(kg, ev),
        relation: attrs.relation,
        direction: directionFrom(kg, edge, key),
        ...claimView(kg, attrs),
        predicate: attrs.predicate,
        other,
        edge,
      });
    }
  });
  entries.sort((a, b) => oldestFirst(a, b) || compareStrings(a.edge, b.edge));
  return { entity: entityRef(kg, key), entries };
}
