/**
 * The arc-eager transition system (Nivre 2003) over a sentence of n words numbered 1..n, with the root as
 * word n + 1 at the end of the buffer (Ballesteros & Nivre 2013, "Going to the roots": the root word is
 * chosen once the whole sentence has been read, not guessed at its first word), and its dynamic oracle
 * (Goldberg & Nivre 2012): the number of gold arcs a move makes unreachable, exact for projective gold
 * trees. Parsing ends with the root alone in the buffer and an empty stack; when several words then hang
 * from the root, `finish` keeps one. The state keeps what the feature templates read (leftmost/rightmost
 * dependents, valencies, relation sets).
 */

export const SHIFT = 0;
export const REDUCE = 1;
export const LEFT = 2;
export const RIGHT = 3;
export const N_MOVES = 4;
export const MOVE_NAMES = ["shift", "reduce", "left", "right"] as const;

/** Parser state; arrays are sized for the longest sentence seen and reused. */
export class ArcEagerState {
  n = 0;
  /** The root: word n + 1, last in the buffer. */
  root = 1;
  /** Stack of word numbers. */
  stack = new Int32Array(0);
  sp = 0;
  /** Front of the buffer (the root, n + 1, when only it is left). */
  b = 1;
  /** Head per word (-1 = none yet); the root's dependents have head n + 1. */
  head = new Int32Array(0);
  label = new Int32Array(0);
  /** Leftmost, second leftmost, rightmost and second rightmost dependents (-1 = none). */
  l1 = new Int32Array(0);
  l2 = new Int32Array(0);
  r1 = new Int32Array(0);
  r2 = new Int32Array(0);
  /** Numbers of left and right dependents. */
  vl = new Int32Array(0);
  vr = new Int32Array(0);
  /** Bit sets of the relations of left and right dependents (relation id mod 31). */
  sl = new Int32Array(0);
  sr = new Int32Array(0);

  reset(n: number): void {
    if (this.head.length < n + 2) {
      const size = 2 * (n + 2);
      this.stack = new Int32Array(size);
      this.head = new Int32Array(size);
      this.label = new Int32Array(size);
      this.l1 = new Int32Array(size);
      this.l2 = new Int32Array(size);
      this.r1 = new Int32Array(size);
      this.r2 = new Int32Array(size);
      this.vl = new Int32Array(size);
      this.vr = new Int32Array(size);
      this.sl = new Int32Array(size);
      this.sr = new Int32Array(size);
    }
    this.n = n;
    this.root = n + 1;
    this.sp = 0;
    this.b = 1;
    for (let i = 0; i <= n + 1; i++) {
      this.head[i] = -1;
      this.label[i] = -1;
      this.l1[i] = -1;
      this.l2[i] = -1;
      this.r1[i] = -1;
      this.r2[i] = -1;
      this.vl[i] = 0;
      this.vr[i] = 0;
      this.sl[i] = 0;
      this.sr[i] = 0;
    }
  }

  get done(): boolean {
    return this.b === this.root && this.sp === 0;
  }

  /** The stack top, or -1 when the stack is empty. */
  get s0(): number {
    return this.sp > 0 ? this.stack[this.sp - 1]! : -1;
  }

  /** Whether a move may be made now. */
  valid(move: number): boolean {
    switch (move) {
      case SHIFT:
        return this.b < this.root;
      case REDUCE:
        return this.sp > 0 && this.head[this.stack[this.sp - 1]!]! >= 0;
      case LEFT:
        return this.sp > 0 && this.head[this.stack[this.sp - 1]!]! < 0;
      default:
        return this.sp > 0 && this.b < this.root;
    }
  }

  /**
   * The one valid move of a state that has only one, else -1: shift onto an empty stack; with only the root
   * left in the buffer, reduce a stack top that has its head, or attach it to the root (left-arc).
   */
  onlyMove(): number {
    if (this.sp === 0) return SHIFT;
    if (this.b < this.root) return -1;
    return this.head[this.stack[this.sp - 1]!]! >= 0 ? REDUCE : LEFT;
  }

  /** Make a move; arcs take the relation id given. */
  apply(move: number, rel: number): void {
    switch (move) {
      case SHIFT:
        this.stack[this.sp++] = this.b++;
        break;
      case REDUCE:
        this.sp--;
        break;
      case LEFT:
        this.attach(this.b, this.stack[--this.sp]!, rel);
        break;
      default:
        this.attach(this.stack[this.sp - 1]!, this.b, rel);
        this.stack[this.sp++] = this.b++;
    }
  }

  /** Add the arc h → d. */
  attach(h: number, d: number, rel: number): void {
    this.head[d] = h;
    this.label[d] = rel;
    const bit = 1 << (rel % 31);
    if (d < h) {
      if (this.l1[h]! < 0 || d < this.l1[h]!) {
        this.l2[h] = this.l1[h]!;
        this.l1[h] = d;
      } else if (this.l2[h]! < 0 || d < this.l2[h]!) this.l2[h] = d;
      this.vl[h]++;
      this.sl[h] |= bit;
    } else {
      if (this.r1[h]! < 0 || d > this.r1[h]!) {
        this.r2[h] = this.r1[h]!;
        this.r1[h] = d;
      } else if (this.r2[h]! < 0 || d > this.r2[h]!) this.r2[h] = d;
      this.vr[h]++;
      this.sr[h] |= bit;
    }
  }

  /**
   * Dynamic-oracle cost of a valid move against gold heads (gold[d] = head of word d, n + 1 for the root
   * word): how many gold arcs still reachable it makes unreachable.
   */
  cost(move: number, gold: Int32Array): number {
    const s0 = this.sp > 0 ? this.stack[this.sp - 1]! : -1;
    const b = this.b;
    const n = this.n;
    let c = 0;
    switch (move) {
      case LEFT: {
        // s0 takes b as head and leaves: its head further in the buffer, its dependents in the buffer are lost.
        if (gold[s0]! > b) c++;
        for (let k = b; k <= n; k++) if (gold[k] === s0) c++;
        return c;
      }
      case RIGHT: {
        // b takes s0 as head: its head elsewhere in the stack or further in the buffer, its headless dependents in the stack.
        const g = gold[b]!;
        if (g !== s0 && (g > b || this.onStack(g))) c++;
        return c + this.headlessDependentsOnStack(b, gold);
      }
      case REDUCE:
        for (let k = b; k <= n; k++) if (gold[k] === s0) c++;
        return c;
      default:
        // b goes onto the stack: its head in the stack and its headless dependents in the stack are lost.
        return (this.onStack(gold[b]!) ? 1 : 0) + this.headlessDependentsOnStack(b, gold);
    }
  }

  private onStack(w: number): boolean {
    for (let k = 0; k < this.sp; k++) if (this.stack[k] === w) return true;
    return false;
  }

  private headlessDependentsOnStack(h: number, gold: Int32Array): number {
    let c = 0;
    for (let k = 0; k < this.sp; k++) {
      const w = this.stack[k]!;
      if (this.head[w]! < 0 && gold[w] === h) c++;
    }
    return c;
  }

  /**
   * One root word: when several words hang from the root, the one with most dependents (the first on
   * ties) stays, the others depend on it with relation `rel`. Returns the root word.
   */
  finish(rel: number): number {
    let main = -1;
    for (let i = 1; i <= this.n; i++) {
      if (this.head[i] !== this.root) continue;
      if (main < 0 || this.vl[i]! + this.vr[i]! > this.vl[main]! + this.vr[main]!) main = i;
    }
    for (let i = 1; i <= this.n; i++) if (this.head[i] === this.root && i !== main) this.attach(main, i, rel);
    return main;
  }
}
