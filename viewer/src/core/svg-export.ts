/**
 * The current view as an SVG document: what the renderer drew, in screen pixels (edges under nodes,
 * dashed where the claim is not a plain assertion, arrow heads on directed relations, then node
 * labels where the label placement put them and edge labels along their edges). The scene is read from
 * the renderer; this only writes it out, escaping every text.
 */
import { escapeXml } from "../../../src/graph/export/xml.js";
import type { PlacedEdgeLabel } from "./label-placement.js";

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
  /** Thickness in pixels. */
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
  /** In drawing order. */
  edges: SceneEdge[];
  nodes: SceneNode[];
  labels: SceneLabel[];
  edgeLabels: SceneEdgeLabel[];
}

const round = (n: number): string => String(Math.round(n * 10) / 10);

/** Arrow head as sigma draws it: 2.5 thicknesses long, twice as wide as the edge, touching the node. */
function arrowHead(e: SceneEdge, radius: number): { line: [number, number]; head: string } {
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  const headLength = Math.max(e.size, 1) * 2.5 * 2;
  const halfWidth = Math.max(e.size, 1) * 2;
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

function edgeSvg(e: SceneEdge): string {
  const dash = e.dash > 0 ? ` stroke-dasharray="${round(e.dash / 2)} ${round(e.dash / 2)}"` : "";
  if (e.arrowTo === null) {
    return `<line x1="${round(e.x1)}" y1="${round(e.y1)}" x2="${round(e.x2)}" y2="${round(e.y2)}" stroke="${escapeXml(e.color)}" stroke-width="${round(e.size)}"${dash}/>`;
  }
  const { line, head } = arrowHead(e, e.arrowTo);
  return (
    `<line x1="${round(e.x1)}" y1="${round(e.y1)}" x2="${round(line[0])}" y2="${round(line[1])}" stroke="${escapeXml(e.color)}" stroke-width="${round(e.size)}"${dash}/>` +
    `<polygon points="${head}" fill="${escapeXml(e.color)}"/>`
  );
}

/** An edge label centred on its edge, turned along it, under the line, as the label layer draws it. */
function edgeLabelSvg(l: SceneEdgeLabel): string {
  const degrees = (l.angle * 180) / Math.PI;
  return `<text class="edge-label" transform="translate(${round(l.x)} ${round(l.y)}) rotate(${round(degrees)})" x="0" y="${round(l.baseline)}" font-size="${l.fontSize}" text-anchor="middle">${escapeXml(l.text)}</text>`;
}

/** The SVG text of a scene. */
export function sceneSvg(scene: Scene): string {
  const { width, height } = scene;
  const lines = [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="${escapeXml(scene.background)}"/>`,
    `<g class="edges" stroke-linecap="butt">`,
    ...scene.edges.map(edgeSvg),
    `</g>`,
    `<g class="nodes">`,
    ...scene.nodes.map((n) => `<circle cx="${round(n.x)}" cy="${round(n.y)}" r="${round(n.size)}" fill="${escapeXml(n.color)}"/>`),
    `</g>`,
    `<g class="edge-labels" font-family="${escapeXml(scene.font)}" fill="${escapeXml(scene.edgeLabelColor)}">`,
    ...scene.edgeLabels.map(edgeLabelSvg),
    `</g>`,
    `<g class="labels" font-family="${escapeXml(scene.font)}" font-weight="500" fill="${escapeXml(scene.labelColor)}">`,
    ...scene.labels.map((l) => `<text class="label" x="${round(l.x)}" y="${round(l.y)}" font-size="${l.fontSize}">${escapeXml(l.text)}</text>`),
    `</g>`,
    `</svg>`,
  ];
  return lines.join("\n") + "\n";
}
