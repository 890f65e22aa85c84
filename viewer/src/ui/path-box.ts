/**
 * "Path to…" in the panel (`data-testid="path-section"`): a second entity search; picking a target draws
 * the k shortest paths from the entity shown (the search of `newsgraph path`, facts only unless "any
 * link" is ticked) and lists them, each hop with its relation, direction and newest supporting sentence.
 */
import { setPathAny, setPathTarget } from "../app/explore-actions.js";
import type { AppContext } from "../app/context.js";
import { NEGATED_COLOR } from "../core/colors.js";
import { relationText } from "../core/format.js";
import type { PathHopView } from "../core/paths.js";
import { h } from "./dom.js";
import { evidenceItem, type OpenReader } from "./evidence-item.js";
import { createEntitySearch } from "./search-box.js";

export function pathSection(ctx: AppContext, node: string, openReader: OpenReader): HTMLElement {
  const { store, graph } = ctx;
  const label = (key: string): string => graph.getNodeAttribute(key, "label");
  const entity = (key: string): HTMLButtonElement =>
    h("button", { class: "link entity-link", attrs: { type: "button", "data-node": key }, on: { click: () => ctx.focusEntity(key) } }, label(key));

  const search = createEntitySearch(ctx, {
    testid: "path-search",
    placeholder: "Path to…",
    label: `Path from ${label(node)} to`,
    exclude: (other) => other === node,
    onPick: (hit) => setPathTarget(store, hit.node),
  });
  const any = h(
    "label",
    { class: "check", attrs: { title: "Also walk co-occurrences and claims that are not facts (negated, possible, former), like newsgraph path --any" } },
    h("input", {
      testid: "path-any",
      attrs: { type: "checkbox", checked: store.state.explore.pathAny },
      on: { change: (event) => setPathAny(store, (event.target as HTMLInputElement).checked) },
    }),
    "any link",
  );

  function hop(step: PathHopView): HTMLLIElement {
    const text = relationText(step.relation, step.negated, step.modality);
    const link = step.direction === "in" ? `←${text}—` : step.direction === "out" ? `—${text}→` : `—${text}—`;
    const newest = ctx.evidence.inline(step.edge)[0];
    return h(
      "li",
      { class: "path-hop", testid: "path-hop", attrs: { "data-edge": step.edge, "data-relation": step.relation } },
      h("div", { class: "relation-head" }, entity(step.from), h("span", { class: "path-link", style: step.negated ? { color: NEGATED_COLOR } : {} }, link), entity(step.to)),
      newest ? h("ul", { class: "evidence" }, evidenceItem(ctx.documents, openReader, { evidence: newest, alsoIn: 0 })) : null,
    );
  }

  const paths = ctx.paths();
  const shown = paths !== null && paths.from === node ? paths : null;
  return h(
    "section",
    { class: "path-section", testid: "path-section" },
    h("h3", {}, "Path to…"),
    h("div", { class: "row path-row" }, search, any),
    shown === null
      ? null
      : h(
          "p",
          { class: "path-target", testid: "path-target" },
          "To ",
          entity(shown.to),
          " ",
          h("button", { class: "link", testid: "path-clear", attrs: { type: "button", title: "Clear the paths (Esc)" }, on: { click: () => setPathTarget(store, null) } }, "clear"),
        ),
    shown === null
      ? null
      : shown.paths.length === 0
        ? h("p", { class: "muted", testid: "path-none" }, `No path from ${label(shown.from)} to ${label(shown.to)}${store.state.explore.pathAny ? "" : " over stated facts; tick “any link” to walk co-occurrences too"}.`)
        : h(
            "ol",
            { class: "paths", testid: "paths", attrs: { "aria-label": `Paths from ${label(shown.from)} to ${label(shown.to)}` } },
            ...shown.paths.map((steps, i) =>
              h(
                "li",
                { class: "path", testid: "path", attrs: { "data-length": steps.length } },
                h("div", { class: "path-title" }, `Path ${i + 1} · ${steps.length} hop${steps.length === 1 ? "" : "s"}`),
                h("ol", { class: "path-hops" }, ...steps.map(hop)),
              ),
            ),
          ),
  );
}
