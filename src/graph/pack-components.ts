/**
 * Packing of the components of a graph's layout side by side: each component's bounding box goes into a
 * strip about as wide as the whole picture should be (a little wider than tall), lowest place first
 * (skyline bottom-left packing, tallest boxes first), so small components fill the room beside the main
 * one instead of floating on a ring around it. Pure and deterministic.
 */

/** A component's bounding box, size only. */
export interface Box {
  width: number;
  height: number;
}

/** Where a box goes: its lower-left corner. */
export interface Placement {
  x: number;
  y: number;
}

export interface PackOptions {
  /** Width over height that the packed picture aims at. */
  aspect?: number;
}

export const PACK_DEFAULTS = { aspect: 4 / 3 } as const;

/** A stretch of the skyline: the top of what is packed between `x` and `x + width` is at `y`. */
interface Segment {
  x: number;
  y: number;
  width: number;
}

/** The lowest place for a box of width `w` whose left edge is at segment `i` (Infinity if it overflows). */
function restingY(skyline: readonly Segment[], i: number, w: number, stripWidth: number): number {
  const left = skyline[i]!.x;
  if (left + w > stripWidth * (1 + 1e-9)) return Infinity;
  let y = 0;
  for (let j = i; j < skyline.length && skyline[j]!.x < left + w; j++) y = Math.max(y, skyline[j]!.y);
  return y;
}

/** Raise the skyline over `[x, x + w)` to `top`. */
function raise(skyline: Segment[], x: number, w: number, top: number): Segment[] {
  const end = x + w;
  const next: Segment[] = [];
  for (const s of skyline) {
    const sEnd = s.x + s.width;
    if (sEnd <= x || s.x >= end) next.push(s);
    else {
      if (s.x < x) next.push({ x: s.x, y: s.y, width: x - s.x });
      if (sEnd > end) next.push({ x: end, y: s.y, width: sEnd - end });
    }
  }
  next.push({ x, y: top, width: w });
  next.sort((a, b) => a.x - b.x);
  // Neighbouring stretches at the same height merge, so that the skyline stays short.
  const merged: Segment[] = [];
  for (const s of next) {
    const last = merged[merged.length - 1];
    if (last && last.y === s.y && Math.abs(last.x + last.width - s.x) < 1e-9) last.width += s.width;
    else merged.push({ ...s });
  }
  return merged;
}

/**
 * Place boxes without overlap in a compact area. The first box (the main component) goes to the origin;
 * the others follow tallest first, each at the lowest free place of a strip as wide as the widest box or
 * as the square root of the total area times `aspect`, whichever is wider. Returns one placement per box,
 * in input order.
 */
export function packBoxes(boxes: readonly Box[], options: PackOptions = {}): Placement[] {
  const aspect = options.aspect ?? PACK_DEFAULTS.aspect;
  if (boxes.length === 0) return [];
  let area = 0;
  let widest = 0;
  for (const b of boxes) {
    area += b.width * b.height;
    widest = Math.max(widest, b.width);
  }
  const stripWidth = Math.max(widest, Math.sqrt(area * aspect));
  const order = boxes.map((_, i) => i);
  const rest = order.slice(1).sort((a, b) => boxes[b]!.height - boxes[a]!.height || boxes[b]!.width - boxes[a]!.width || a - b);
  const placements: Placement[] = boxes.map(() => ({ x: 0, y: 0 }));
  let skyline: Segment[] = [{ x: 0, y: 0, width: stripWidth }];
  for (const i of [0, ...rest]) {
    const { width, height } = boxes[i]!;
    // The strip is at least as wide as any box, so the first segment (at x = 0) always fits.
    let at: Placement = { x: 0, y: restingY(skyline, 0, width, stripWidth) };
    for (let s = 1; s < skyline.length; s++) {
      const y = restingY(skyline, s, width, stripWidth);
      if (y < at.y) at = { x: skyline[s]!.x, y };
    }
    placements[i] = at;
    skyline = raise(skyline, at.x, Math.min(width, stripWidth - at.x), at.y + height);
  }
  return placements;
}
