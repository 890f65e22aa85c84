/**
 * The small actions that change the viewer state. Every user gesture goes through one of them; they
 * only compute the next state and hand it to the store.
 */
import {
  ENTITY_TYPES,
  RELATION_TYPES,
  type EntityType,
  type RelationType,
} from "../core/model.js";
import { selectOnly } from "../core/exploration.js";
import type { ColorMode, Filters, SizeMode, ViewState } from "../core/state.js";
import type { Store } from "./store.js";

/** Select one entity alone (or nothing); the ego view and the path follow it (see selectOnly). */
export function selectNode(store: Store, node: string | null): void {
  const next = selectOnly(store.state, node);
  store.update({ selected: next.selected, explore: next.explore, hoveredEdge: null });
}

export function hoverEdge(store: Store, edge: string | null): void {
  store.update({ hoveredEdge: edge });
}

export function setZoomedIn(store: Store, zoomedIn: boolean): void {
  store.update({ zoomedIn });
}

export function setFilters(store: Store, patch: Partial<Filters>): void {
  store.update({ filters: { ...store.state.filters, ...patch } });
}

export function setTypeShown(store: Store, type: EntityType, shown: boolean): void {
  const hidden = new Set(store.state.filters.hiddenTypes);
  if (shown) hidden.delete(type);
  else hidden.add(type);
  setFilters(store, { hiddenTypes: ENTITY_TYPES.filter((t) => hidden.has(t)) });
}

export function setRelationShown(store: Store, relation: RelationType, shown: boolean): void {
  setRelationsShown(store, [relation], shown);
}

export function setRelationsShown(store: Store, relations: readonly RelationType[], shown: boolean): void {
  const hidden = new Set(store.state.filters.hiddenRelations);
  for (const relation of relations) {
    if (shown) hidden.delete(relation);
    else hidden.add(relation);
  }
  setFilters(store, { hiddenRelations: RELATION_TYPES.filter((r) => hidden.has(r)) });
}

export function setColorBy(store: Store, colorBy: ColorMode): void {
  store.update({ colorBy });
}

export function setSizeBy(store: Store, sizeBy: SizeMode): void {
  store.update({ sizeBy });
}

export function setLabelDensity(store: Store, labelDensity: number): void {
  store.update({ labelDensity });
}

export function setNodeLimit(store: Store, nodeLimit: number): void {
  store.update({ nodeLimit: Math.max(1, Math.floor(nodeLimit)) });
}

export function openDocument(store: Store, document: string | null): void {
  store.update({ document });
}

/** Replace the shareable part of the state (from the URL hash). */
export function applyView(store: Store, view: ViewState): void {
  store.update({ ...view, hoveredEdge: null });
}
