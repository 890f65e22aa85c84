/**
 * Sigma's label drawing, taken over: during a frame the node labels sigma would draw are only collected,
 * then placed without overlap (core/label-placement.ts) and drawn once the frame ends; edge labels are
 * drawn by sigma's own function and recorded. What was drawn last is kept for the SVG export.
 */
import type Sigma from "sigma";
import { drawStraightEdgeLabel } from "sigma/rendering";
import type { Settings } from "sigma/settings";
import type { EdgeDisplayData, NodeDisplayData, PartialButFor } from "sigma/types";
import { placeLabels, type LabelRequest, type PlacedLabel } from "../core/label-placement.js";
import type { SceneEdgeLabel } from "../core/svg-export.js";

type NodeLabelData = PartialButFor<NodeDisplayData, "x" | "y" | "size" | "label" | "color"> & { key: string };

export interface LabelLayer {
  /** Sigma settings that route label drawing through this layer. */
  settings: Pick<Settings, "defaultDrawNodeLabel" | "defaultDrawEdgeLabel">;
  /** Hook the layer to a sigma instance's frames. */
  attach(sigma: Sigma): void;
  /** The node and edge labels of the last frame. */
  drawn(): { labels: readonly PlacedLabel[]; edgeLabels: readonly SceneEdgeLabel[] };
}

/** Forced labels (the selection, its neighbours) first, then by the layer they are drawn on, then size. */
function priority(data: NodeLabelData): number {
  return (data.forceLabel ? 1e6 : 0) + (data.zIndex ?? 0) * 1e4 + data.size;
}

export function createLabelLayer(): LabelLayer {
  let context: CanvasRenderingContext2D | null = null;
  let requests: LabelRequest[] = [];
  let edgeLabels: SceneEdgeLabel[] = [];
  let labels: PlacedLabel[] = [];
  let pendingEdgeLabels: SceneEdgeLabel[] = [];
  let font = "";
  let color = "#000";

  return {
    settings: {
      defaultDrawNodeLabel: (ctx, data, settings) => {
        if (!data.label) return;
        context = ctx;
        font = `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`;
        color = settings.labelColor.color ?? "#000";
        ctx.font = font;
        const d = data as NodeLabelData;
        requests.push({
          key: d.key,
          text: data.label,
          x: data.x,
          y: data.y,
          nodeSize: data.size,
          width: ctx.measureText(data.label).width,
          fontSize: settings.labelSize,
          priority: priority(d),
          anySide: d.forceLabel === true,
        });
      },
      defaultDrawEdgeLabel: (ctx, edgeData, source, target, settings) => {
        drawStraightEdgeLabel(ctx, edgeData as EdgeDisplayData & { key: string }, source, target, settings);
        const length = Math.hypot(target.x - source.x, target.y - source.y);
        if (!edgeData.label || length < source.size + target.size) return;
        pendingEdgeLabels.push({ text: edgeData.label, x1: source.x, y1: source.y, x2: target.x, y2: target.y, fontSize: settings.edgeLabelSize });
      },
    },
    attach(sigma) {
      sigma.on("beforeRender", () => {
        requests = [];
        pendingEdgeLabels = [];
      });
      sigma.on("afterRender", () => {
        labels = placeLabels(requests);
        edgeLabels = pendingEdgeLabels;
        if (context === null) return;
        context.font = font;
        context.fillStyle = color;
        for (const label of labels) context.fillText(label.text, label.x, label.y);
      });
    },
    drawn: () => ({ labels, edgeLabels }),
  };
}
