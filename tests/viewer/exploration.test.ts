/** The exploration's pure transitions: selection, pins, hidden entities, Escape, and cleaning a pasted URL. */
import { describe, expect, it } from "vitest";
import {
  cleanExploration,
  escapeStep,
  hideEntity,
  isExploring,
  NO_EXPLORATION,
  selectionOf,
  selectOnly,
  showInPanel,
  toggleSelected,
  togglePinned,
  type Explored,
} from "../../viewer/src/core/exploration.js";

const view = (selected: string | null, explore: Partial<Explored["explore"]> = {}): Explored => ({ selected, explore: { ...NO_EXPLORATION, ...explore } });

describe("selection", () => {
  it("adds with shift-click, the added entity shown in the panel, and takes out again", () => {
    let v = toggleSelected(view(null), "a");
    expect([v.selected, v.explore.alsoSelected]).toEqual(["a", []]);
    v = toggleSelected(v, "b");
    v = toggleSelected(v, "c");
    expect([v.selected, v.explore.alsoSelected]).toEqual(["c", ["a", "b"]]);
    expect(selectionOf(v)).toEqual(["a", "b", "c"]);
    v = toggleSelected(v, "a");
    expect([v.selected, v.explore.alsoSelected]).toEqual(["c", ["b"]]);
    // Taking out the panel's entity shows the last one added before it.
    v = toggleSelected(v, "c");
    expect([v.selected, v.explore.alsoSelected]).toEqual(["b", []]);
    v = toggleSelected(v, "b");
    expect(v.selected).toBeNull();
  });

  it("shows another selected entity in the panel without changing the selection", () => {
    const v = showInPanel(view("c", { alsoSelected: ["a", "b"] }), "a");
    expect([v.selected, v.explore.alsoSelected]).toEqual(["a", ["b", "c"]]);
    expect(showInPanel(v, "zzz")).toBe(v);
  });

  it("a plain click selects one entity; the ego view follows it; nothing selected ends ego and path", () => {
    const exploring = view("a", { alsoSelected: ["b"], ego: { hops: 2, relations: [] }, pathTo: "z", pinned: ["p"] });
    const one = selectOnly(exploring, "c");
    expect(one).toEqual(view("c", { ego: { hops: 2, relations: [] }, pathTo: "z", pinned: ["p"] }));
    // Selecting the path's target ends the path (it would be empty).
    expect(selectOnly(exploring, "z").explore.pathTo).toBeNull();
    expect(selectOnly(exploring, null)).toEqual(view(null, { pinned: ["p"] }));
    // The same selection again is the very same state, so the store sees no change.
    const same = view("c");
    expect(selectOnly(same, "c")).toBe(same);
  });
});

describe("pins and hidden entities", () => {
  it("hiding takes an entity out of the selection, the pins and the path", () => {
    const v = hideEntity(view("a", { alsoSelected: ["b"], pinned: ["a", "p"], pathTo: "z" }), "a");
    expect(v).toEqual(view("b", { pinned: ["p"], hidden: ["a"], pathTo: "z" }));
    expect(hideEntity(view("a", { pathTo: "z" }), "z").explore).toMatchObject({ hidden: ["z"], pathTo: null });
  });

  it("pinning keeps lists sorted and unhides", () => {
    let e = togglePinned({ ...NO_EXPLORATION, hidden: ["m"] }, "m");
    e = togglePinned(e, "c");
    expect([e.pinned, e.hidden]).toEqual([["c", "m"], []]);
    expect(togglePinned(e, "c").pinned).toEqual(["m"]);
  });

  it("counts as exploring only when something differs from the plain view", () => {
    expect(isExploring(NO_EXPLORATION)).toBe(false);
    expect(isExploring({ ...NO_EXPLORATION, pathAny: true })).toBe(false);
    expect(isExploring({ ...NO_EXPLORATION, hidden: ["x"] })).toBe(true);
  });
});

describe("escapeStep", () => {
  it("closes the path, then the ego view, then the selection, then nothing", () => {
    let v: Explored | null = view("a", { alsoSelected: ["b"], ego: { hops: 1, relations: [] }, pathTo: "z", hidden: ["h"] });
    const steps: string[] = [];
    while ((v = escapeStep(v)) !== null) steps.push(`${v.selected}|${v.explore.ego?.hops ?? "-"}|${v.explore.pathTo ?? "-"}`);
    expect(steps).toEqual(["a|1|-", "a|-|-", "null|-|-"]);
  });
});

describe("cleanExploration", () => {
  const exists = (node: string) => ["a", "b", "z", "p"].includes(node);

  it("drops entities the graph does not have, and what needs a selection when there is none", () => {
    const pasted = view("a", { alsoSelected: ["a", "gone", "b"], pinned: ["p", "gone"], hidden: ["p", "z", "gone"], pathTo: "gone", ego: { hops: 2, relations: [] } });
    expect(cleanExploration(pasted, exists)).toEqual(view("a", { alsoSelected: ["b"], pinned: ["p"], hidden: ["z"], ego: { hops: 2, relations: [] } }));
    expect(cleanExploration(view("gone", { alsoSelected: ["b"], ego: { hops: 1, relations: [] }, pathTo: "z", pinned: ["p"] }), exists)).toEqual(view(null, { pinned: ["p"] }));
    expect(cleanExploration(view("a", { pathTo: "a" }), exists).explore.pathTo).toBeNull();
  });
});
