/**
 * The live layout control: runs ForceAtlas2 in a web worker on the drawn graph (settings inferred from
 * its size) and stops it; "Reset positions" puts back the positions the build computed.
 */
import { inferSettings } from "graphology-layout-forceatlas2";
import FA2LayoutSupervisor from "graphology-layout-forceatlas2/worker";
import type { ViewerGraph } from "../core/model.js";
import { h } from "./dom.js";

/** `rendered` is the drawn subgraph of `data`; both share their attribute objects. */
export function createLayoutControl(rendered: ViewerGraph, data: ViewerGraph): HTMLElement {
  // Only the layout moves entities: the build's positions are kept when it first runs.
  let initial: Map<string, { x: number; y: number }> | null = null;
  let layout: FA2LayoutSupervisor | null = null;

  const toggle = h("button", { testid: "layout-toggle", attrs: { type: "button", "aria-pressed": "false" } }, "Run layout");
  const reset = h("button", { testid: "layout-reset", attrs: { type: "button" } }, "Reset positions");

  function setRunning(running: boolean): void {
    toggle.textContent = running ? "Stop layout" : "Run layout";
    toggle.setAttribute("aria-pressed", String(running));
  }

  toggle.addEventListener("click", () => {
    initial ??= new Map(data.mapNodes((node, attrs) => [node, { x: attrs.x, y: attrs.y }] as const));
    layout ??= new FA2LayoutSupervisor(rendered, { settings: inferSettings(rendered) });
    if (layout.isRunning()) layout.stop();
    else layout.start();
    setRunning(layout.isRunning());
  });
  reset.addEventListener("click", () => {
    layout?.stop();
    setRunning(false);
    if (initial === null) return;
    // Entities drawn earlier may have moved too, so every position goes back, then the drawing updates.
    data.forEachNode((node, attrs) => Object.assign(attrs, initial!.get(node)));
    rendered.updateEachNodeAttributes((_node, attrs) => attrs, { attributes: ["x", "y"] });
  });

  return h("div", { class: "layout-control", attrs: { role: "group", "aria-label": "Layout" } }, toggle, reset);
}
