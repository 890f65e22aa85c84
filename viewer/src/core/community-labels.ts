/**
 * Community labels for the overview at low zoom: for the largest communities among the entities shown,
 * where their members sit (centroid, in graph coordinates) and their best known entities (most
 * mentioned); and where on screen to draw the labels so that none overlaps another.
 */
import type { ViewerGraph } from "./model.js";

export interface CommunityLabel {
  community: number;
  /** Members among the entities shown. */
  size: number;
  /** Centroid of those members, in graph coordinates. */
  x: number;
  y: number;
  /** Labels of its most mentioned members, most mentioned first. */
  names: string[];
}

export interface CommunityLabelOptions {
  /** At most this many communities are labelled, the largest. */
  maxLabels?: number;
  /** Entity names per label. */
  namesPerLabel?: number;
  /** Communities with fewer members shown get no label. */
  minSize?: number;
  /** Nor do communities holding a smaller share of the entities shown (labels are for the big picture). */
  minShare?: number;
  /** With fewer entities shown there are no community labels: entity labels say enough. */
  minShown?: number;
}

export const COMMUNITY_LABEL_DEFAULTS: Required<CommunityLabelOptions> = { maxLabels: 12, namesPerLabel: 3, minSize: 3, minShare: 0.02, minShown: 100 };

interface Tally {
  size: number;
  sumX: number;
  sumY: number;
  /** The most mentioned members so far, best first: [mentions, label]. */
  top: [number, string][];
}

/** Insert a member into a best-first list of at most `k`; ties go to the label first in alphabetical order. */
function keepTop(top: [number, string][], mentions: number, label: string, k: number): void {
  const before = (a: [number, string]) => mentions > a[0] || (mentions === a[0] && label < a[1]);
  let i = top.length;
  while (i > 0 && before(top[i - 1]!)) i--;
  if (i < k) top.splice(i, 0, [mentions, label]);
  if (top.length > k) top.pop();
}

/** Labels of the largest communities among `shown` entities of `graph`, largest first (ties: lower id). */
export function communityLabels(graph: ViewerGraph, shown: Iterable<string>, options: CommunityLabelOptions = {}): CommunityLabel[] {
  const { maxLabels, namesPerLabel, minSize, minShare, minShown } = { ...COMMUNITY_LABEL_DEFAULTS, ...options };
  const tallies = new Map<number, Tally>();
  let total = 0;
  for (const node of shown) {
    if (!graph.hasNode(node)) continue;
    total++;
    const { community, x, y, mentions, label } = graph.getNodeAttributes(node);
    let tally = tallies.get(community);
    if (!tally) tallies.set(community, (tally = { size: 0, sumX: 0, sumY: 0, top: [] }));
    tally.size++;
    tally.sumX += x;
    tally.sumY += y;
    keepTop(tally.top, mentions, label, namesPerLabel);
  }
  if (total < minShown) return [];
  return [...tallies]
    .filter(([, t]) => t.size >= Math.max(minSize, minShare * total))
    .sort(([a, ta], [b, tb]) => tb.size - ta.size || a - b)
    .slice(0, maxLabels)
    .map(([community, t]) => ({ community, size: t.size, x: t.sumX / t.size, y: t.sumY / t.size, names: t.top.map(([, label]) => label) }));
}

/** A label's box on screen, centred on (x, y). */
export interface LabelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Vertical shifts tried, in label heights, when a label's own place is taken. */
const SHIFTS = [0, -1, 1, -2, 2];

/**
 * Where to draw labels so that none overlaps another, on a screen of `width` × `height`: in order (most
 * important first), each is moved inside the screen, then put at its place or just above or below it,
 * whichever is first free of the labels placed before it; null when none is (or it cannot fit at all).
 */
export function placeCommunityLabels(boxes: readonly LabelBox[], width: number, height: number): (LabelBox | null)[] {
  const placed: LabelBox[] = [];
  const clear = (box: LabelBox) => placed.every((k) => Math.abs(k.x - box.x) * 2 >= k.width + box.width || Math.abs(k.y - box.y) * 2 >= k.height + box.height);
  const clamp = (v: number, size: number, max: number) => Math.min(Math.max(v, size / 2), max - size / 2);
  return boxes.map((box) => {
    if (box.width > width || box.height > height) return null;
    for (const shift of SHIFTS) {
      const candidate = { ...box, x: clamp(box.x, box.width, width), y: clamp(box.y + shift * box.height, box.height, height) };
      if (clear(candidate)) {
        placed.push(candidate);
        return candidate;
      }
    }
    return null;
  });
}
