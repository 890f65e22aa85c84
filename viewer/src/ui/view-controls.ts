/**
 * The toolbar's view controls: a label-density slider (`label-density`: 0 labels only the selection and
 * its neighbours, more lets more of the other entities speak) and the exports of what is on screen
 * (`export-png`, `export-svg`, `export-gexf`).
 */
import { h } from "./dom.js";

export interface ViewControlActions {
  initialDensity: number;
  setLabelDensity(density: number): void;
  exportPng(): Promise<void>;
  exportSvg(): void;
  exportGexf(): void;
}

const MAX_DENSITY = 3;

export function createViewControls(actions: ViewControlActions): HTMLElement {
  const density = h("input", {
    testid: "label-density",
    attrs: { type: "range", min: 0, max: MAX_DENSITY, step: 0.1, value: actions.initialDensity, "aria-label": "Label density", title: "Label density" },
  });
  density.addEventListener("input", () => actions.setLabelDensity(Number(density.value)));
  const button = (testid: string, text: string, title: string, onClick: () => void) =>
    h("button", { testid, attrs: { type: "button", title }, on: { click: onClick } }, text);
  return h(
    "div",
    { class: "view-controls", attrs: { role: "group", "aria-label": "Labels and export" } },
    h("label", { class: "density" }, "Labels", density),
    button("export-png", "PNG", "Download the view as a PNG image", () => void actions.exportPng()),
    button("export-svg", "SVG", "Download the view as an SVG drawing", actions.exportSvg),
    button("export-gexf", "GEXF", "Download the shown entities and relations as GEXF (Gephi, Gephi Lite, Retina)", actions.exportGexf),
  );
}
