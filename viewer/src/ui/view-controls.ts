/**
 * The toolbar's view controls: a label-density slider (`label-density`: 0 labels only the selection and
 * its neighbours, more lets more of the other entities speak; kept in the URL hash) and the exports of what is on screen
 * (`export-png`, `export-svg`, `export-gexf`).
 */
import { MAX_LABEL_DENSITY, type ViewerState } from "../core/state.js";
import { h } from "./dom.js";

export interface ViewControlActions {
  setLabelDensity(density: number): void;
  exportPng(): Promise<void>;
  exportSvg(): void;
  exportGexf(): void;
}

export interface ViewControls {
  element: HTMLElement;
  /** Show the state's label density on the slider (a view from the URL sets it too). */
  update(state: ViewerState, previous: ViewerState | null): void;
}

export function createViewControls(actions: ViewControlActions): ViewControls {
  const density = h("input", {
    testid: "label-density",
    attrs: { type: "range", min: 0, max: MAX_LABEL_DENSITY, step: 0.1, "aria-label": "Label density", title: "Label density" },
  });
  density.addEventListener("input", () => actions.setLabelDensity(Number(density.value)));
  const button = (testid: string, text: string, title: string, onClick: () => void) =>
    h("button", { testid, attrs: { type: "button", title }, on: { click: onClick } }, text);
  const element = h(
    "div",
    { class: "view-controls", attrs: { role: "group", "aria-label": "Labels and export" } },
    h("label", { class: "density" }, "Labels", density),
    button("export-png", "PNG", "Download the view as a PNG image", () => void actions.exportPng()),
    button("export-svg", "SVG", "Download the view as an SVG drawing", actions.exportSvg),
    button("export-gexf", "GEXF", "Download the shown entities and relations as GEXF (Gephi, Gephi Lite, Retina)", actions.exportGexf),
  );
  return {
    element,
    update(state, previous) {
      if (previous === null || state.labelDensity !== previous.labelDensity) density.value = String(state.labelDensity);
    },
  };
}
