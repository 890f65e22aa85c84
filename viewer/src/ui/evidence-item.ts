/**
 * One evidence item as the panel lists it (`data-testid="evidence"`): the quoted sentence, the title of
 * its document (a button that opens the reader on the sentence), its date, and in how many other stories
 * the same sentence appears.
 */
import { documentTitle, plural } from "../core/format.js";
import type { EvidenceItem } from "../core/evidence.js";
import type { Range } from "../core/marks.js";
import type { DocumentTable } from "../core/model.js";
import { h } from "./dom.js";

/** Opens the reader on a document, optionally highlighting a range (an evidence sentence). */
export type OpenReader = (doc: string, range?: Range) => void;

export function evidenceItem(documents: DocumentTable, openReader: OpenReader, { evidence: ev, alsoIn }: EvidenceItem): HTMLLIElement {
  const date = ev.date ?? documents.get(ev.doc)?.date;
  return h(
    "li",
    { class: "evidence-item", testid: "evidence" },
    h("blockquote", { class: "quote" }, ev.sentence),
    h(
      "div",
      { class: "evidence-source" },
      h(
        "button",
        { class: "link", attrs: { type: "button", "data-doc": ev.doc }, on: { click: () => openReader(ev.doc, { start: ev.start, end: ev.end }) } },
        documentTitle(documents.get(ev.doc), ev.doc),
      ),
      date ? h("span", { class: "muted" }, ` · ${date}`) : null,
      alsoIn > 0 ? h("span", { class: "muted", testid: "also-in" }, ` · also in ${plural(alsoIn, "other story", "other stories")}`) : null,
    ),
  );
}
