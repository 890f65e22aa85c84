/**
 * The legend (`data-testid="legend"`), over a corner of the graph: node colours by entity type (or the
 * largest communities when colouring by community) with counts, and, unfolded on demand, the colours of
 * the relations the graph holds, co-occurrence included, and the dashed styles of the claims that are not
 * plain assertions (negated, possible, former, inferred), shown open whenever the graph holds any.
 */
import type { AppContext } from "../app/context.js";
import { CLAIM_STYLES } from "../core/claim-style.js";
import { communityColor, DEFAULT_NODE_COLOR, NEGATED_COLOR, RELATION_COLORS } from "../core/colors.js";
import { relationText, typeText } from "../core/format.js";
import { CLAIM_KINDS, type ClaimKind, type ViewerState } from "../core/state.js";
import { h, replaceChildren, swatch } from "./dom.js";

const COMMUNITIES_LISTED = 12;

export interface Legend {
  element: HTMLElement;
  update(state: ViewerState, previous: ViewerState | null): void;
}

export function createLegend(ctx: AppContext): Legend {
  const element = h("section", { class: "legend", testid: "legend", attrs: { "aria-label": "Legend" } });

  function nodeEntries(state: ViewerState): HTMLElement {
    if (state.colorBy === "community") {
      const shown = ctx.index.communities.slice(0, COMMUNITIES_LISTED);
      const rest = ctx.index.communities.length - shown.length;
      return h(
        "ul",
        { class: "legend-list" },
        ...shown.map((c) =>
          h("li", { attrs: { "data-community": c.id } }, swatch(communityColor(c.id)), h("span", {}, c.label), h("span", { class: "count" }, c.size)),
        ),
        rest > 0 ? h("li", { class: "muted" }, `+ ${rest} smaller communities`) : null,
      );
    }
    return h(
      "ul",
      { class: "legend-list" },
      ...[...ctx.index.typeCounts].map(([type, count]) =>
        h(
          "li",
          { attrs: { "data-type": type } },
          swatch(ctx.index.typeColors.get(type) ?? DEFAULT_NODE_COLOR),
          h("span", {}, typeText(type)),
          h("span", { class: "count" }, count),
        ),
      ),
    );
  }

  function edgeEntries(): HTMLElement {
    const items = [...ctx.index.relationCounts].map(([relation, count]) =>
      h(
        "li",
        { attrs: { "data-relation": relation } },
        swatch(RELATION_COLORS[relation], "line"),
        h("span", {}, relationText(relation)),
        h("span", { class: "count" }, count),
      ),
    );
    return h("details", { class: "legend-relations" }, h("summary", {}, "Relations"), h("ul", { class: "legend-list" }, ...items));
  }

  /** A short line drawn with a claim kind's dash pattern. */
  function dashedSwatch(kind: ClaimKind): HTMLElement {
    const color = kind === "negated" ? NEGATED_COLOR : "#455a64";
    const half = CLAIM_STYLES[kind].dash / 2;
    return h("span", { class: "swatch swatch-line swatch-dashed", style: { background: `repeating-linear-gradient(90deg, ${color} 0 ${half}px, transparent ${half}px ${2 * half}px)` } });
  }

  function claimEntries(): HTMLElement | null {
    const items = CLAIM_KINDS.map((kind) => [kind, ctx.index.claimCounts.get(kind) ?? 0] as const)
      .filter(([, count]) => count > 0)
      .map(([kind, count]) =>
        h("li", { attrs: { "data-claim": kind } }, dashedSwatch(kind), h("span", {}, CLAIM_STYLES[kind].description), h("span", { class: "count" }, count)),
      );
    if (items.length === 0) return null;
    return h("details", { class: "legend-claims", testid: "legend-claims", attrs: { open: true } }, h("summary", {}, "Claims (dashed)"), h("ul", { class: "legend-list" }, ...items));
  }

  const edges = edgeEntries();
  const claims = claimEntries();
  return {
    element,
    update(state, previous) {
      if (previous !== null && previous.colorBy === state.colorBy) return;
      replaceChildren(element, h("h2", {}, state.colorBy === "community" ? "Communities" : "Entities"), nodeEntries(state), edges, claims);
    },
  };
}
