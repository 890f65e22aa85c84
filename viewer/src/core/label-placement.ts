/**
 * Where node labels go so that none overlaps another. Sigma's label grid picks which labels a frame may
 * draw (by density); this takes those in priority order (the selection, then its neighbours, then larger
 * nodes) and keeps each only where its box is free: to the right of its node as sigma draws it, or, for
 * the labels that must show (the selection and its neighbours), to the left, above or below when the
 * right is taken. Boxes are in screen pixels.
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

/** The labels that fit, in placement order: greedy by priority (ties keep the input order). */
export function placeLabels(requests: readonly LabelRequest[]): PlacedLabel[] {
  const order = requests.map((r, i) => [r, i] as const).sort(([a, i], [b, j]) => b.priority - a.priority || i - j);
  const cells = new Map<string, Box[]>();
  const cellKeys = (box: Box): string[] => {
    const keys: string[] = [];
    for (let cx = Math.floor((box.left - GAP) / CELL); cx <= Math.floor((box.right + GAP) / CELL); cx++) {
      for (let cy = Math.floor((box.top - GAP) / CELL); cy <= Math.floor((box.bottom + GAP) / CELL); cy++) keys.push(`${cx},${cy}`);
    }
    return keys;
  };
  const isFree = (box: Box): boolean => cellKeys(box).every((k) => !(cells.get(k) ?? []).some((other) => boxesOverlap(box, other)));
  const placed: PlacedLabel[] = [];
  for (const [request] of order) {
    if (request.text === "") continue;
    for (const side of request.anySide ? SIDES : SIDES.slice(0, 1)) {
      const label = labelAt(request, side);
      if (!isFree(label.box)) continue;
      for (const k of cellKeys(label.box)) {
        const list = cells.get(k);
        if (list) list.push(label.box);
        else cells.set(k, [label.box]);
      }
      placed.push(label);
      break;
    }
  }
  return placed;
}
