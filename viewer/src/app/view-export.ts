/**
 * "Export what you see": the current view as PNG (sigma's canvas layers composed on a white ground,
 * read right after a synchronous redraw, while the WebGL buffers still hold the frame, with the
 * community labels shown over them), as SVG (the scene read from sigma's display data, the label layer
 * and the community labels, written by core/svg-export.ts) and as GEXF of the visible subgraph
 * (core/gexf-export.ts). Files download under the graph's name.
 */
import { viewGexf } from "../core/gexf-export.js";
import type { ViewerGraph } from "../core/model.js";
import type { EdgeDisplay } from "../core/reducers.js";
import { COMMUNITY_LABEL_STYLE, type ShownCommunityLabel } from "../core/overlay-marks.js";
import { sceneSvg, type Scene, type SceneEdge, type SceneNode } from "../core/svg-export.js";
import type { Visibility } from "../core/visibility.js";
import type { CommunityLabelsLayer } from "../ui/community-labels.js";
import { download } from "./download.js";
import type { Renderer } from "./renderer.js";

const BACKGROUND = "#ffffff";

/** "Nordic Energy 2024" → "nordic-energy-2024"; "newsgraph" when the graph has no name. */
export function fileStem(name: string | undefined): string {
  const slug = (name ?? "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-+|-+$/g, "");
  return slug || "newsgraph";
}

/** What the renderer and the community labels show now, in screen pixels. */
export function viewScene(renderer: Renderer, communityLabels: CommunityLabelsLayer): Scene {
  const { sigma } = renderer;
  // Sigma draws no edge thinner than this.
  const minEdge = sigma.getSetting("minEdgeThickness");
  const graph = sigma.getGraph();
  const { width, height } = sigma.getDimensions();
  const screen = new Map<string, SceneNode & { z: number }>();
  graph.forEachNode((node) => {
    const d = sigma.getNodeDisplayData(node);
    if (!d || d.hidden) return;
    const { x, y } = sigma.framedGraphToViewport(d);
    screen.set(node, { x, y, size: sigma.scaleSize(d.size), color: d.color, z: d.zIndex });
  });
  const edges: (SceneEdge & { z: number })[] = [];
  graph.forEachEdge((edge, _attrs, source, target) => {
    const d = sigma.getEdgeDisplayData(edge) as (ReturnType<typeof sigma.getEdgeDisplayData> & Partial<EdgeDisplay>) | undefined;
    const s = screen.get(source);
    const t = screen.get(target);
    if (!d || d.hidden || !s || !t) return;
    const arrow = d.type === "arrow" || d.type === "dashedArrow";
    edges.push({ x1: s.x, y1: s.y, x2: t.x, y2: t.y, color: d.color, size: Math.max(sigma.scaleSize(d.size), minEdge), dash: d.dash ?? 0, arrowTo: arrow ? t.size : null, z: d.zIndex });
  });
  const byZ = <T extends { z: number }>(items: T[]): T[] => items.map((item, i) => [item, i] as const).sort(([a, i], [b, j]) => a.z - b.z || i - j).map(([item]) => item);
  const { labels, edgeLabels } = renderer.labels.drawn();
  const font = sigma.getSetting("labelFont");
  return {
    width,
    height,
    background: BACKGROUND,
    font,
    labelColor: sigma.getSetting("labelColor").color ?? "#000",
    edgeLabelColor: sigma.getSetting("edgeLabelColor").color ?? "#000",
    // Sigma fades the last device pixel on each side of an edge.
    edgeFeather: sigma.getSetting("antiAliasingFeather") / (window.devicePixelRatio || 1),
    edges: byZ(edges).map(({ z: _z, ...e }) => e),
    nodes: byZ([...screen.values()]).map(({ z: _z, ...n }) => n),
    pins: [...renderer.labels.pins()],
    labels: labels.map((l) => ({ text: l.text, x: l.x, y: l.y, fontSize: l.fontSize })),
    edgeLabels: edgeLabels.map((l) => ({ text: l.text, x: l.x, y: l.y, angle: l.angle, baseline: l.baseline, fontSize: l.fontSize })),
    communityLabels: communityLabels.shown(),
  };
}

/** Community labels drawn on a 2D canvas as the page shows them (core/overlay-marks.ts). */
function paintCommunityLabels(context: CanvasRenderingContext2D, labels: readonly ShownCommunityLabel[], font: string): void {
  const { background, border, color, fontSize, fontWeight, paddingX, dot, gap } = COMMUNITY_LABEL_STYLE;
  context.font = `${fontWeight} ${fontSize}px ${font}`;
  context.textBaseline = "middle";
  context.lineWidth = 1;
  for (const l of labels) {
    const middle = l.top + l.height / 2;
    context.save();
    context.beginPath();
    context.roundRect(l.left + 0.5, l.top + 0.5, l.width - 1, l.height - 1, l.height / 2);
    context.fillStyle = background;
    context.fill();
    context.strokeStyle = border;
    context.stroke();
    // What does not fit is cut off at the box, as on the page.
    context.clip();
    let x = l.left + paddingX;
    if (l.color !== null) {
      context.beginPath();
      context.arc(x + dot / 2, middle, dot / 2, 0, 2 * Math.PI);
      context.fillStyle = l.color;
      context.fill();
      x += dot + gap;
    }
    context.fillStyle = color;
    context.fillText(l.text, x, middle);
    context.restore();
  }
}

/**
 * The view as PNG: redraw now, then copy every layer but the mouse catcher, in order, onto a white canvas,
 * and the community labels over them.
 */
export function viewPng(renderer: Renderer, communityLabels: CommunityLabelsLayer): Promise<Blob> {
  const { sigma } = renderer;
  sigma.refresh();
  const layers = Object.entries(sigma.getCanvases()).filter(([id]) => id !== "mouse").map(([, canvas]) => canvas);
  const first = layers[0];
  const out = document.createElement("canvas");
  out.width = first?.width ?? 1;
  out.height = first?.height ?? 1;
  const context = out.getContext("2d")!;
  context.fillStyle = BACKGROUND;
  context.fillRect(0, 0, out.width, out.height);
  for (const layer of layers) context.drawImage(layer, 0, 0, out.width, out.height);
  // The labels are placed in stage pixels; the layers hold device pixels.
  const scale = out.width / sigma.getDimensions().width;
  context.scale(scale, scale);
  paintCommunityLabels(context, communityLabels.shown(), sigma.getSetting("labelFont"));
  return new Promise((resolve, reject) => out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error("the PNG could not be made"))), "image/png"));
}

export function exportSvg(renderer: Renderer, communityLabels: CommunityLabelsLayer, stem: string): void {
  download(`${stem}-view.svg`, new Blob([sceneSvg(viewScene(renderer, communityLabels))], { type: "image/svg+xml" }));
}

export async function exportPng(renderer: Renderer, communityLabels: CommunityLabelsLayer, stem: string): Promise<void> {
  download(`${stem}-view.png`, await viewPng(renderer, communityLabels));
}

export function exportGexf(graph: ViewerGraph, visibility: Visibility, stem: string): void {
  download(`${stem}-view.gexf`, new Blob([viewGexf(graph, visibility)], { type: "application/xml" }));
}
