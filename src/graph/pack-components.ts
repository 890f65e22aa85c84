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

/** Whether `b` continues `a` at the same height (so the two make one stretch). */
const continues = (a: Segment, b: Segment) => a.y === b.y && Math.abs(a.x + a.width - b.x) < 1e-9;

/**
 * Raise the skyline over `[x, x + w)` to `top`, in place: the stretches under it are cut away and the new
 * one joins a neighbour at the same height, so that the skyline stays short. (The skyline was merged
 * before, and the new stretch is higher than those it covers, so only its neighbours can join it.)
 */
function raise(skyline: Segment[], x: number, w: number, top: number): void {
  const end = x + w;
  let first = 0;
  while (skyline[first]!.x + skyline[first]!.width <= x) first++;
  let last = first;
  while (last + 1 < skyline.length && skyline[last + 1]!.x < end) last++;
  const replaced: Segment[] = [];
  const head = skyline[first]!;
  const tail = skyline[last]!;
  const before = skyline[first - 1];
  let raised: Segment = { x, y: top, width: w };
  if (head.x < x) replaced.push({ x: head.x, y: head.y, width: x - head.x });
  else if (before && continues(before, raised)) {
    raised = { ...before, width: before.width + raised.width };
    first--;
  }
  replaced.push(raised);
  const tailEnd = tail.x + tail.width;
  const after = tailEnd > end ? { x: end, y: tail.y, width: tailEnd - end } : skyline[last + 1];
  if (after && continues(raised, after)) {
    raised.width += after.width;
    if (tailEnd <= end) last++;
  } else if (tailEnd > end) replaced.push(after!);
  skyline.splice(first, last - first + 1, ...replaced);
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
  const skyline: Segment[] = [{ x: 0, y: 0, width: stripWidth }];
  for (const i of [0, ...rest]) {
    const { width, height } = boxes[i]!;
    // The strip is at least as wide as any box, so the first segment (at x = 0) always fits.
    let at: Placement = { x: 0, y: restingY(skyline, 0, width, stripWidth) };
    for (let s = 1; s < skyline.length; s++) {
      const y = restingY(skyline, s, width, stripWidth);
      if (y < at.y) at = { x: skyline[s]!.x, y };
    }
    placements[i] = at;
    raise(skyline, at.x, Math.min(width, stripWidth - at.x), at.y + height);
  }
  return placements;
}
