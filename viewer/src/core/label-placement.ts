/**
 * Where node labels go so that none overlaps another. Sigma's label grid picks which labels a frame may
 * draw (by density); this takes those in priority order (the selection, then its neighbours, then larger
 * nodes) and keeps each only where its box is free: to the right of its node as sigma draws it, else to
 * the left, above or below; a label with no free side is left out. Edge labels come after all node
 * labels, turned along their edge as sigma draws them (under the line, upright), in the middle of the
 * edge or, when that is taken, a third of the way from either end; they are kept only where they cross no
 * label and no labelled node, and one that does not fit between its two nodes is left out. A label also keeps off the discs of the other labelled nodes, so that no name runs
 * over a node that has a name of its own. Boxes are in screen pixels; turned edge labels are tested as
 * rotated rectangles (separating axis test).
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

export interface EdgeLabelRequest {
  key: string;
  text: string;
  /** Centres of the two nodes on screen and their radii, in pixels. */
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  sourceSize: number;
  targetSize: number;
  /** Edge thickness, measured text width and font size, in pixels. */
  edgeSize: number;
  width: number;
  fontSize: number;
  priority: number;
}

type Point = readonly [number, number];

export interface PlacedEdgeLabel {
  key: string;
  text: string;
  /** Centre of the edge between the two nodes' rims, the text's angle (radians, upright) and its baseline under the line. */
  x: number;
  y: number;
  angle: number;
  baseline: number;
  fontSize: number;
  /** The text's rectangle on screen. */
  corners: readonly [Point, Point, Point, Point];
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
/** Where along its edge a label may sit, in order of preference. */
const EDGE_LABEL_SPOTS = [0.5, 0.33, 0.67] as const;

/** The box around a node's disc. */
function discBox(x: number, y: number, r: number): Box {
  return { left: x - r, top: y - r, right: x + r, bottom: y + r };
}

/**
 * An edge label as sigma's drawStraightEdgeLabel draws it: centred between the two nodes' rims (or at
 * `along`, a fraction of the way from the source's rim to the target's), turned along the edge and kept
 * upright, its baseline a font size (plus half the edge) under the line; null when the text does not fit
 * between the rims there (sigma would cut it short with "…").
 */
export function edgeLabelAt(request: EdgeLabelRequest, along = 0.5): PlacedEdgeLabel | null {
  const { x1, y1, x2, y2, sourceSize, targetSize, edgeSize, width, fontSize } = request;
  const d = Math.hypot(x2 - x1, y2 - y1);
  if (d <= sourceSize + targetSize || request.text === "") return null;
  const ux = (x2 - x1) / d;
  const uy = (y2 - y1) / d;
  const sx = x1 + ux * sourceSize;
  const sy = y1 + uy * sourceSize;
  const tx = x2 - ux * targetSize;
  const ty = y2 - uy * targetSize;
  const free = Math.hypot(tx - sx, ty - sy);
  if (width / 2 > free * Math.min(along, 1 - along)) return null;
  let angle = Math.atan2(ty - sy, tx - sx);
  if (angle > Math.PI / 2) angle -= Math.PI;
  else if (angle <= -Math.PI / 2) angle += Math.PI;
  const x = sx + (tx - sx) * along;
  const y = sy + (ty - sy) * along;
  const baseline = edgeSize / 2 + fontSize;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  // In the turned frame the glyphs run from about 0.8 font size above the baseline to 0.2 under it.
  const top = baseline - 0.8 * fontSize;
  const bottom = baseline + 0.2 * fontSize;
  const at = (u: number, v: number): Point => [x + u * cos - v * sin, y + u * sin + v * cos];
  const corners = [at(-width / 2, top), at(width / 2, top), at(width / 2, bottom), at(-width / 2, bottom)] as const;
  return { key: request.key, text: request.text, x, y, angle, baseline, fontSize, corners };
}

/** Something taken on screen: its bounding box, and its corners when turned. */
interface Taken {
  box: Box;
  corners: readonly Point[] | null;
  /** The node whose disc this is, or null for a label. */
  owner: string | null;
}

function boundsOf(corners: readonly Point[]): Box {
  const box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  for (const [x, y] of corners) {
    box.left = Math.min(box.left, x);
    box.right = Math.max(box.right, x);
    box.top = Math.min(box.top, y);
    box.bottom = Math.max(box.bottom, y);
  }
  return box;
}

function cornersOf(box: Box): Point[] {
  return [[box.left, box.top], [box.right, box.top], [box.right, box.bottom], [box.left, box.bottom]];
}

/** The extent of a quadrilateral's corners along an axis. */
function extent(quad: readonly Point[], ax: number, ay: number): [number, number] {
  let min = Infinity;
  let max = -Infinity;
  for (const [x, y] of quad) {
    const v = x * ax + y * ay;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return [min, max];
}

/** Separating axis test of two convex quadrilaterals, `gap` pixels apart at least to count as apart. */
function quadsOverlap(a: readonly Point[], b: readonly Point[], gap: number): boolean {
  for (const quad of [a, b]) {
    for (let i = 0; i < 2; i++) {
      const [px, py] = quad[i]!;
      const [qx, qy] = quad[i + 1]!;
      const length = Math.hypot(qx - px, qy - py) || 1;
      const ax = -(qy - py) / length;
      const ay = (qx - px) / length;
      const [minA, maxA] = extent(a, ax, ay);
      const [minB, maxB] = extent(b, ax, ay);
      if (maxA + gap <= minB || maxB + gap <= minA) return false;
    }
  }
  return true;
}

function takenOverlap(shape: Taken, other: Taken): boolean {
  const gap = other.owner === null ? GAP : 0;
  if (!boxesOverlap(shape.box, other.box, gap)) return false;
  if (shape.corners === null && other.corners === null) return true;
  return quadsOverlap(shape.corners ?? cornersOf(shape.box), other.corners ?? cornersOf(other.box), gap);
}

export interface Placement {
  labels: PlacedLabel[];
  edgeLabels: PlacedEdgeLabel[];
}

/** The labels that fit, in placement order: node labels then edge labels, each greedy by priority (ties keep the input order). */
export function placeLabels(requests: readonly LabelRequest[], edgeRequests: readonly EdgeLabelRequest[] = []): Placement {
  const byPriority = <T extends { priority: number }>(items: readonly T[]): T[] =>
    items.map((r, i) => [r, i] as const).sort(([a, i], [b, j]) => b.priority - a.priority || i - j).map(([r]) => r);
  const cells = new Map<number, Taken[]>();
  const cellKeys = (box: Box): number[] => {
    const keys: number[] = [];
    for (let cx = Math.floor((box.left - GAP) / CELL); cx <= Math.floor((box.right + GAP) / CELL); cx++) {
      for (let cy = Math.floor((box.top - GAP) / CELL); cy <= Math.floor((box.bottom + GAP) / CELL); cy++) keys.push(cx * 0x10000 + cy);
    }
    return keys;
  };
  const take = (shape: Taken): void => {
    for (const k of cellKeys(shape.box)) {
      const list = cells.get(k);
      if (list) list.push(shape);
      else cells.set(k, [shape]);
    }
  };
  /** Whether nothing taken overlaps the shape, except the disc of `self` (the node a label belongs to). */
  const isFree = (shape: Taken, self: string | null): boolean =>
    cellKeys(shape.box).every((k) => !(cells.get(k) ?? []).some((other) => (other.owner === null || other.owner !== self) && takenOverlap(shape, other)));

  for (const r of requests) if (r.text !== "") take({ box: discBox(r.x, r.y, r.nodeSize), corners: null, owner: r.key });
  const labels: PlacedLabel[] = [];
  for (const request of byPriority(requests)) {
    if (request.text === "") continue;
    for (const side of SIDES) {
      const label = labelAt(request, side);
      const shape: Taken = { box: label.box, corners: null, owner: null };
      if (!isFree(shape, request.key)) continue;
      take(shape);
      labels.push(label);
      break;
    }
  }
  const edgeLabels: PlacedEdgeLabel[] = [];
  for (const request of byPriority(edgeRequests)) {
    for (const along of EDGE_LABEL_SPOTS) {
      const label = edgeLabelAt(request, along);
      if (label === null) continue;
      const shape: Taken = { box: boundsOf(label.corners), corners: label.corners, owner: null };
      if (!isFree(shape, null)) continue;
      take(shape);
      edgeLabels.push(label);
      break;
    }
  }
  return { labels, edgeLabels };
}
