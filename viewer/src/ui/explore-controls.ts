/**
 * The panel's exploring controls for the entity it shows (`data-testid="explore-controls"`): the other
 * selected entities (show one in the panel, or take it out of the selection), the ego view (whole graph,
 * 1 or 2 hops, optionally through chosen relation types), and pin / hide.
 */
import { hideNode, setEgo, showSelectedInPanel, toggleSelection, togglePin } from "../app/explore-actions.js";
import type { AppContext } from "../app/context.js";
import { EGO_HOPS, type EgoHops } from "../core/exploration.js";
import { relationText } from "../core/format.js";
import { RELATION_TYPES, type RelationType } from "../core/model.js";
import { RELATION_COLORS } from "../core/colors.js";
import { h, swatch } from "./dom.js";

export function exploreControls(ctx: AppContext, node: string): HTMLElement {
  const { store, graph } = ctx;
  const { explore, filters } = store.state;
  const label = (key: string): string => graph.getNodeAttribute(key, "label");
  const pressed = (on: boolean) => ({ type: "button", "aria-pressed": on ? "true" : "false" });

  const selection =
    explore.alsoSelected.length === 0
      ? null
      : h(
          "div",
          { class: "selection", testid: "selection" },
          h("span", { class: "muted" }, "Selected: "),
          ...[...explore.alsoSelected, node].map((key) =>
            h(
              "span",
              { class: key === node ? "chip current" : "chip", testid: "selection-chip", attrs: { "data-node": key } },
              h("button", { class: "link", attrs: { type: "button", title: "Show in the panel" }, on: { click: () => showSelectedInPanel(store, key) } }, label(key)),
              h("button", { class: "chip-remove", attrs: { type: "button", "aria-label": `Deselect ${label(key)}` }, on: { click: () => toggleSelection(store, key) } }, "×"),
            ),
          ),
        );

  const hopButton = (hops: EgoHops | null): HTMLButtonElement =>
    h(
      "button",
      {
        testid: `ego-${hops ?? 0}`,
        attrs: { ...pressed((explore.ego?.hops ?? null) === hops), title: hops === null ? "Show the whole graph" : `Show only what lies within ${hops} hop${hops > 1 ? "s" : ""} of the selection` },
        on: { click: () => setEgo(store, hops === null ? null : { hops, relations: explore.ego?.relations ?? [] }) },
      },
      hops === null ? "Whole graph" : `${hops} hop${hops > 1 ? "s" : ""}`,
    );

  // Relation types to expand through: those the filters show.
  const relations = RELATION_TYPES.filter(
    (r) => ctx.index.relationCounts.has(r) && (r === "co_occurs" ? filters.showCoOccurs : !filters.hiddenRelations.includes(r)),
  );
  const chosen = new Set<RelationType>(explore.ego?.relations ?? []);
  const through =
    explore.ego === null
      ? null
      : h(
          "details",
          { class: "ego-relations", testid: "ego-relations", attrs: { open: chosen.size > 0 } },
          h("summary", {}, chosen.size === 0 ? "Through every relation shown" : `Through ${[...chosen].map((r) => relationText(r)).join(", ")}`),
          ...relations.map((relation) =>
            h(
              "label",
              { class: "check" },
              h("input", {
                testid: "ego-relation",
                attrs: { type: "checkbox", "data-relation": relation, checked: chosen.has(relation) },
                on: {
                  change: (event) => {
                    const next = new Set(chosen);
                    if ((event.target as HTMLInputElement).checked) next.add(relation);
                    else next.delete(relation);
                    setEgo(store, { hops: explore.ego!.hops, relations: RELATION_TYPES.filter((r) => next.has(r)) });
                  },
                },
              }),
              swatch(RELATION_COLORS[relation], "line"),
              relationText(relation),
            ),
          ),
        );

  const pinned = explore.pinned.includes(node);
  return h(
    "section",
    { class: "explore-controls", testid: "explore-controls" },
    selection,
    h("div", { class: "segmented", attrs: { role: "group", "aria-label": "Neighbourhood shown" } }, hopButton(null), ...EGO_HOPS.map(hopButton)),
    through,
    h(
      "div",
      { class: "node-actions" },
      h("button", { testid: "pin", attrs: { ...pressed(pinned), title: "Keep this entity shown whatever the filters or the ego view" }, on: { click: () => togglePin(store, node) } }, pinned ? "Unpin" : "Pin"),
      h("button", { testid: "hide-node", attrs: { type: "button", title: "Remove this entity from the view" }, on: { click: () => hideNode(store, node) } }, "Hide"),
      h("span", { class: "muted hint" }, "Shift- or Ctrl-click adds to the selection"),
    ),
  );
}
