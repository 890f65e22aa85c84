/**
 * The filters (`data-testid="filters"`): entity types, relation types, co-occurrence links, claims that
 * are not plain assertions (negated, possible, former, inferred) and a minimum confidence, minimum
 * support, a date range when documents carry dates, appearance (colour and size), and how many entities
 * are drawn ("show more" on large graphs). Controls are built once and synced from the state, so a state
 * restored from the URL shows in them.
 */
import {
  setColorBy,
  setFilters,
  setNodeLimit,
  setRelationShown,
  setRelationsShown,
  setSizeBy,
  setTypeShown,
} from "../app/actions.js";
import type { AppContext } from "../app/context.js";
import { DEFAULT_NODE_COLOR, RELATION_COLORS } from "../core/colors.js";
import { countText, plural, relationText, typeText } from "../core/format.js";
import type { RelationType } from "../core/model.js";
import { CLAIM_KINDS, COLOR_MODES, SIZE_MODES, type ViewerState } from "../core/state.js";
import { h } from "./dom.js";

export interface FiltersPanel {
  element: HTMLElement;
  update(state: ViewerState, previous: ViewerState | null): void;
}

function checkbox(attrs: Record<string, string>, onChange: (checked: boolean) => void): HTMLInputElement {
  const input = h("input", { attrs: { type: "checkbox", ...attrs } });
  input.addEventListener("change", () => onChange(input.checked));
  return input;
}

export function createFiltersPanel(ctx: AppContext): FiltersPanel {
  const { index, store } = ctx;

  const typeBoxes = [...index.typeCounts].map(([type, count]) => {
    const box = checkbox({ "data-type": type }, (checked) => setTypeShown(store, type, checked));
    return {
      type,
      box,
      row: h("label", { class: "check" }, box, h("span", { class: "swatch swatch-dot", style: { background: index.typeColors.get(type) ?? DEFAULT_NODE_COLOR } }), typeText(type), h("span", { class: "count" }, count)),
    };
  });

  const typedRelations = [...index.relationCounts].filter(([r]) => r !== "co_occurs") as [RelationType, number][];
  const relationBoxes = typedRelations.map(([relation, count]) => {
    const box = checkbox({ "data-relation": relation }, (checked) => setRelationShown(store, relation, checked));
    return {
      relation,
      box,
      row: h("label", { class: "check" }, box, h("span", { class: "swatch swatch-line", style: { background: RELATION_COLORS[relation] } }), relationText(relation), h("span", { class: "count" }, count)),
    };
  });
  const allRelations = typedRelations.map(([r]) => r);

  const coOccurs = checkbox({ "data-testid": "filter-cooccurs" }, (checked) => setFilters(store, { showCoOccurs: checked }));
  const coCount = index.relationCounts.get("co_occurs") ?? 0;

  // Claims that are not plain assertions, and the confidence of classified ones.
  const claimCounts = index.claimCounts;
  const claimBoxes = CLAIM_KINDS.filter((kind) => claimCounts.get(kind)! > 0).map((kind) => {
    const box = checkbox({ "data-claim": kind }, (checked) => {
      const hidden = new Set(store.state.filters.hiddenClaims);
      if (checked) hidden.delete(kind);
      else hidden.add(kind);
      setFilters(store, { hiddenClaims: CLAIM_KINDS.filter((k) => hidden.has(k)) });
    });
    return { kind, box, row: h("label", { class: "check" }, box, kind, h("span", { class: "count" }, claimCounts.get(kind)!)) };
  });
  const hasConfidence = index.confidenceScored;
  const minConfidence = h("input", {
    testid: "filter-min-confidence",
    attrs: { type: "range", min: 0, max: 0.95, step: 0.05, "aria-label": "Minimum confidence of classified relations" },
  });
  const minConfidenceValue = h("output", {});
  minConfidence.addEventListener("input", () => setFilters(store, { minConfidence: Number(minConfidence.value) }));

  const minWeight = h("input", {
    testid: "filter-min-weight",
    attrs: { type: "range", min: 1, max: index.maxWeight, step: 1, disabled: index.maxWeight <= 1, "aria-label": "Minimum supporting sentences" },
  });
  const minWeightValue = h("output", {});
  minWeight.addEventListener("input", () => setFilters(store, { minWeight: Number(minWeight.value) }));

  const range = index.dateRange;
  const dateInput = (testid: string, key: "dateFrom" | "dateTo") => {
    const input = h("input", { testid, attrs: { type: "date", min: range?.[0], max: range?.[1] } });
    input.addEventListener("change", () => setFilters(store, { [key]: input.value || null }));
    return input;
  };
  const dateFrom = dateInput("filter-date-from", "dateFrom");
  const dateTo = dateInput("filter-date-to", "dateTo");

  const select = <T extends string>(testid: string, options: readonly T[], onChange: (value: T) => void) => {
    const el = h("select", { testid }, ...options.map((o) => h("option", { attrs: { value: o } }, o)));
    el.addEventListener("change", () => onChange(el.value as T));
    return el;
  };
  const colorBy = select("color-by", COLOR_MODES, (v) => setColorBy(store, v));
  const sizeBy = select("size-by", SIZE_MODES, (v) => setSizeBy(store, v));

  const shownText = h("p", { testid: "shown-count" });
  const showMore = h("button", { testid: "show-more", attrs: { type: "button" }, on: { click: () => setNodeLimit(store, store.state.nodeLimit + ctx.options.nodeLimit) } }, "Show more");
  const showAll = h("button", { attrs: { type: "button" }, on: { click: () => setNodeLimit(store, ctx.graph.order) } }, "Show all");
  const moreRow = h("div", { class: "row" }, showMore, showAll);

  const element = h(
    "section",
    { class: "filters", testid: "filters", attrs: { "aria-label": "Filters" } },
    h("h2", {}, "Filters"),
    h("fieldset", {}, h("legend", {}, "Entity types"), ...typeBoxes.map((t) => t.row)),
    relationBoxes.length > 0
      ? h(
          "fieldset",
          {},
          h(
            "legend",
            {},
            "Relations ",
            h("button", { class: "link", attrs: { type: "button" }, on: { click: () => setRelationsShown(store, allRelations, true) } }, "all"),
            " · ",
            h("button", { class: "link", attrs: { type: "button" }, on: { click: () => setRelationsShown(store, allRelations, false) } }, "none"),
          ),
          ...relationBoxes.map((r) => r.row),
        )
      : null,
    h(
      "fieldset",
      {},
      h("legend", {}, "Links"),
      h("label", { class: "check" }, coOccurs, h("span", { class: "swatch swatch-line", style: { background: RELATION_COLORS.co_occurs } }), "co-occurrence (same sentence)", h("span", { class: "count" }, coCount)),
      h("label", { class: "stacked" }, "Minimum supporting sentences ", minWeightValue, minWeight),
    ),
    claimBoxes.length > 0 || hasConfidence
      ? h(
          "fieldset",
          {},
          h("legend", {}, "Claims"),
          ...claimBoxes.map((c) => c.row),
          hasConfidence ? h("label", { class: "stacked" }, "Minimum confidence ", minConfidenceValue, minConfidence) : null,
        )
      : null,
    range
      ? h(
          "fieldset",
          {},
          h("legend", {}, "Dates"),
          h("label", { class: "stacked" }, "From", dateFrom),
          h("label", { class: "stacked" }, "To", dateTo),
          h("p", { class: "muted" }, `Documents from ${range[0]} to ${range[1]}`),
        )
      : null,
    h(
      "fieldset",
      {},
      h("legend", {}, "Appearance"),
      h("label", { class: "stacked" }, "Colour by", colorBy),
      h("label", { class: "stacked" }, "Size by", sizeBy),
    ),
    h("fieldset", {}, h("legend", {}, "Shown"), shownText, moreRow),
    h("button", { class: "reset", attrs: { type: "button" }, on: { click: () => setFilters(store, { ...ctx.defaults.filters }) } }, "Reset filters"),
  );

  return {
    element,
    update(state, previous) {
      const unchanged =
        previous !== null &&
        previous.filters === state.filters &&
        previous.colorBy === state.colorBy &&
        previous.sizeBy === state.sizeBy &&
        previous.nodeLimit === state.nodeLimit &&
        previous.selected === state.selected &&
        previous.explore === state.explore;
      if (unchanged) return;
      const f = state.filters;
      for (const t of typeBoxes) t.box.checked = !f.hiddenTypes.includes(t.type);
      for (const r of relationBoxes) r.box.checked = !f.hiddenRelations.includes(r.relation);
      coOccurs.checked = f.showCoOccurs;
      for (const c of claimBoxes) c.box.checked = !f.hiddenClaims.includes(c.kind);
      minConfidence.value = String(f.minConfidence);
      minConfidenceValue.textContent = f.minConfidence.toFixed(2);
      minWeight.value = String(f.minWeight);
      minWeightValue.textContent = String(f.minWeight);
      dateFrom.value = f.dateFrom ?? "";
      dateTo.value = f.dateTo ?? "";
      colorBy.value = state.colorBy;
      sizeBy.value = state.sizeBy;
      const visibility = ctx.visibility();
      shownText.textContent = `Showing ${plural(visibility.nodes.size, "entity", "entities")} of ${countText(ctx.graph.order)}, ${plural(visibility.edges.size, "relation")}.`;
      moreRow.hidden = ctx.graph.order <= state.nodeLimit;
    },
  };
}
