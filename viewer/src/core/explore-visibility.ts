/**
 * What the exploration changes in what is shown. `exploreScope` works on the whole graph: the ego view's
 * entities, the neighbours of the other selected entities, and every entity the renderer must hold for
 * them, the pins and the paths. `exploreVisibility` then narrows or widens the filters' visibility: the
 * ego view shows only its entities, hidden entities go, and the selection, the pins and the paths stay
 * whatever the filters say (relations only where both ends are shown and the relation passes the
 * filters, or lies on a path).
 */
import { egoNeighbourhood } from "./ego.js";
import { isExploring, selectionOf } from "./exploration.js";
import type { GraphIndex } from "./graph-index.js";
import type { EdgeAttributes, ViewerGraph } from "./model.js";
import type { PathsView } from "./paths.js";
import { focusSet } from "./reducers.js";
import type { ViewState } from "./state.js";
import { edgePassesFilters, hiddenByFilters, type Visibility } from "./visibility.js";

export interface ExploreScope {
  /** The ego view's entities, or null when it is off. */
  ego: ReadonlySet<string> | null;
  /** Outside the ego view: the other selected entities and their neighbours through what passes. */
  reach: ReadonlySet<string>;
  /** Entities the renderer must hold besides its best connected ones. */
  rendered: ReadonlySet<string>;
  paths: PathsView | null;
}

/** Whether an edge may be walked or shown in the exploration: it passes the filters and, in the ego view, is of a chosen type. */
function edgeTest(view: ViewState, index: GraphIndex): (edge: string, attrs: EdgeAttributes) => boolean {
  const relations = view.explore.ego?.relations ?? [];
  return (edge, attrs) => edgePassesFilters(edge, attrs, view.filters, index) && (relations.length === 0 || relations.includes(attrs.relation));
}

export function exploreScope(graph: ViewerGraph, index: GraphIndex, view: ViewState, paths: PathsView | null): ExploreScope {
  const { explore, filters } = view;
  const selection = selectionOf(view);
  const hidden = new Set(explore.hidden);
  const enter = (node: string): boolean => !hidden.has(node) && !hiddenByFilters(node, graph.getNodeAttribute(node, "type"), filters, index);
  const walk = edgeTest(view, index);
  const ego = explore.ego !== null && selection.length > 0 ? new Set(egoNeighbourhood(graph, selection, explore.ego.hops, walk, enter).keys()) : null;
  const reach = ego === null && explore.alsoSelected.length > 0 ? new Set(egoNeighbourhood(graph, explore.alsoSelected, 1, walk, enter).keys()) : new Set<string>();
  const rendered = new Set<string>([...(ego ?? []), ...reach, ...selection, ...explore.pinned, ...(paths?.nodes ?? [])]);
  return { ego, reach, rendered, paths };
}

/** The filters' visibility (over the rendered graph, computed by `base` only when needed) with the exploration applied. */
export function exploreVisibility(rendered: ViewerGraph, index: GraphIndex, view: ViewState, base: () => Visibility, scope: ExploreScope): Visibility {
  if (!isExploring(view.explore)) return base();
  const hidden = new Set(view.explore.hidden);
  const nodes = new Set<string>();
  const show = (node: string): void => {
    if (rendered.hasNode(node)) nodes.add(node);
  };
  for (const node of scope.ego ?? [...base().nodes, ...scope.reach]) if (!hidden.has(node)) show(node);
  for (const node of [...selectionOf(view), ...view.explore.pinned, ...(scope.paths?.nodes ?? [])]) show(node);
  const passes = edgeTest(view, index);
  const onPath = scope.paths?.edges ?? new Set<string>();
  const edges = new Set<string>();
  rendered.forEachEdge((edge, attrs, source, target) => {
    if (nodes.has(source) && nodes.has(target) && (onPath.has(edge) || passes(edge, attrs))) edges.add(edge);
  });
  return { nodes, edges };
}

/**
 * What is in focus (the rest is dimmed): the selected entities and their visible neighbours; nothing in
 * the ego view, which is itself the focus.
 */
export function exploreFocus(rendered: ViewerGraph, view: ViewState, visibility: Visibility, scope: ExploreScope): Set<string> | null {
  if (scope.ego !== null) return null;
  let focus: Set<string> | null = null;
  for (const node of selectionOf(view)) {
    const around = focusSet(rendered, node, visibility);
    if (around) focus = focus ? new Set([...focus, ...around]) : around;
  }
  return focus;
}
