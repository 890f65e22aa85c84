/**
 * Sigma's label drawing, taken over: during a frame the node and edge labels sigma would draw are only
 * collected, then placed without overlap (core/label-placement.ts) and drawn once the frame ends, node
 * labels on sigma's label layer and edge labels on its edge-label layer. Pinned entities (always
 * labelled) get their ring on the label layer too. What was drawn last is kept for the SVG export.
 */
import type { Attributes } from "graphology-types";
import type Sigma from "sigma";
import type { Settings } from "sigma/settings";
import type { NodeDisplayData } from "sigma/types";
import { placeLabels, type EdgeLabelRequest, type LabelRequest, type Placement } from "../core/label-placement.js";
import { PIN_RING, pinRingRadius, type PinMark } from "../core/overlay-marks.js";

export interface LabelLayer<N extends Attributes = Attributes, E extends Attributes = Attributes, G extends Attributes = Attributes> {
  /** Sigma settings that route label drawing through this layer. */
  settings: Pick<Settings<N, E, G>, "defaultDrawNodeLabel" | "defaultDrawEdgeLabel">;
  /** Hook the layer to a sigma instance's frames. */
  attach(sigma: Sigma<N, E, G>): void;
  /** The node and edge labels of the last frame. */
  drawn(): Placement;
  /** The pinned nodes ringed in the last frame. */
  pins(): readonly PinMark[];
}

/**
 * Forced labels (the selection and its neighbours, a hovered edge) first, then claims that are not plain
 * assertions (their label carries the word their dashes stand for), then by drawing layer, then size.
 */
function priority(data: Partial<NodeDisplayData> & { dash?: number }, size: number): number {
  return (data.forceLabel ? 1e6 : 0) + ((data.dash ?? 0) > 0 ? 1e5 : 0) + (data.zIndex ?? 0) * 1e4 + size;
}

interface Pen {
  context: CanvasRenderingContext2D;
  font: string;
  color: string;
}

export function createLabelLayer<N extends Attributes, E extends Attributes, G extends Attributes>(): LabelLayer<N, E, G> {
  let nodePen: Pen | null = null;
  let edgePen: Pen | null = null;
  let requests: LabelRequest[] = [];
  let edgeRequests: EdgeLabelRequest[] = [];
  let pins: PinMark[] = [];
  let placement: Placement = { labels: [], edgeLabels: [] };

  return {
    settings: {
      defaultDrawNodeLabel: (context, data, settings) => {
        if ((data as { pinned?: boolean }).pinned) pins.push({ x: data.x, y: data.y, size: data.size });
        if (!data.label) return;
        nodePen = { context, font: `${settings.labelWeight} ${settings.labelSize}px ${settings.labelFont}`, color: settings.labelColor.color ?? "#000" };
        context.font = nodePen.font;
        requests.push({
          key: (data as { key?: string }).key ?? data.label,
          text: data.label,
          x: data.x,
          y: data.y,
          nodeSize: data.size,
          width: context.measureText(data.label).width,
          fontSize: settings.labelSize,
          priority: priority(data, data.size),
        });
      },
      defaultDrawEdgeLabel: (context, edgeData, source, target, settings) => {
        if (!edgeData.label) return;
        edgePen = { context, font: `${settings.edgeLabelWeight} ${settings.edgeLabelSize}px ${settings.edgeLabelFont}`, color: settings.edgeLabelColor.color ?? "#000" };
        context.font = edgePen.font;
        edgeRequests.push({
          key: (edgeData as { key?: string }).key ?? edgeData.label,
          text: edgeData.label,
          x1: source.x,
          y1: source.y,
          x2: target.x,
          y2: target.y,
          sourceSize: source.size,
          targetSize: target.size,
          edgeSize: edgeData.size,
          width: context.measureText(edgeData.label).width,
          fontSize: settings.edgeLabelSize,
          priority: priority(edgeData, edgeData.size),
        });
      },
    },
    attach(sigma) {
      sigma.on("beforeRender", () => {
        requests = [];
        edgeRequests = [];
        pins = [];
      });
      sigma.on("afterRender", () => {
        placement = placeLabels(requests, edgeRequests);
        if (nodePen !== null) {
          const { context, font, color } = nodePen;
          context.strokeStyle = PIN_RING.color;
          context.lineWidth = PIN_RING.width;
          for (const pin of pins) {
            context.beginPath();
            context.arc(pin.x, pin.y, pinRingRadius(pin.size), 0, 2 * Math.PI);
            context.stroke();
          }
          context.font = font;
          context.fillStyle = color;
          for (const label of placement.labels) context.fillText(label.text, label.x, label.y);
        }
        if (edgePen !== null) {
          const { context, font, color } = edgePen;
          context.font = font;
          context.fillStyle = color;
          context.textAlign = "center";
          for (const label of placement.edgeLabels) {
            context.save();
            context.translate(label.x, label.y);
            context.rotate(label.angle);
            context.fillText(label.text, 0, label.baseline);
            context.restore();
          }
          context.textAlign = "start";
        }
      });
    },
    drawn: () => placement,
    pins: () => pins,
  };
}
