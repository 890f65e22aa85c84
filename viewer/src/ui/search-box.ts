/**
 * Entity search boxes: type-ahead over labels and aliases; arrow keys move through the suggestions and
 * Enter picks the highlighted one (the best match by default). A match the filters hide says so. The top
 * bar's box (`data-testid="search"`) selects the entity picked, centres the camera on it and opens its
 * panel (shown with the neighbours the filters let through); "path to…" uses another box.
 */
import type { AppContext } from "../app/context.js";
import { DEFAULT_NODE_COLOR } from "../core/colors.js";
import { typeText } from "../core/format.js";
import { searchEntities, searchIndexSteps, type SearchHit, type SearchIndex } from "../core/search.js";
import { inBackground, type Background } from "../app/slices.js";
import { hiddenByFilters } from "../core/visibility.js";
import { h, replaceChildren, swatch } from "./dom.js";

export interface EntitySearchOptions {
  /** `data-testid` of the input; the suggestions list gets `<testid>-results` (also its id). */
  testid: string;
  placeholder: string;
  label: string;
  /** Leave out of the suggestions (e.g. the entity a path starts from). */
  exclude?: (node: string) => boolean;
  onPick(hit: SearchHit): void;
}

/** The top bar's search box: picking selects the entity and focuses it. */
export function createSearchBox(ctx: AppContext): HTMLElement {
  return createEntitySearch(ctx, {
    testid: "search",
    placeholder: "Search entities…",
    label: "Search entities",
    onPick: (hit) => ctx.focusEntity(hit.node),
  });
}

/** Search indexes by graph, so that every box shares one. */
const indexes = new WeakMap<AppContext["graph"], Background<SearchIndex>>();

/**
 * The graph's search index, built in the background from the first call (a large graph has tens of
 * thousands of names to fold; the app asks for it once the first frame is shown), or at once through
 * `now()` when typed into sooner.
 */
export function searchIndexOf(ctx: AppContext): Background<SearchIndex> {
  let index = indexes.get(ctx.graph);
  if (!index) {
    index = inBackground(searchIndexSteps(ctx.graph, (node) => ctx.index.degree.get(node) ?? 0));
    indexes.set(ctx.graph, index);
  }
  return index;
}

export function createEntitySearch(ctx: AppContext, options: EntitySearchOptions): HTMLElement {
  const listId = `${options.testid}-results`;
  const find = (text: string): SearchHit[] => {
    const found = searchEntities(searchIndexOf(ctx).now(), text, ctx.options.searchSuggestions + (options.exclude ? 1 : 0));
    return (options.exclude ? found.filter((hit) => !options.exclude!(hit.node)) : found).slice(0, ctx.options.searchSuggestions);
  };
  let hits: SearchHit[] = [];
  let active = 0;

  const list = h("ul", { class: "suggestions", testid: listId, attrs: { role: "listbox", id: listId, hidden: true } });
  const input = h("input", {
    testid: options.testid,
    attrs: {
      type: "search",
      placeholder: options.placeholder,
      autocomplete: "off",
      spellcheck: "false",
      role: "combobox",
      "aria-label": options.label,
      "aria-autocomplete": "list",
      "aria-controls": listId,
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
    options.onPick(hit);
  }

  input.addEventListener("input", () => {
    hits = find(input.value);
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
      if (hits.length === 0) hits = find(input.value);
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
