/**
 * The reader (`data-testid="document-view"`): one document's title, date, source and text, with the
 * selected entity's mentions marked, other entities' mentions clickable, and the evidence sentence it was
 * opened from highlighted and scrolled into view. Text goes into text nodes only, so an article holding
 * `<script>` or HTML shows it as text.
 */
import { fetchDocumentText } from "../app/api.js";
import { openDocument } from "../app/actions.js";
import type { AppContext } from "../app/context.js";
import { documentTitle } from "../core/format.js";
import { segmentText, type Range } from "../core/marks.js";
import type { DocumentText } from "../core/model.js";
import type { ViewerState } from "../core/state.js";
import { h, replaceChildren } from "./dom.js";

export interface Reader {
  element: HTMLElement;
  /** Open a document, highlighting `range` (character offsets) when given. */
  open(doc: string, range?: Range): void;
  update(state: ViewerState, previous: ViewerState | null): void;
}

const SAFE_URL = /^https?:\/\//i;

export function createReader(ctx: AppContext): Reader {
  const texts = new Map<string, Promise<DocumentText>>();
  let range: Range | null = null;

  const title = h("h2", { testid: "document-title" });
  const meta = h("p", { class: "muted" });
  const body = h("div", { class: "doc-text", testid: "document-text" });
  const close = () => openDocument(ctx.store, null);
  const dialog = h(
    "div",
    { class: "reader", testid: "document-view", attrs: { role: "dialog", "aria-modal": "true", "aria-labelledby": "reader-title" } },
    h("header", { class: "panel-header" }, title, h("button", { class: "close", attrs: { type: "button", "aria-label": "Close", title: "Close (Esc)" }, on: { click: close } }, "×")),
    meta,
    body,
  );
  title.id = "reader-title";
  const element = h("div", { class: "reader-backdrop", attrs: { hidden: true }, on: { click: (e) => e.target === element && close() } }, dialog);

  function textOf(id: string): Promise<DocumentText> {
    let text = texts.get(id);
    if (!text) {
      text = fetchDocumentText(id);
      texts.set(id, text);
      text.catch(() => texts.delete(id));
    }
    return text;
  }

  function renderText(doc: DocumentText, focus: string | null): void {
    const nodes = segmentText(doc.text, doc.mentions, focus, range).map((seg) => {
      let el: Node;
      if (seg.node !== null && seg.focus) {
        el = h("mark", { class: "mention focus", attrs: { "data-node": seg.node } }, seg.text);
      } else if (seg.node !== null && ctx.graph.hasNode(seg.node)) {
        const node = seg.node;
        el = h(
          "span",
          {
            class: "mention",
            attrs: { "data-node": node, title: ctx.graph.getNodeAttribute(node, "label"), role: "button", tabindex: 0 },
            on: { click: () => ctx.focusEntity(node), keydown: (e) => e.key === "Enter" && ctx.focusEntity(node) },
          },
          seg.text,
        );
      } else {
        el = document.createTextNode(seg.text);
      }
      return seg.inRange ? h("span", { class: "in-range" }, el) : el;
    });
    replaceChildren(body, ...nodes);
    const target = body.querySelector(".in-range") ?? body.querySelector("mark.focus");
    target?.scrollIntoView({ block: "center" });
  }

  function show(id: string): void {
    const record = ctx.documents.get(id);
    title.textContent = documentTitle(record, id);
    const facts = [record?.date, record?.source].filter((f): f is string => !!f);
    replaceChildren(
      meta,
      facts.join(" · "),
      record?.url && SAFE_URL.test(record.url)
        ? h("a", { attrs: { href: record.url, target: "_blank", rel: "noopener noreferrer" } }, `${facts.length > 0 ? " · " : ""}original`)
        : null,
    );
    element.hidden = false;
    if (!ctx.info.texts) {
      replaceChildren(body, h("p", { class: "muted" }, "The graph folder holds no document texts (texts.jsonl)."));
      return;
    }
    replaceChildren(body, h("p", { class: "muted" }, "Loading…"));
    textOf(id).then(
      (doc) => {
        if (ctx.store.state.document === id) renderText(doc, ctx.store.state.selected);
      },
      (err: unknown) => {
        if (ctx.store.state.document === id) replaceChildren(body, h("p", { class: "error" }, `Could not load the text: ${String(err)}`));
      },
    );
  }

  return {
    element,
    open(doc, r) {
      range = r ?? null;
      if (ctx.store.state.document === doc) show(doc);
      else openDocument(ctx.store, doc);
    },
    update(state, previous) {
      const docChanged = previous === null || previous.document !== state.document;
      const focusChanged = previous !== null && previous.selected !== state.selected;
      if (!docChanged && !focusChanged) return;
      if (state.document === null) {
        element.hidden = true;
        range = null;
        replaceChildren(body);
        return;
      }
      show(state.document);
    },
  };
}
