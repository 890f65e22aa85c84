/**
 * What the viewer draws over the graph besides labels, shared by the screen and the exports (PNG and
 * SVG): the ring that marks a pinned entity, and the look of the community labels shown at low zoom
 * (the page draws those from styles.css, `.community-label`, with the same values).
 */

/** A pinned entity: a dark ring just outside its node. */
export const PIN_RING = { color: "#263238", width: 2, gap: 2 } as const;

/** Radius, in pixels, of the centre line of the ring around a pinned node of radius `size`. */
export function pinRingRadius(size: number): number {
  return size + PIN_RING.gap + PIN_RING.width / 2;
}

/** A pinned node as drawn, in screen pixels. */
export interface PinMark {
  x: number;
  y: number;
  /** The node's radius. */
  size: number;
}

/** A community label as shown: its box in screen pixels, its text, its community's colour dot if any. */
export interface ShownCommunityLabel {
  text: string;
  left: number;
  top: number;
  width: number;
  height: number;
  color: string | null;
}

export const COMMUNITY_LABEL_STYLE = {
  background: "rgba(255,255,255,0.85)",
  border: "rgba(38,50,56,0.18)",
  color: "#1f2a30",
  fontSize: 13,
  fontWeight: 600,
  paddingX: 9,
  dot: 11,
  gap: 5,
} as const;
