/**
 * The time line under the graph (`data-testid="time-strip"`), shown when documents carry dates: a
 * histogram of documents per week or month, with the selected entity's documents drawn over it on its
 * own scale; dragging across the bars sets the date range (whole bins), "Clear" removes it, "Play" steps
 * the range through the bins, and undated documents are counted apart with a switch to show or hide
 * what they attest. Built once and synced from the state, so a range from the URL shows in it.
 */
import { setFilters } from "../app/actions.js";
import type { AppContext } from "../app/context.js";
import { countText, plural } from "../core/format.js";
import type { ViewerState } from "../core/state.js";
import {
  binAxisLabel,
  binLabel,
  binsOfRange,
  buildHistogram,
  nextPlayRange,
  playStartRange,
  rangeOfBins,
  shiftRange,
  type DateRange,
  type Histogram,
} from "../core/timeline.js";
import { h, replaceChildren, swatch } from "./dom.js";

/** Time between two steps of "play". */
const PLAY_STEP_MS = 1000;
/** At most about this many labels under the bars. */
const AXIS_LABELS = 8;
const ALL_COLOR = "#90a4ae";
const ENTITY_COLOR = "#1565c0";

export interface TimeStrip {
  element: HTMLElement;
  update(state: ViewerState, previous: ViewerState | null): void;
}

function dated(histogram: Histogram): number {
  return histogram.bins.reduce((n, b) => n + b.count, 0);
}

function barHeight(count: number, max: number): string {
  return count > 0 && max > 0 ? `max(2px, ${((100 * count) / max).toFixed(1)}%)` : "0";
}

/** The class of the graph's overlay that makes room for the time strip under the graph (styles.css). */
export const TIME_STRIP_CLASS = "with-time-strip";

/** The time strip, or null when no document is dated (nothing to draw). */
export function createTimeStrip(ctx: AppContext): TimeStrip | null {
  const { index, store, documents, graph } = ctx;
  if (index.dateRange === null) return null;
  const span = index.dateRange;
  const [first, last] = span;
  const all = buildHistogram([...documents.values()].map((d) => d.date), span);
  const { bins, granularity } = all;
  const unit = granularity === "week" ? "week" : "month";
  let entity: { label: string; histogram: Histogram } | null = null;

  const columns = bins.map((bin) => {
    const allBar = h("span", { class: "time-bar-all" });
    const entityBar = h("span", { class: "time-bar-entity" });
    allBar.style.height = barHeight(bin.count, all.max);
    const column = h("div", { class: "time-bin", attrs: { "data-start": bin.start, "data-count": bin.count } }, allBar, entityBar);
    return { column, entityBar };
  });
  const brush = h("div", { class: "time-brush", testid: "time-brush", attrs: { hidden: true } });
  const bars = h(
    "div",
    {
      class: "time-bars",
      testid: "time-histogram",
      attrs: { tabindex: 0, "aria-label": `Documents per ${unit}: drag across the bars to pick a date range; arrow keys move it, Shift with the arrows changes its end` },
    },
    ...columns.map((c) => c.column),
    brush,
  );
  const step = Math.max(1, Math.ceil(bins.length / AXIS_LABELS));
  const axis = h(
    "div",
    { class: "time-axis", attrs: { "aria-hidden": "true" } },
    ...bins.flatMap((bin, i) => {
      if (i % step !== 0) return [];
      const label = h("span", {}, binAxisLabel(bin, granularity));
      label.style.left = `${(100 * i) / bins.length}%`;
      return [label];
    }),
  );

  const play = h("button", { class: "time-play", testid: "time-play", attrs: { type: "button", "aria-pressed": "false" } }, "▶ Play");
  const rangeText = h("span", { class: "time-range", testid: "time-range" });
  const clear = h("button", { class: "link", testid: "time-clear", attrs: { type: "button" } }, "Clear");
  const key = h("span", { class: "time-key", testid: "time-key" });
  const undatedBox = h("input", { testid: "time-undated", attrs: { type: "checkbox" } });
  const undatedText = h("span", { class: "time-undated-text" });
  const undated = h("label", { class: "check time-undated", attrs: { title: `Show what the ${plural(all.undated, "undated document")} attest: they cannot be placed in time, so it shows in every range, or not at all` } }, undatedBox, undatedText);
  undated.hidden = all.undated === 0;

  const element = h(
    "section",
    { class: "time-strip", testid: "time-strip", attrs: { "aria-label": "Time line" } },
    h("div", { class: "time-head" }, play, rangeText, clear, key, undated),
    bars,
    axis,
  );

  const currentRange = (): DateRange => ({ from: store.state.filters.dateFrom, to: store.state.filters.dateTo });
  const setRange = (range: DateRange): void => setFilters(store, { dateFrom: range.from, dateTo: range.to });

  // Play: the range moves on one bin per step and stops after the last; any other change of range stops it.
  let timer: number | null = null;
  let played: DateRange | null = null;
  const showPlaying = (): void => {
    play.textContent = timer === null ? "▶ Play" : "❚❚ Pause";
    play.setAttribute("aria-pressed", String(timer !== null));
  };
  const stopPlaying = (): void => {
    if (timer !== null) window.clearInterval(timer);
    timer = null;
    played = null;
    showPlaying();
  };
  const playTo = (range: DateRange | null): void => {
    if (range === null) return stopPlaying();
    played = range;
    setRange(range);
  };
  play.addEventListener("click", () => {
    if (timer !== null) return stopPlaying();
    const start = playStartRange(bins, currentRange());
    if (start === null) return;
    timer = window.setInterval(() => playTo(nextPlayRange(bins, currentRange())), PLAY_STEP_MS);
    showPlaying();
    playTo(start);
  });
  clear.addEventListener("click", () => {
    stopPlaying();
    setRange({ from: null, to: null });
  });
  undatedBox.addEventListener("change", () => setFilters(store, { showUndated: undatedBox.checked }));

  // Brush: drag across the bars; the range is set when the button is released.
  const drawBrush = (span: readonly [number, number] | null): void => {
    brush.hidden = span === null;
    if (span === null) return;
    brush.style.left = `${(100 * span[0]) / bins.length}%`;
    brush.style.width = `${(100 * (span[1] - span[0] + 1)) / bins.length}%`;
  };
  const binAt = (clientX: number): number => {
    const rect = bars.getBoundingClientRect();
    return Math.min(bins.length - 1, Math.max(0, Math.floor(((clientX - rect.left) / rect.width) * bins.length)));
  };
  let drag: { anchor: number; current: number } | null = null;
  bars.addEventListener("pointerdown", (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    stopPlaying();
    const i = binAt(event.clientX);
    drag = { anchor: i, current: i };
    bars.setPointerCapture(event.pointerId);
    drawBrush([i, i]);
  });
  bars.addEventListener("pointermove", (event) => {
    if (drag === null) return;
    drag.current = binAt(event.clientX);
    drawBrush([Math.min(drag.anchor, drag.current), Math.max(drag.anchor, drag.current)]);
  });
  bars.addEventListener("pointerup", () => {
    if (drag === null) return;
    const { anchor, current } = drag;
    drag = null;
    setRange(rangeOfBins(bins, anchor, current));
  });
  bars.addEventListener("keydown", (event) => {
    const delta = event.key === "ArrowRight" ? 1 : event.key === "ArrowLeft" ? -1 : 0;
    if (delta === 0) return;
    event.preventDefault();
    stopPlaying();
    const next = shiftRange(bins, currentRange(), delta, event.shiftKey);
    if (next !== null) setRange(next);
  });
  bars.addEventListener("pointercancel", () => {
    drag = null;
    drawBrush(binsOfRange(bins, currentRange()));
  });

  function drawEntity(state: ViewerState): void {
    const node = state.selected;
    entity =
      node !== null && graph.hasNode(node)
        ? {
            label: graph.getNodeAttribute(node, "label"),
            histogram: buildHistogram(
              graph.getNodeAttribute(node, "docs").map((id) => documents.get(id)?.date),
              span,
              granularity,
            ),
          }
        : null;
    element.classList.toggle("has-entity", entity !== null);
    columns.forEach(({ column, entityBar }, i) => {
      const bin = bins[i]!;
      const count = entity?.histogram.bins[i]?.count ?? 0;
      entityBar.style.height = entity ? barHeight(count, entity.histogram.max) : "0";
      column.title = `${binLabel(bin, granularity)}: ${plural(bin.count, "document")}${entity ? `; ${entity.label}: ${count}` : ""}`;
    });
    replaceChildren(key, ...(entity ? [swatch(ALL_COLOR), "all", swatch(ENTITY_COLOR), h("span", { class: "time-key-entity" }, entity.label)] : []));
    key.title = entity ? `Bars: all documents, and over them the ${plural(dated(entity.histogram), "dated document")} of ${entity.label}, each on its own scale` : "";
    undatedText.textContent = `${countText(all.undated)} undated` + (entity && entity.histogram.undated > 0 ? ` (${entity.histogram.undated} of ${entity.label})` : "");
  }

  function drawRange(state: ViewerState): void {
    const f = state.filters;
    const range = { from: f.dateFrom, to: f.dateTo };
    const picked = binsOfRange(bins, range);
    if (drag === null) drawBrush(picked);
    const ranged = range.from !== null || range.to !== null;
    columns.forEach(({ column }, i) => column.classList.toggle("out", ranged && (picked === null || i < picked[0] || i > picked[1])));
    rangeText.textContent = ranged ? `${range.from ?? "…"} – ${range.to ?? "…"}` : `${first} – ${last} by ${unit}`;
    clear.hidden = !ranged;
    undatedBox.checked = f.showUndated;
    if (played !== null && (played.from !== range.from || played.to !== range.to)) stopPlaying();
  }

  return {
    element,
    update(state, previous) {
      if (previous === null || state.selected !== previous.selected) drawEntity(state);
      if (previous === null || state.filters !== previous.filters) drawRange(state);
    },
  };
}
