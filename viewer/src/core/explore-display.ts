/**
 * How the exploration marks what the reducers drew: every selected entity highlighted and labelled, pins
 * always labelled and marked (`pinned`: the label layer rings them), in the ego view the selection's
 * relations labelled, and when paths are shown their entities and hops drawn strong (near black, negated
 * claims red) and labelled while everything else fades. Pure: each takes the reducer's display object and
 * returns a changed copy.
 */
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { DIMMED_EDGE_COLOR, DIMMED_NODE_COLOR, NEGATED_COLOR, PATH_COLOR } from "./colors.js";
import { relationText } from "./format.js";
import type { EdgeAttributes, ViewerGraph } from "./model.js";
import type { PathsView } from "./paths.js";

export interface ExploreMarks {
  selection: ReadonlySet<string>;
  pinned: ReadonlySet<string>;
  /** The ego view is on. */
  ego: boolean;
  /** Paths shown, or null (also when none was found). */
  paths: PathsView | null;
  /** What the camera frames when it focuses the selection (null: the selection's neighbourhood). */
  frame: ReadonlySet<string> | null;
}

/** Sigma's node display data, and whether the entity is pinned. */
export type MarkedNodeDisplay = Partial<NodeDisplayData> & { pinned?: boolean };

export function exploreNodeDisplay(display: Partial<NodeDisplayData>, node: string, marks: ExploreMarks): MarkedNodeDisplay {
  const out: MarkedNodeDisplay = { ...display };
  const selected = marks.selection.has(node);
  if (selected) Object.assign(out, { highlighted: true, forceLabel: true, zIndex: 3 });
  if (marks.pinned.has(node)) {
    out.forceLabel = true;
    out.pinned = true;
  }
  if (marks.paths !== null) {
    if (marks.paths.nodes.has(node)) Object.assign(out, { forceLabel: true, zIndex: 3 });
    else if (!selected && !marks.pinned.has(node)) Object.assign(out, { color: DIMMED_NODE_COLOR, label: null, zIndex: 0 });
  }
  return out;
}

export function exploreEdgeDisplay(
  display: Partial<EdgeDisplayData>,
  edge: string,
  attrs: EdgeAttributes,
  graph: ViewerGraph,
  marks: ExploreMarks,
): Partial<EdgeDisplayData> {
  const out = { ...display };
  const text = relationText(attrs.relation, attrs.negated, attrs.modality ?? "asserted");
  if (marks.paths !== null) {
    if (marks.paths.edges.has(edge)) {
      // Negated claims (walked only with "any link") keep their red.
      Object.assign(out, { color: attrs.negated ? NEGATED_COLOR : PATH_COLOR, size: (display.size ?? 1) + 2, label: text, forceLabel: true, zIndex: 3 });
    } else if (!display.forceLabel) {
      Object.assign(out, { color: DIMMED_EDGE_COLOR, label: null, zIndex: 0 });
    }
  } else if (marks.ego && attrs.relation !== "co_occurs" && (marks.selection.has(graph.source(edge)) || marks.selection.has(graph.target(edge)))) {
    out.label = text;
  }
  return out;
}
