/**
 * Where node labels go so that none overlaps another. Sigma's label grid picks which labels a frame may
 * draw (by density); this takes those in priority order (the selection, then its neighbours, then larger
 * nodes) and keeps each only where its box is free: to the right of its node as sigma draws it, or, for
 * the labels that must show (the selection and its neighbours), to the left, above or below when the
 * right is taken. A label also keeps off the discs of the other labelled nodes, so that no name runs
 * over a node that has a name of its own. Boxes are in screen pixels.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface LabelRequest {
  key: string;
  text: string;
  /** Centre of the node on screen, and its radius in pixels. */
  x: number;
  y: number;
  nodeSize: number;
  /** Measured text width and font size in pixels. */
  width: number;
  fontSize: number;
  /** Higher is placed first. */
  priority: number;
  /** May move to another side of its node when the right side is taken. */
  anySide: boolean;
}

export type Side = "right" | "left" | "above" | "below";

export interface PlacedLabel {
  key: string;
  text: string;
  side: Side;
  /** Where the text starts (left end of its baseline). */
  x: number;
  y: number;
  fontSize: number;
  box: Box;
}

/** Pixels kept free between two labels and between a label and its node. */
const GAP = 3;
/** Side of the cells of the spatial hash, about a short label's width. */
const CELL = 64;

/** The box and baseline of a label on one side of its node (right matches sigma's own drawing). */
export function labelAt(request: LabelRequest, side: Side): PlacedLabel {
  const { x, y, nodeSize: r, width, fontSize: fs } = request;
  let left: number;
  let top: number;
  if (side === "right" || side === "left") {
    left = side === "right" ? x + r + GAP : x - r - GAP - width;
    top = y - fs / 2;
  } else {
    left = x - width / 2;
    top = side === "above" ? y - r - GAP - fs : y + r + GAP;
  }
  const box = { left, top, right: left + width, bottom: top + fs };
  // Sigma draws the baseline a third of the font size under the node's centre: the box's centre line + fs/3.
  return { key: request.key, text: request.text, side, x: left, y: top + fs / 2 + fs / 3, fontSize: fs, box };
}

export function boxesOverlap(a: Box, b: Box, gap = GAP): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

const SIDES: readonly Side[] = ["right", "left", "above", "below"];

/** The box around a node's disc. */
function discBox(request: LabelRequest): Box {
  const { x, y, nodeSize: r } = request;
  return { left: x - r, top: y - r, right: x + r, bottom: y + r };
}

/** The labels that fit, in placement order: greedy by priority (ties keep the input order). */
export function placeLabels(requests: readonly LabelRequest[]): PlacedLabel[] {
  const order = requests.map((r, i) => [r, i] as const).sort(([a, i], [b, j]) => b.priority - a.priority || i - j);
  // What is taken: placed labels, and the discs of the labelled nodes (owner: the node's key).
  const cells = new Map<number, { box: Box; owner: string | null }[]>();
  const cellKeys = (box: Box): number[] => {
    const keys: number[] = [];
    for (let cx = Math.floor((box.left - GAP) / CELL); cx <= Math.floor((box.right + GAP) / CELL); cx++) {
      for (let cy = Math.floor((box.top - GAP) / CELL); cy <= Math.floor((box.bottom + GAP) / CELL); cy++) keys.push(cx * 0x10000 + cy);
    }
    return keys;
  };
  const take = (box: Box, owner: string | null): void => {
    for (const k of cellKeys(box)) {
      const list = cells.get(k);
      if (list) list.push({ box, owner });
      else cells.set(k, [{ box, owner }]);
    }
  };
  const isFree = (box: Box, self: string): boolean =>
    cellKeys(box).every((k) => !(cells.get(k) ?? []).some((taken) => taken.owner !== self && boxesOverlap(box, taken.box, taken.owner === null ? GAP : 0)));
  for (const request of requests) if (request.text !== "") take(discBox(request), request.key);
  const placed: PlacedLabel[] = [];
  for (const [request] of order) {
    if (request.text === "") continue;
    for (const side of request.anySide ? SIDES : SIDES.slice(0, 1)) {
      const label = labelAt(request, side);
      if (!isFree(label.box, request.key)) continue;
      take(label.box, null);
      placed.push(label);
      break;
    }
  }
  return placed;
}
