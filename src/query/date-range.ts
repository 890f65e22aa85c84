/**
 * Date filters of the queries (`--since` / `--until`). Dates are ISO prefixes (YYYY, YYYY-MM or
 * YYYY-MM-DD) so `--until 2023-10` includes every day of October 2023.
 */
import { echoInput, NewsgraphError } from "../errors.js";
import { edgeDates } from "./evidence.js";
import type { LoadedGraph } from "./load.js";

export interface DateRange {
  since?: string;
  until?: string;
}

const ISO_PREFIX = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Throw BAD_ARGUMENT unless both bounds are ISO date prefixes in order. */
export function checkDateRange(range: DateRange): void {
  for (const [name, value] of Object.entries(range)) {
    if (value !== undefined && !ISO_PREFIX.test(value)) {
      throw new NewsgraphError("BAD_ARGUMENT", `--${name} must be a date as YYYY, YYYY-MM or YYYY-MM-DD (got "${echoInput(value)}")`, { option: name, value });
    }
  }
  if (range.since !== undefined && range.until !== undefined && range.since > range.until) {
    throw new NewsgraphError("BAD_ARGUMENT", `--since ${range.since} is after --until ${range.until}`, { ...range });
  }
}

export function isUnbounded(range: DateRange): boolean {
  return range.since === undefined && range.until === undefined;
}

/** Whether an ISO date falls inside the range (each bound compared at its own precision). */
export function dateInRange(date: string, range: DateRange): boolean {
  if (range.since !== undefined && date.slice(0, range.since.length) < range.since) return false;
  if (range.until !== undefined && date.slice(0, range.until.length) > range.until) return false;
  return true;
}

/** Whether an edge has a dated document inside the range; with bounds set, undated edges fall outside. */
export function edgeInRange(kg: LoadedGraph, edge: string, range: DateRange): boolean {
  return isUnbounded(range) || edgeDates(kg, edge).some((d) => dateInRange(d, range));
}
