/**
 * The time line under the graph, as pure data: document dates binned by week or month (picked from the
 * span of the corpus), undated documents counted apart, date ranges snapped to bins (what a brush on the
 * histogram sets), and the steps "play" takes through the bins. Dates are ISO `YYYY-MM-DD` strings and
 * all arithmetic is in UTC, so a bin never depends on the reader's time zone.
 */

export const GRANULARITIES = ["week", "month"] as const;
export type Granularity = (typeof GRANULARITIES)[number];

/** Spans of up to this many days are binned by week (at most 27 bars), longer ones by month. */
export const WEEKLY_SPAN_DAYS = 183;

const DAY_MS = 86_400_000;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

/** An inclusive date range; either bound may be open. */
export interface DateRange {
  from: string | null;
  to: string | null;
}

/** One bar of the histogram: the days it covers (inclusive) and how many documents fall in them. */
export interface TimeBin {
  start: string;
  end: string;
  count: number;
}

export interface Histogram {
  granularity: Granularity;
  bins: TimeBin[];
  /** Documents without a date, counted apart. */
  undated: number;
  /** The largest bin count (0 when nothing is dated). */
  max: number;
}

function toMs(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function toIso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Weeks for a span of up to half a year, months beyond. */
export function pickGranularity(first: string, last: string): Granularity {
  return (toMs(last) - toMs(first)) / DAY_MS <= WEEKLY_SPAN_DAYS ? "week" : "month";
}

/** The first day of the bin holding a date: the Monday of its ISO week, or the first of its month. */
export function binStart(date: string, granularity: Granularity): string {
  if (granularity === "month") return `${date.slice(0, 7)}-01`;
  const ms = toMs(date);
  const weekday = (new Date(ms).getUTCDay() + 6) % 7; // Monday = 0
  return toIso(ms - weekday * DAY_MS);
}

/** The first day of the bin after the one starting on `start`. */
export function nextBinStart(start: string, granularity: Granularity): string {
  if (granularity === "week") return toIso(toMs(start) + 7 * DAY_MS);
  const d = new Date(toMs(start));
  return toIso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/** Empty bins covering every day from `first` to `last`. */
export function timeBins(first: string, last: string, granularity: Granularity): TimeBin[] {
  const bins: TimeBin[] = [];
  for (let start = binStart(first, granularity); start <= last; ) {
    const next = nextBinStart(start, granularity);
    bins.push({ start, end: toIso(toMs(next) - DAY_MS), count: 0 });
    start = next;
  }
  return bins;
}

/** The index of the bin holding a date, or -1 when no bin does. */
export function binIndexOf(bins: readonly TimeBin[], date: string): number {
  let lo = 0;
  let hi = bins.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const bin = bins[mid]!;
    if (date < bin.start) hi = mid - 1;
    else if (date > bin.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/**
 * Count documents by date over the bins of `span` (the corpus's first and last date, so the whole
 * graph's histogram and an entity's share their bars). Dates outside the span are ignored.
 */
export function buildHistogram(
  dates: Iterable<string | null | undefined>,
  span: readonly [string, string],
  granularity: Granularity = pickGranularity(span[0], span[1]),
): Histogram {
  const bins = timeBins(span[0], span[1], granularity);
  let undated = 0;
  for (const date of dates) {
    if (!date) {
      undated += 1;
      continue;
    }
    const i = binIndexOf(bins, date);
    if (i >= 0) bins[i]!.count += 1;
  }
  return { granularity, bins, undated, max: bins.reduce((m, b) => Math.max(m, b.count), 0) };
}

/** The range covering bins `a` to `b` (in either order), whole bins. */
export function rangeOfBins(bins: readonly TimeBin[], a: number, b: number): DateRange {
  const lo = Math.max(0, Math.min(a, b));
  const hi = Math.min(bins.length - 1, Math.max(a, b));
  return { from: bins[lo]!.start, to: bins[hi]!.end };
}

/** The first and last index of the bins a range touches, or null when it has no bound or touches none. */
export function binsOfRange(bins: readonly TimeBin[], range: DateRange): readonly [number, number] | null {
  if (range.from === null && range.to === null) return null;
  let first = -1;
  let last = -1;
  bins.forEach((bin, i) => {
    if ((range.from === null || bin.end >= range.from) && (range.to === null || bin.start <= range.to)) {
      if (first < 0) first = i;
      last = i;
    }
  });
  return first < 0 ? null : [first, last];
}

/**
 * The range moved by `delta` bins, keeping its width and staying within the bins, or with `resize` its
 * end moved (never before its start): what the arrow keys do on the histogram. With no range, the first
 * bin (moving forward) or the last (backward).
 */
export function shiftRange(bins: readonly TimeBin[], range: DateRange, delta: number, resize = false): DateRange | null {
  const n = bins.length;
  if (n === 0) return null;
  const span = binsOfRange(bins, range);
  if (span === null) return delta > 0 ? rangeOfBins(bins, 0, 0) : rangeOfBins(bins, n - 1, n - 1);
  const [first, last] = span;
  if (resize) return rangeOfBins(bins, first, Math.min(n - 1, Math.max(first, last + delta)));
  const width = last - first + 1;
  const start = Math.min(n - width, Math.max(0, first + delta));
  return rangeOfBins(bins, start, start + width - 1);
}

/**
 * The next range "play" shows: the current one moved on by one bin, keeping its width in bins. With no
 * range it starts on the first bin; past the last bin it returns null (the end).
 */
export function nextPlayRange(bins: readonly TimeBin[], range: DateRange): DateRange | null {
  if (bins.length === 0) return null;
  const span = binsOfRange(bins, range);
  if (span === null) return rangeOfBins(bins, 0, 0);
  const [first, last] = span;
  return last + 1 < bins.length ? rangeOfBins(bins, first + 1, last + 1) : null;
}

/** Where "play" starts: on from the current range, or back at the start (same width) once it reached the end. */
export function playStartRange(bins: readonly TimeBin[], range: DateRange): DateRange | null {
  if (bins.length === 0) return null;
  const next = nextPlayRange(bins, range);
  if (next !== null) return next;
  const span = binsOfRange(bins, range);
  const width = span === null ? 1 : span[1] - span[0] + 1;
  return rangeOfBins(bins, 0, Math.min(width, bins.length) - 1);
}

/** "Week of 3 Mar 2025", "Mar 2025". */
export function binLabel(bin: TimeBin, granularity: Granularity): string {
  const [year, month, day] = [bin.start.slice(0, 4), Number(bin.start.slice(5, 7)), Number(bin.start.slice(8, 10))];
  const monthName = MONTHS[month - 1] ?? "";
  return granularity === "week" ? `Week of ${day} ${monthName} ${year}` : `${monthName} ${year}`;
}

/** The short form under the bars: "3 Mar" for a week, "Mar 2025" for a month. */
export function binAxisLabel(bin: TimeBin, granularity: Granularity): string {
  const monthName = MONTHS[Number(bin.start.slice(5, 7)) - 1] ?? "";
  return granularity === "week" ? `${Number(bin.start.slice(8, 10))} ${monthName}` : `${monthName} ${bin.start.slice(0, 4)}`;
}

/** The time filters let everything through, whatever its dates: no range, and undated material shown (the default). */
export function letsAllThrough(range: DateRange, showUndated: boolean): boolean {
  return showUndated && range.from === null && range.to === null;
}

/**
 * Whether something passes the time filters: one of its dates lies in the inclusive range, or some
 * undated document attests it while undated material is shown. Something with no date counts as undated.
 */
export function inTimeRange(dates: readonly string[] | undefined, undated: boolean, range: DateRange, showUndated: boolean): boolean {
  if (letsAllThrough(range, showUndated)) return true;
  const dated = dates !== undefined && dates.length > 0;
  if (showUndated && (undated || !dated)) return true;
  if (!dated) return false;
  if (range.from === null && range.to === null) return true;
  return dates.some((d) => (range.from === null || d >= range.from) && (range.to === null || d <= range.to));
}
