/**
 * How the user explores from the selection: other selected entities (shift- or ctrl-click), an ego view of
 * the selection's 1- or 2-hop neighbourhood (optionally through chosen relation types only), pinned
 * entities (shown whatever the filters or the ego view say), hidden entities, and the target of "path
 * to…". The state, its pure transitions, and its part of the URL hash.
 */
import { RELATION_TYPES, type RelationType } from "./model.js";

export const EGO_HOPS = [1, 2] as const;
export type EgoHops = (typeof EGO_HOPS)[number];

/** Show only the selection's neighbourhood, `hops` away, through `relations` (all that pass the filters when empty). */
export interface Ego {
  hops: EgoHops;
  /** In vocabulary order. */
  relations: RelationType[];
}

export interface Exploration {
  /** Selected besides the view's `selected` (which is the one the panel shows), in the order added. */
  alsoSelected: string[];
  ego: Ego | null;
  /** Sorted node keys. */
  pinned: string[];
  /** Sorted node keys, removed from the view. */
  hidden: string[];
  /** The other end of "path to…" (paths run from `selected`). */
  pathTo: string | null;
  /** Paths may also walk co-occurrences and claims that are not facts (`newsgraph path --any`). */
  pathAny: boolean;
}

export const NO_EXPLORATION: Exploration = { alsoSelected: [], ego: null, pinned: [], hidden: [], pathTo: null, pathAny: false };

/** The part of the view the transitions read and change. */
export interface Explored {
  selected: string | null;
  explore: Exploration;
}

/** Every selected entity, the panel's last. */
export function selectionOf(view: Explored): string[] {
  return view.selected === null ? [] : [...view.explore.alsoSelected, view.selected];
}

/** Whether the exploration changes anything about what is drawn. */
export function isExploring(explore: Exploration): boolean {
  return explore.alsoSelected.length > 0 || explore.ego !== null || explore.pinned.length > 0 || explore.hidden.length > 0 || explore.pathTo !== null;
}

function sortedWith(list: readonly string[], node: string): string[] {
  return list.includes(node) ? [...list] : [...list, node].sort();
}

/**
 * Select one entity alone (a plain click), or nothing. The ego view and the path follow the new
 * selection; with nothing selected they have no anchor and end.
 */
export function selectOnly(view: Explored, node: string | null): Explored {
  const { explore } = view;
  // Unchanged state keeps its identity, so the store sees no change.
  if (node === view.selected && explore.alsoSelected.length === 0 && (node !== null || (explore.ego === null && explore.pathTo === null))) return view;
  if (node === null) return { selected: null, explore: { ...explore, alsoSelected: [], ego: null, pathTo: null } };
  return { selected: node, explore: { ...explore, alsoSelected: [], pathTo: explore.pathTo === node ? null : explore.pathTo } };
}

/** Add an entity to the selection (it becomes the one the panel shows), or take it out if it was in. */
export function toggleSelected(view: Explored, node: string): Explored {
  const { selected, explore } = view;
  if (selected === null) return selectOnly(view, node);
  if (node === selected) {
    const rest = explore.alsoSelected;
    const next = rest[rest.length - 1] ?? null;
    return next === null ? selectOnly(view, null) : { selected: next, explore: { ...explore, alsoSelected: rest.slice(0, -1) } };
  }
  if (explore.alsoSelected.includes(node)) return { selected, explore: { ...explore, alsoSelected: explore.alsoSelected.filter((n) => n !== node) } };
  return { selected: node, explore: { ...explore, alsoSelected: [...explore.alsoSelected, selected], pathTo: explore.pathTo === node ? null : explore.pathTo } };
}

/** Show another selected entity in the panel, keeping the selection. */
export function showInPanel(view: Explored, node: string): Explored {
  const { selected, explore } = view;
  if (selected === null || !explore.alsoSelected.includes(node)) return view;
  return { selected: node, explore: { ...explore, alsoSelected: [...explore.alsoSelected.filter((n) => n !== node), selected] } };
}

/** Remove an entity from the view: out of the selection, the pins and the path target. */
export function hideEntity(view: Explored, node: string): Explored {
  const deselected = view.selected === node || view.explore.alsoSelected.includes(node) ? toggleSelected(view, node) : view;
  const explore = deselected.explore;
  return {
    selected: deselected.selected,
    explore: { ...explore, hidden: sortedWith(explore.hidden, node), pinned: explore.pinned.filter((n) => n !== node), pathTo: explore.pathTo === node ? null : explore.pathTo },
  };
}

/** Pin or unpin an entity; a pinned entity is no longer hidden. */
export function togglePinned(explore: Exploration, node: string): Exploration {
  if (explore.pinned.includes(node)) return { ...explore, pinned: explore.pinned.filter((n) => n !== node) };
  return { ...explore, pinned: sortedWith(explore.pinned, node), hidden: explore.hidden.filter((n) => n !== node) };
}

/**
 * What Escape closes next, innermost first: the path, then the ego view, then the selection (and the
 * panel with it); null when nothing is open.
 */
export function escapeStep(view: Explored): Explored | null {
  if (view.explore.pathTo !== null) return { selected: view.selected, explore: { ...view.explore, pathTo: null } };
  if (view.explore.ego !== null) return { selected: view.selected, explore: { ...view.explore, ego: null } };
  if (view.selected !== null) return selectOnly(view, null);
  return null;
}

/** Drop what no longer exists in the graph, and what needs a selection when there is none. */
export function cleanExploration(view: Explored, exists: (node: string) => boolean): Explored {
  const selected = view.selected !== null && exists(view.selected) ? view.selected : null;
  const e = view.explore;
  const explore: Exploration = {
    alsoSelected: selected === null ? [] : e.alsoSelected.filter((n) => exists(n) && n !== selected),
    ego: selected === null ? null : e.ego,
    pinned: e.pinned.filter(exists),
    hidden: e.hidden.filter((n) => exists(n) && !e.pinned.includes(n)),
    pathTo: selected !== null && e.pathTo !== null && e.pathTo !== selected && exists(e.pathTo) ? e.pathTo : null,
    pathAny: e.pathAny,
  };
  return { selected, explore };
}

const nodeList = (value: string | null): string[] => (value ? [...new Set(value.split(",").filter((n) => n !== ""))] : []);

/** Write the exploration into URL parameters (only what differs from no exploration). */
export function encodeExploration(params: URLSearchParams, explore: Exploration): void {
  if (explore.alsoSelected.length > 0) params.set("also", explore.alsoSelected.join(","));
  if (explore.ego) {
    params.set("ego", String(explore.ego.hops));
    if (explore.ego.relations.length > 0) params.set("egorel", explore.ego.relations.join(","));
  }
  if (explore.pinned.length > 0) params.set("pin", explore.pinned.join(","));
  if (explore.hidden.length > 0) params.set("hidenode", explore.hidden.join(","));
  if (explore.pathTo) params.set("path", explore.pathTo);
  if (explore.pathAny) params.set("pathany", "1");
}

/** Read the exploration from URL parameters, ignoring anything malformed. */
export function decodeExploration(params: URLSearchParams): Exploration {
  const hops = EGO_HOPS.find((h) => String(h) === params.get("ego"));
  const wanted = new Set(nodeList(params.get("egorel")));
  return {
    alsoSelected: nodeList(params.get("also")),
    ego: hops === undefined ? null : { hops, relations: RELATION_TYPES.filter((r) => wanted.has(r)) },
    pinned: nodeList(params.get("pin")).sort(),
    hidden: nodeList(params.get("hidenode")).sort(),
    pathTo: params.get("path") || null,
    pathAny: params.get("pathany") === "1",
  };
}
