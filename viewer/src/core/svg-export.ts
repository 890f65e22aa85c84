/**
 * The current view as an SVG document: what the renderer drew, in screen pixels (edges under nodes, as
 * wide as they look on screen, dashed where the claim is not a plain assertion, arrow heads on directed
 * relations; rings around pinned nodes; node labels where the label placement put them and edge labels
 * along their edges; the community labels shown at low zoom on top). The scene is read from the renderer;
 * this only writes it out, escaping every text.
 */
import { escapeXml } from "../../../src/graph/export/xml.js";
import type { PlacedEdgeLabel } from "./label-placement.js";
import { COMMUNITY_LABEL_STYLE, PIN_RING, pinRingRadius, type PinMark, type ShownCommunityLabel } from "./overlay-marks.js";

export interface SceneNode {
  x: number;
  y: number;
  /** Radius in pixels. */
  size: number;
  color: string;
}

export interface SceneEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  /** Thickness in pixels, as sigma lays the edge out (its last pixel on each side fades out: see `Scene.edgeFeather`). */
  size: number;
  /** Dash and gap length in pixels; 0 is solid. */
  dash: number;
  /** Radius of the target node when the edge ends in an arrow head, else null. */
  arrowTo: number | null;
}

export interface SceneLabel {
  text: string;
  /** Left end of the baseline. */
  x: number;
  y: number;
  fontSize: number;
}

/** An edge label as the label placement put it: centre on the edge, upright angle, baseline offset. */
export type SceneEdgeLabel = Pick<PlacedEdgeLabel, "text" | "x" | "y" | "angle" | "baseline" | "fontSize">;

export interface Scene {
  width: number;
  height: number;
  background: string;
  font: string;
  labelColor: string;
  edgeLabelColor: string;
  /** Width in pixels of the fading border on each side of an edge as sigma draws it (its antialiasing). */
  edgeFeather: number;
  /** In drawing order. */
  edges: SceneEdge[];
  nodes: SceneNode[];
  pins: PinMark[];
  labels: SceneLabel[];
  edgeLabels: SceneEdgeLabel[];
  communityLabels: ShownCommunityLabel[];
}

const round = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * The width of a solid line that puts down as much colour as sigma's edge of thickness `size`, whose
 * outer `feather` pixels on each side fade out along a smoothstep: a 2-pixel edge looks 1 pixel wide.
 */
export function inkWidth(size: number, feather: number): number {
  const half = size / 2;
  if (feather <= 0) return size;
  // The fade starts `feather` from the rim, or inside the line's centre when the edge is thinner than that:
  // the integral of 1 - smoothstep(u) = 3u² - 2u³ over the part of the fade that is drawn.
  const start = Math.max(0, (feather - half) / feather);
  const fade = feather * (0.5 - (start - start ** 3 + start ** 4 / 2));
  return 2 * (Math.max(0, half - feather) + fade);
}

/** Arrow head as sigma draws it: 2.5 thicknesses long, twice as wide as the edge, touching the node. */
function arrowHead(e: SceneEdge, radius: number): { line: [number, number]; head: string } {
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const headLength = e.size * 2.5;
  const halfWidth = e.size;
  const tipX = e.x2 - ux * radius;
  const tipY = e.y2 - uy * radius;
  const baseX = tipX - ux * headLength;
  const baseY = tipY - uy * headLength;
  const points = [
    [tipX, tipY],
    [baseX - uy * halfWidth, baseY + ux * halfWidth],
    [baseX + uy * halfWidth, baseY - ux * halfWidth],
  ];
  return { line: [baseX, baseY], head: points.map(([x, y]) => `${round(x!)},${round(y!)}`).join(" ") };
}

function edgeSvg(e: SceneEdge, feather: number): string {
  const dash = e.dash > 0 ? ` stroke-dasharray="${round(e.dash / 2)} ${round(e.dash / 2)}"` : "";
  const stroke = `stroke="${escapeXml(e.color)}" stroke-width="${round(inkWidth(e.size, feather))}"${dash}`;
  if (e.arrowTo === null) return `<line x1="${round(e.x1)}" y1="${round(e.y1)}" x2="${round(e.x2)}" y2="${round(e.y2)}" ${stroke}/>`;
  const { line, head } = arrowHead(e, e.arrowTo);
  return (
    `<line x1="${round(e.x1)}" y1="${round(e.y1)}" x2="${round(line[0])}" y2="${round(line[1])}" ${stroke}/>` +
    `<polygon points="${head}" fill="${escapeXml(e.color)}"/>`
  );
}

/** An edge label centred on its edge, turned along it, under the line, as the label layer draws it. */
function edgeLabelSvg(l: SceneEdgeLabel): string {
  const degrees = (l.angle * 180) / Math.PI;
  return `<text class="edge-label" transform="translate(${round(l.x)} ${round(l.y)}) rotate(${round(degrees)})" x="0" y="${round(l.baseline)}" font-size="${l.fontSize}" text-anchor="middle">${escapeXml(l.text)}</text>`;
}

/**
 * A community label as the page shows it: a rounded box, its community's dot if coloured, bold text cut
 * off at the box's edge (a nested SVG viewport clips what overflows).
 */
function communityLabelSvg(l: ShownCommunityLabel): string {
  const { background, border, dot, gap, paddingX } = COMMUNITY_LABEL_STYLE;
  const middle = l.height / 2;
  const box = `<rect x="0.5" y="0.5" width="${round(l.width - 1)}" height="${round(l.height - 1)}" rx="${round(middle)}" fill="${background}" stroke="${border}"/>`;
  const circle = l.color === null ? "" : `<circle cx="${round(paddingX + dot / 2)}" cy="${round(middle)}" r="${dot / 2}" fill="${escapeXml(l.color)}"/>`;
  const textX = paddingX + (l.color === null ? 0 : dot + gap);
  return (
    `<svg x="${round(l.left)}" y="${round(l.top)}" width="${round(l.width)}" height="${round(l.height)}">` +
    `${box}${circle}<text class="community-label" x="${round(textX)}" y="${round(middle)}" dominant-baseline="central">${escapeXml(l.text)}</text></svg>`
  );
}

/** The SVG text of a scene. */
export function sceneSvg(scene: Scene): string {
  const { width, height } = scene;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="${escapeXml(scene.background)}"/>`,
    `<g class="edges" stroke-linecap="butt">`,
    ...scene.edges.map((e) => edgeSvg(e, scene.edgeFeather)),
    `</g>`,
    `<g class="nodes">`,
    ...scene.nodes.map((n) => `<circle cx="${round(n.x)}" cy="${round(n.y)}" r="${round(n.size)}" fill="${escapeXml(n.color)}"/>`),
    `</g>`,
    `<g class="pins" fill="none" stroke="${PIN_RING.color}" stroke-width="${PIN_RING.width}">`,
    ...scene.pins.map((p) => `<circle cx="${round(p.x)}" cy="${round(p.y)}" r="${round(pinRingRadius(p.size))}"/>`),
    `</g>`,
    `<g class="edge-labels" font-family="${escapeXml(scene.font)}" fill="${escapeXml(scene.edgeLabelColor)}">`,
    ...scene.edgeLabels.map(edgeLabelSvg),
    `</g>`,
    `<g class="labels" font-family="${escapeXml(scene.font)}" font-weight="500" fill="${escapeXml(scene.labelColor)}">`,
    ...scene.labels.map((l) => `<text class="label" x="${round(l.x)}" y="${round(l.y)}" font-size="${l.fontSize}">${escapeXml(l.text)}</text>`),
    `</g>`,
    `<g class="community-labels" font-family="${escapeXml(scene.font)}" font-size="${COMMUNITY_LABEL_STYLE.fontSize}" font-weight="${COMMUNITY_LABEL_STYLE.fontWeight}" fill="${COMMUNITY_LABEL_STYLE.color}">`,
    ...scene.communityLabels.map(communityLabelSvg),
    `</g>`,
    `</svg>`,
  ];
  return lines.join("\n") + "\n";
}
