/**
 * The one store of the viewer: holds the typed state, applies patches, and tells subscribers what the
 * state was before, so each of them updates only when the fields it draws have changed.
 */
import type { ViewerState } from "../core/state.js";

export type StateListener = (state: ViewerState, previous: ViewerState) => void;

export class Store {
  #state: ViewerState;
  readonly #listeners = new Set<StateListener>();

  constructor(initial: ViewerState) {
    this.#state = initial;
  }

  get state(): ViewerState {
    return this.#state;
  }

  /** Apply a patch; subscribers run only when some field actually changed. */
  update(patch: Partial<ViewerState>): void {
    const previous = this.#state;
    const next = { ...previous, ...patch };
    const changed = (Object.keys(patch) as (keyof ViewerState)[]).some((k) => next[k] !== previous[k]);
    if (!changed) return;
    this.#state = next;
    for (const listener of this.#listeners) listener(next, previous);
  }

  subscribe(listener: StateListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
