/**
 * The side panel. With an entity selected (`data-testid="entity-panel"`): its label, type, aliases, roles
 * and documents, and its relations grouped by type, each with the sentences that support it (quote,
 * document title, date; newest first, one item for a sentence several stories repeat), downloadable as
 * CSV. Clicking the other end of a relation focuses it; clicking a document or a quote's
 * source opens the reader. With nothing selected: an overview of the graph and its best connected entities.
 */
import type { AppContext } from "../app/context.js";
import { selectNode } from "../app/actions.js";
import { download } from "../app/download.js";
import { toggleSelection } from "../app/explore-actions.js";
import { DEFAULT_NODE_COLOR, NEGATED_COLOR, RELATION_COLORS } from "../core/colors.js";
import { documentTitle, plural, relationText, typeText } from "../core/format.js";
import { collapseEvidence, type EvidenceItem } from "../core/evidence.js";
import { relationsCsv } from "../core/export-csv.js";
import { groupRelations, type RelationGroup, type RelationItem } from "../core/relations.js";
import type { ViewerState } from "../core/state.js";
import { h, replaceChildren, swatch } from "./dom.js";
import { evidenceItem, type OpenReader } from "./evidence-item.js";
import { exploreControls } from "./explore-controls.js";
import { pathSection } from "./path-box.js";

const DIRECTION_ARROWS = { out: "→", in: "←", both: "↔" } as const;
const DOCUMENTS_LISTED = 30;
/** Relations a group lists before "Show all". */
const RELATIONS_LISTED = 25;
const TOP_ENTITIES = 10;

export interface Panel {
  element: HTMLElement;
  update(state: ViewerState, previous: ViewerState | null): void;
}

export function createPanel(ctx: AppContext, openReader: OpenReader): Panel {
  const element = h("aside", { class: "panel", attrs: { "aria-live": "polite" } });
  const { graph, documents } = ctx;
  const quote = (item: EvidenceItem): HTMLLIElement => evidenceItem(documents, openReader, item);

  function entityLink(node: string, testid?: string): HTMLButtonElement {
    return h(
      "button",
      {
        class: "link entity-link",
        testid,
        attrs: { type: "button", "data-node": node, title: "Shift- or Ctrl-click adds to the selection" },
        // Shift-, ctrl- or cmd-click adds to the selection, as on the graph.
        on: { click: (event) => (event.shiftKey || event.ctrlKey || event.metaKey ? toggleSelection(ctx.store, node) : ctx.focusEntity(node)) },
      },
      graph.getNodeAttribute(node, "label"),
    );
  }

  function evidenceList(item: RelationItem): HTMLElement | null {
    const inline = ctx.evidence.inline(item.edge);
    if (inline.length === 0) return null;
    const limit = ctx.options.evidencePerRelation;
    const total = ctx.evidence.total(item.edge);
    const shown = collapseEvidence(inline).slice(0, limit);
    const list = h("ul", { class: "evidence" }, ...shown.map(quote));
    if (total > shown.length) {
      const button = h("button", { class: "link more", testid: "more-evidence", attrs: { type: "button" } }, `Show all ${total} sentences`);
      const more = h("li", {}, button);
      button.addEventListener("click", () => {
        button.disabled = true;
        button.textContent = "Loading…";
        ctx.evidence.all(item.edge).then(
          (all) => {
            more.remove();
            list.replaceChildren(...collapseEvidence(all).map(quote));
          },
          (err: unknown) => {
            more.replaceChildren(h("span", { class: "error" }, `Could not load the evidence: ${String(err)}`));
          },
        );
      });
      list.appendChild(more);
    }
    return list;
  }

  function relationItem(node: string, relation: RelationGroup["relation"], item: RelationItem): HTMLLIElement {
    const self = graph.getNodeAttribute(node, "label");
    const [from, to] = item.direction === "in" ? [item.otherLabel, self] : [self, item.otherLabel];
    const text = relationText(relation, item.negated, item.modality);
    const showPredicate = item.predicate !== "" && item.predicate.toLowerCase() !== relationText(relation).toLowerCase();
    return h(
      "li",
      {
        class: item.negated ? "relation negated" : "relation",
        testid: "relation",
        attrs: {
          "data-edge": item.edge,
          "data-relation": relation,
          "data-other": item.other,
          "data-modality": item.modality,
          title: `${from} ${text} ${to}${item.confidence !== undefined ? ` (confidence ${item.confidence.toFixed(2)})` : ""}`,
        },
      },
      h(
        "div",
        { class: "relation-head" },
        h("span", { class: "direction", attrs: { "aria-hidden": "true" } }, DIRECTION_ARROWS[item.direction]),
        entityLink(item.other, "relation-target"),
        item.negated ? h("span", { class: "badge negated-badge", style: { background: NEGATED_COLOR } }, "not") : null,
        item.modality !== "asserted" ? h("span", { class: "badge modality-badge", testid: "modality" }, item.modality) : null,
        item.inferred ? h("span", { class: "badge modality-badge", attrs: { title: "derived at document level" } }, "inferred") : null,
        showPredicate ? h("span", { class: "predicate" }, `“${item.predicate}”`) : null,
        h("span", { class: "count", attrs: { title: "supporting sentences" } }, `×${item.weight}`),
      ),
      evidenceList(item),
    );
  }

  /** Download the entity's shown relations and their evidence as CSV. */
  function downloadCsv(node: string): void {
    const visibility = ctx.visibility();
    const csv = relationsCsv(graph, node, (edge) => visibility.edges.has(edge));
    download(`${node.replace(/[^\p{L}\p{N}-]+/gu, "-")}-relations.csv`, new Blob([csv], { type: "text/csv;charset=utf-8" }));
  }

  /**
   * A group of relations; a closed one (co-occurrence: hundreds around a hub) is filled when first opened.
   * A long group lists its strongest relations and the rest on demand (a hub's hundreds of relations,
   * each with its sentences, would take longer to lay out than the graph to draw).
   */
  function relationGroup(node: string, group: RelationGroup): HTMLElement {
    const open = group.relation !== "co_occurs";
    const items = (from: number, to: number) => group.items.slice(from, to).map((item) => relationItem(node, group.relation, item));
    const list = (): HTMLElement => {
      const ul = h("ul", { class: "relation-list" }, ...items(0, RELATIONS_LISTED));
      if (group.items.length <= RELATIONS_LISTED) return ul;
      const button = h("button", { class: "link more", testid: "more-relations", attrs: { type: "button" } }, `Show all ${group.items.length} relations`);
      const more = h("li", {}, button);
      button.addEventListener("click", () => more.replaceWith(...items(RELATIONS_LISTED, group.items.length)));
      ul.append(more);
      return ul;
    };
    const details = h(
      "details",
      { class: "relation-group", attrs: { "data-relation": group.relation, open } },
      h(
        "summary",
        {},
        swatch(RELATION_COLORS[group.relation], "line"),
        h("span", {}, relationText(group.relation)),
        h("span", { class: "count" }, group.items.length),
      ),
      open ? list() : null,
    );
    if (!open) details.addEventListener("toggle", () => details.open && !details.querySelector(".relation-list") && details.append(list()));
    return details;
  }

  /** The relations section last built: kept while the entity's shown and hidden relations stay the same (exploring around it). */
  let relations: { node: string; shown: string; element: HTMLElement } | null = null;

  function relationsSection(node: string): HTMLElement {
    const visibility = ctx.visibility();
    const grouped = groupRelations(graph, node, (edge) => visibility.edges.has(edge));
    const { groups } = grouped;
    // Co-occurrences still held out of the graph are hidden ones (they come in at once when switched on).
    const hidden = grouped.hidden + ctx.heldAround(node);
    const shown = `${hidden} ${groups.map((group) => group.items.map((item) => item.edge).join(" ")).join(" ")}`;
    if (relations !== null && relations.node === node && relations.shown === shown) return relations.element;
    const element = h(
      "section",
      { class: "relations" },
      h(
        "h3",
        {},
        "Relations",
        groups.length > 0
          ? h("button", { class: "link export", testid: "export-csv", attrs: { type: "button", title: "Download these relations and their evidence as CSV" }, on: { click: () => downloadCsv(node) } }, "CSV")
          : null,
      ),
      groups.length === 0 ? h("p", { class: "muted" }, "No relation passes the filters.") : null,
      ...groups.map((group) => relationGroup(node, group)),
      hidden > 0 ? h("p", { class: "muted" }, `${plural(hidden, "relation")} hidden by the filters.`) : null,
    );
    relations = { node, shown, element };
    return element;
  }

  function documentsSection(docIds: readonly string[]): HTMLElement {
    const sorted = [...docIds].sort((a, b) => {
      const da = documents.get(a)?.date ?? "";
      const db = documents.get(b)?.date ?? "";
      return da.localeCompare(db) || documentTitle(documents.get(a), a).localeCompare(documentTitle(documents.get(b), b));
    });
    const item = (id: string) => {
      const doc = documents.get(id);
      return h(
        "li",
        {},
        h("button", { class: "link", attrs: { type: "button", "data-doc": id }, on: { click: () => openReader(id) } }, documentTitle(doc, id)),
        doc?.date || doc?.source ? h("span", { class: "muted" }, ` · ${[doc.date, doc.source].filter(Boolean).join(" · ")}`) : null,
      );
    };
    return h(
      "details",
      { class: "documents", testid: "entity-documents", attrs: { open: true } },
      h("summary", {}, h("span", {}, "Documents"), h("span", { class: "count" }, docIds.length)),
      h("ul", {}, ...sorted.slice(0, DOCUMENTS_LISTED).map(item)),
      sorted.length > DOCUMENTS_LISTED ? h("p", { class: "muted" }, `+ ${sorted.length - DOCUMENTS_LISTED} more`) : null,
    );
  }

  function entityView(node: string): HTMLElement {
    const attrs = graph.getNodeAttributes(node);
    const typeColor = ctx.index.typeColors.get(attrs.type) ?? DEFAULT_NODE_COLOR;
    const seen = attrs.firstSeen ? (attrs.lastSeen && attrs.lastSeen !== attrs.firstSeen ? `${attrs.firstSeen} – ${attrs.lastSeen}` : attrs.firstSeen) : null;
    const facts: [string, string][] = [];
    if (attrs.aliases.length > 0) facts.push(["Also", attrs.aliases.join(", ")]);
    if (attrs.roles && attrs.roles.length > 0) facts.push(["Roles", attrs.roles.join(", ")]);
    facts.push(["Mentions", `${attrs.mentions} in ${plural(attrs.docs.length, "document")}`]);
    if (seen) facts.push(["Seen", seen]);
    return h(
      "div",
      { testid: "entity-panel", attrs: { "data-node": node } },
      h(
        "header",
        { class: "panel-header" },
        h("h2", { testid: "entity-label" }, attrs.label),
        h("button", { class: "close", attrs: { type: "button", "aria-label": "Close", title: "Close (Esc)" }, on: { click: () => selectNode(ctx.store, null) } }, "×"),
      ),
      h("div", { class: "badge type-badge", testid: "entity-type", style: { background: typeColor } }, typeText(attrs.type)),
      h("dl", { class: "facts" }, ...facts.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)])),
      exploreControls(ctx, node),
      pathSection(ctx, node, openReader),
      relationsSection(node),
      documentsSection(attrs.docs),
    );
  }

  function overview(): HTMLElement {
    const name = graph.getAttribute("name");
    const top = ctx.index.ranking.slice(0, TOP_ENTITIES);
    return h(
      "div",
      { class: "overview", testid: "overview" },
      h("h2", {}, name || "Knowledge graph"),
      h(
        "p",
        {},
        `${plural(graph.order, "entity", "entities")}, ${plural(ctx.index.size, "relation")}, ` +
          `${plural(documents.size || graph.getAttribute("documents") || 0, "document")}.`,
      ),
      h("p", { class: "muted" }, "Search for an entity or click a node to see its relations and the sentences behind them."),
      top.length > 0 ? h("h3", {}, "Most connected") : null,
      h("ol", { class: "top-entities" }, ...top.map((node) => h("li", {}, entityLink(node)))),
    );
  }

  // The panel scrolls in the element it is placed in; whether it is scrolled is kept as it scrolls.
  let scroller: HTMLElement | null = null;
  let scrolled = false;

  return {
    element,
    update(state, previous) {
      if (scroller === null && element.parentElement) {
        scroller = element.parentElement;
        const from = scroller;
        from.addEventListener("scroll", () => (scrolled = from.scrollTop > 0), { passive: true });
      }
      const changed =
        previous === null ||
        previous.selected !== state.selected ||
        previous.filters !== state.filters ||
        previous.nodeLimit !== state.nodeLimit ||
        previous.explore !== state.explore;
      if (!changed) return;
      const node = state.selected !== null && graph.hasNode(state.selected) ? state.selected : null;
      replaceChildren(element, node === null ? overview() : entityView(node));
      // Back to the top for another entity, only when scrolled: setting scrollTop lays the page out at once.
      if (scrolled && scroller && (previous === null || state.selected !== previous.selected)) scroller.scrollTop = 0;
    },
  };
}
