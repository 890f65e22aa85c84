/**
 * The search box (`data-testid="search"`): type-ahead over labels and aliases; arrow keys move through the
 * suggestions and Enter picks the highlighted one (the best match by default), which selects the entity,
 * centres the camera on it and opens its panel. A match the filters hide says so; picked, it is shown
 * with the neighbours the filters let through.
 */
import type { AppContext } from "../app/context.js";
import { DEFAULT_NODE_COLOR } from "../core/colors.js";
import { typeText } from "../core/format.js";
import { searchEntities, searchIndexSteps, type SearchHit } from "../core/search.js";
import { inBackground } from "../app/slices.js";
import { hiddenByFilters } from "../core/visibility.js";
import { h, replaceChildren, swatch } from "./dom.js";

export function createSearchBox(ctx: AppContext): HTMLElement {
  // Built in the background (a large graph has tens of thousands of names to fold), at once if typed into sooner.
  const index = inBackground(searchIndexSteps(ctx.graph, (node) => ctx.index.degree.get(node) ?? 0));
  let hits: SearchHit[] = [];
  let active = 0;

  const list = h("ul", { class: "suggestions", testid: "search-results", attrs: { role: "listbox", id: "search-results", hidden: true } });
  const input = h("input", {
    testid: "search",
    attrs: {
      type: "search",
      placeholder: "Search entities…",
      autocomplete: "off",
      spellcheck: "false",
      role: "combobox",
      "aria-label": "Search entities",
      "aria-autocomplete": "list",
      "aria-controls": "search-results",
      "aria-expanded": "false",
    },
  });

  function close(): void {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
  }

  function render(): void {
    const query = input.value.trim();
    if (query === "") {
      replaceChildren(list);
      close();
      return;
    }
    if (hits.length === 0) {
      replaceChildren(list, h("li", { class: "muted" }, `No entity matches “${query}”`));
    } else {
      replaceChildren(
        list,
        ...hits.map((hit, i) =>
          h(
            "li",
            {
              class: i === active ? "suggestion active" : "suggestion",
              attrs: { role: "option", "aria-selected": i === active, "data-node": hit.node },
              on: {
                // mousedown, not click: it runs before the input loses focus and closes the list.
                mousedown: (event) => {
                  event.preventDefault();
                  pick(hit);
                },
              },
            },
            swatch(ctx.index.typeColors.get(hit.type) ?? DEFAULT_NODE_COLOR),
            h("span", { class: "suggestion-label" }, hit.label),
            hit.via ? h("span", { class: "muted" }, ` (${hit.via})`) : null,
            hiddenByFilters(hit.node, hit.type, ctx.store.state.filters, ctx.index) ? h("span", { class: "muted", testid: "hidden-match" }, " · hidden by the filters") : null,
            h("span", { class: "suggestion-type" }, typeText(hit.type)),
          ),
        ),
      );
    }
    list.hidden = false;
    input.setAttribute("aria-expanded", "true");
  }

  function pick(hit: SearchHit): void {
    input.value = hit.label;
    hits = [];
    close();
    ctx.focusEntity(hit.node);
  }

  input.addEventListener("input", () => {
    hits = searchEntities(index.now(), input.value, ctx.options.searchSuggestions);
    active = 0;
    render();
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (hits.length === 0) return;
      event.preventDefault();
      active = (active + (event.key === "ArrowDown" ? 1 : hits.length - 1)) % hits.length;
      render();
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (hits.length === 0) hits = searchEntities(index.now(), input.value, ctx.options.searchSuggestions);
      const hit = hits[active] ?? hits[0];
      if (hit) pick(hit);
      else render();
    } else if (event.key === "Escape") {
      close();
    }
  });
  input.addEventListener("blur", close);
  input.addEventListener("focus", () => {
    if (input.value.trim() !== "" && hits.length > 0) render();
  });

  return h("div", { class: "search" }, input, list);
}
