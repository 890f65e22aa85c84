/**
 * The community labels layer over the graph: at low zoom, each of the largest communities' best known
 * entities, written where the community sits; placed again after every frame sigma draws (camera moves,
 * resizes), kept on the stage, moved or left out rather than overlap a more important one, all hidden
 * once the camera is zoomed in. What is shown is also given to the exports.
 */
import type Sigma from "sigma";
import { placeCommunityLabels, type CommunityLabel } from "../core/community-labels.js";
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from "../core/model.js";
import type { ShownCommunityLabel } from "../core/overlay-marks.js";
import { h, replaceChildren, swatch } from "./dom.js";

/** Community labels are drawn while the camera ratio is at least this (1 shows the whole graph). */
export const COMMUNITY_LABELS_MIN_RATIO = 0.5;

export interface CommunityLabelsLayer {
  element: HTMLElement;
  /** Show these labels, with each community's colour as a dot when `color` is given. */
  update(labels: readonly CommunityLabel[], color: ((community: number) => string) | null): void;
  /** The labels shown now, in stage pixels. */
  shown(): ShownCommunityLabel[];
}

export function createCommunityLabels(sigma: Sigma<NodeAttributes, EdgeAttributes, GraphAttributes>): CommunityLabelsLayer {
  const element = h("div", { class: "community-labels", testid: "community-labels", attrs: { "aria-hidden": "true" } });
  let labels: readonly CommunityLabel[] = [];
  /** Each label's text and colour dot. */
  let texts: string[] = [];
  let colors: (string | null)[] = [];
  let items: HTMLElement[] = [];
  let shown: ShownCommunityLabel[] = [];
  /** Sizes of the items, measured the first time they are placed. */
  let sizes: { width: number; height: number }[] | null = null;

  function place(): void {
    shown = [];
    element.hidden = labels.length === 0 || sigma.getCamera().ratio < COMMUNITY_LABELS_MIN_RATIO;
    if (element.hidden) return;
    if (!sizes) {
      for (const item of items) item.hidden = false;
      sizes = items.map((item) => ({ width: item.offsetWidth, height: item.offsetHeight }));
    }
    const measured = sizes;
    const centres = labels.map((label) => sigma.graphToViewport({ x: label.x, y: label.y }));
    const { width, height } = sigma.getDimensions();
    const places = placeCommunityLabels(centres.map((c, i) => ({ x: c.x, y: c.y, ...measured[i]! })), width, height);
    items.forEach((item, i) => {
      const place = places[i];
      item.hidden = !place;
      if (!place) return;
      const [left, top] = [Math.round(place.x - place.width / 2), Math.round(place.y - place.height / 2)];
      item.style.transform = `translate(${left}px, ${top}px)`;
      shown.push({ text: texts[i]!, left, top, width: place.width, height: place.height, color: colors[i]! });
    });
  }

  sigma.on("afterRender", place);

  return {
    element,
    update(next, color) {
      labels = next;
      texts = labels.map((label) => label.names.join(" · "));
      colors = labels.map((label) => (color ? color(label.community) : null));
      items = labels.map((label, i) => {
        const dot = colors[i];
        return h("div", { class: "community-label", attrs: { "data-community": label.community, title: `${label.size} entities` } }, dot ? swatch(dot) : null, texts[i]!);
      });
      replaceChildren(element, ...items);
      sizes = null;
      place();
    },
    shown: () => shown,
  };
}
