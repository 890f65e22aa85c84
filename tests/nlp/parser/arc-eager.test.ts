import { describe, expect, it } from "vitest";
import { ArcEagerState, LEFT, N_MOVES, REDUCE, RIGHT } from "../../../src/nlp/parser/arc-eager.js";
import { isProjective } from "../../../src/nlp/parser/projective.js";

/** Follow zero-cost moves only (preferring the lowest move number) and return the heads built (0 = root). */
function followOracle(gold: number[]): number[] {
  const st = new ArcEagerState();
  const n = gold.length;
  const g = Int32Array.from([0, ...gold.map((h) => (h === 0 ? n + 1 : h)), 0]);
  st.reset(n);
  while (!st.done) {
    let move = -1;
    for (let m = 0; m < N_MOVES && move < 0; m++) if (st.valid(m) && st.cost(m, g) === 0) move = m;
    expect(move).toBeGreaterThanOrEqual(0);
    st.apply(move, move === LEFT || move === RIGHT ? 0 : -1);
  }
  st.finish(0);
  return Array.from(st.head.subarray(1, n + 1), (h) => (h === n + 1 ? 0 : h));
}

/** All projective single-root trees over n words (heads 1-based, 0 = root). */
function* projectiveTrees(n: number): Generator<number[]> {
  const heads = new Array<number>(n).fill(0);
  function* fill(i: number): Generator<number[]> {
    if (i === n) {
      if (heads.filter((h) => h === 0).length !== 1) return;
      for (let d = 1; d <= n; d++) {
        let j = d;
        for (let k = 0; k <= n && j !== 0; k++) j = heads[j - 1]!;
        if (j !== 0) return;
      }
      if (isProjective(heads)) yield [...heads];
      return;
    }
    for (let h = 0; h <= n; h++) {
      if (h === i + 1) continue;
      heads[i] = h;
      yield* fill(i + 1);
    }
  }
  yield* fill(0);
}

describe("arc-eager dynamic oracle", () => {
  it("rebuilds every projective tree of up to five words by zero-cost moves", () => {
    let trees = 0;
    for (let n = 1; n <= 5; n++) {
      for (const gold of projectiveTrees(n)) {
        expect(followOracle(gold)).toEqual(gold);
        trees++;
      }
    }
    expect(trees).toBe(1 + 2 + 7 + 30 + 143);
  });

  it("charges a move for the gold arcs it makes unreachable", () => {
    // 1 ← 2 → 3, root word 2 (the root is word 4, last in the buffer).
    const gold = Int32Array.from([0, 2, 4, 2, 0]);
    const st = new ArcEagerState();
    st.reset(3);
    st.apply(0, -1); // shift 1
    expect(st.cost(RIGHT, gold)).toBe(2); // 2's head is the root, and 1 (headless, on the stack) needs 2 as head
    expect(st.cost(LEFT, gold)).toBe(0);
    st.apply(LEFT, 0); // 1 ← 2
    st.apply(0, -1); // shift 2
    expect(st.cost(LEFT, gold)).toBe(2); // 2 ← 3 loses 2's root arc and 3's arc from 2
    expect(st.cost(RIGHT, gold)).toBe(0);
  });

  it("keeps one root word when several hang from the root", () => {
    const st = new ArcEagerState();
    st.reset(3);
    st.apply(0, -1);
    st.apply(RIGHT, 5); // 1 → 2
    st.apply(REDUCE, -1);
    st.apply(0, -1); // shift 3
    st.apply(LEFT, 1); // 3 ← root
    st.apply(LEFT, 1); // 1 ← root
    expect(st.done).toBe(true);
    expect(st.finish(9)).toBe(1); // word 1 has a dependent, word 3 none
    expect(Array.from(st.head.subarray(1, 4))).toEqual([4, 1, 1]);
    expect(st.label[3]).toBe(9);
  });

  it("names the one valid move of every state that has only one, and none of a state with a choice", () => {
    // Every state reached by every sequence of valid moves over sentences of up to four words.
    let forced = 0;
    const visit = (moves: number[], n: number): void => {
      const st = new ArcEagerState();
      st.reset(n);
      for (const m of moves) st.apply(m, 0);
      if (st.done) return;
      const valid = [...Array(N_MOVES).keys()].filter((m) => st.valid(m));
      expect(st.onlyMove()).toBe(valid.length === 1 ? valid[0] : -1);
      if (valid.length === 1) forced++;
      for (const m of valid) visit([...moves, m], n);
    };
    for (let n = 1; n <= 4; n++) visit([], n);
    expect(forced).toBeGreaterThan(0);
  });
});
