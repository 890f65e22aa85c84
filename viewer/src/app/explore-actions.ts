/**
 * The actions of exploring from the selection: add to or take from the selection, show another selected
 * entity in the panel, the ego view, pins, hidden entities, "path to…", and the Escape key. Each computes
 * the next state with the pure transitions of core/exploration.ts and hands it to the store.
 */
import { escapeStep, hideEntity, showInPanel, toggleSelected, togglePinned, type Ego, type Explored } from "../core/exploration.js";
import type { Store } from "./store.js";

function apply(store: Store, next: Explored): void {
  store.update({ selected: next.selected, explore: next.explore, hoveredEdge: null });
}

/** Shift- or ctrl-click: add an entity to the selection, or take it out. */
export function toggleSelection(store: Store, node: string): void {
  apply(store, toggleSelected(store.state, node));
}

export function showSelectedInPanel(store: Store, node: string): void {
  apply(store, showInPanel(store.state, node));
}

export function hideNode(store: Store, node: string): void {
  apply(store, hideEntity(store.state, node));
}

export function togglePin(store: Store, node: string): void {
  store.update({ explore: togglePinned(store.state.explore, node) });
}

export function unhideAll(store: Store): void {
  store.update({ explore: { ...store.state.explore, hidden: [] } });
}

export function unpinAll(store: Store): void {
  store.update({ explore: { ...store.state.explore, pinned: [] } });
}

/** Show only the selection's neighbourhood (null: the whole graph again). */
export function setEgo(store: Store, ego: Ego | null): void {
  store.update({ explore: { ...store.state.explore, ego } });
}

/** Draw the paths from the selected entity to `target` (null: no paths). */
export function setPathTarget(store: Store, target: string | null): void {
  const explore = store.state.explore;
  if (target === store.state.selected || target === explore.pathTo) return;
  store.update({ explore: { ...explore, pathTo: target } });
}

/** Let paths walk co-occurrences and claims that are not facts, like `newsgraph path --any`. */
export function setPathAny(store: Store, pathAny: boolean): void {
  store.update({ explore: { ...store.state.explore, pathAny } });
}

/** Close the innermost of path, ego view and selection; false when nothing was open. */
export function escapeExploration(store: Store): boolean {
  const next = escapeStep(store.state);
  if (next === null) return false;
  apply(store, next);
  return true;
}
