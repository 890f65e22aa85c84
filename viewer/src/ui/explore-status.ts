/**
 * A bar over the top of the graph (`data-testid="explore-status"`) saying how the view is narrowed or
 * widened, each with a way back: the ego view (hops, from what, through which relations), the paths,
 * the pinned and the hidden entities. Hidden while nothing is explored.
 */
import { setEgo, setPathTarget, unhideAll, unpinAll } from "../app/explore-actions.js";
import type { AppContext } from "../app/context.js";
import { isExploring, selectionOf } from "../core/exploration.js";
import { plural, relationText } from "../core/format.js";
import type { ViewerState } from "../core/state.js";
import { h, replaceChildren } from "./dom.js";

export interface ExploreStatus {
  element: HTMLElement;
  update(state: ViewerState, previous: ViewerState | null): void;
}

export function createExploreStatus(ctx: AppContext): ExploreStatus {
  const element = h("div", {
    class: "explore-status",
    testid: "explore-status",
    attrs: { role: "status", hidden: true, title: "Esc closes the path, then the ego view, then the selection" },
  });
  const label = (node: string): string => ctx.graph.getNodeAttribute(node, "label");
  const action = (text: string, testid: string, run: () => void): HTMLButtonElement =>
    h("button", { class: "link", testid, attrs: { type: "button" }, on: { click: run } }, text);

  function items(state: ViewerState): HTMLElement[] {
    const { explore } = state;
    const out: HTMLElement[] = [];
    const selection = selectionOf(state);
    if (explore.ego && selection.length > 0) {
      const from = selection.length === 1 ? label(selection[0]!) : plural(selection.length, "selected entity", "selected entities");
      const via = explore.ego.relations.length > 0 ? ` via ${explore.ego.relations.map((r) => relationText(r)).join(", ")}` : "";
      out.push(h("span", { testid: "ego-status" }, `${plural(explore.ego.hops, "hop")} around ${from}${via} `, action("Whole graph", "ego-off", () => setEgo(ctx.store, null))));
    }
    const paths = ctx.paths();
    if (paths) {
      const found = paths.paths.length === 0 ? "no path" : plural(paths.paths.length, "path");
      out.push(h("span", { testid: "path-status" }, `${found} from ${label(paths.from)} to ${label(paths.to)} `, action("Clear", "path-off", () => setPathTarget(ctx.store, null))));
    }
    if (explore.pinned.length > 0) out.push(h("span", {}, `${explore.pinned.length} pinned `, action("Unpin all", "unpin-all", () => unpinAll(ctx.store))));
    if (explore.hidden.length > 0) out.push(h("span", {}, `${explore.hidden.length} hidden `, action("Show them", "unhide-all", () => unhideAll(ctx.store))));
    return out;
  }

  return {
    element,
    update(state, previous) {
      if (previous !== null && previous.explore === state.explore && previous.selected === state.selected) return;
      element.hidden = !isExploring(state.explore);
      replaceChildren(element, ...items(state));
    },
  };
}
