/**
 * Tag sets of the taggers. NER is learned and decoded in BILOU (Begin, Inside, Last, Unit, Outside), which
 * Ratinov & Roth (2009, "Design challenges and misconceptions in NER") found better than IOB for greedy
 * taggers, and converted to IOB2 at the edges. A tag set knows which class may follow which, so greedy
 * decoding never produces an invalid sequence.
 */

export interface TagSet {
  /** Class names; index = class id. */
  readonly names: readonly string[];
  /** allowed[prev * n + next] is 1 when class `next` may follow class `prev`; prev = n means sentence start. */
  readonly allowed: Uint8Array;
  /** finalAllowed[c] is 1 when class c may end a sentence. */
  readonly finalAllowed: Uint8Array;
}

/** A tag set without constraints (part-of-speech tags). */
export function freeTagSet(names: readonly string[]): TagSet {
  const n = names.length;
  return { names, allowed: new Uint8Array((n + 1) * n).fill(1), finalAllowed: new Uint8Array(n).fill(1) };
}

/** BILOU classes ("O", then B-, I-, L-, U- of each entity type) with their transition constraints. */
export function bilouTagSet(types: readonly string[]): TagSet {
  const names = ["O"];
  for (const t of types) names.push(`B-${t}`, `I-${t}`, `L-${t}`, `U-${t}`);
  const n = names.length;
  const allowed = new Uint8Array((n + 1) * n);
  const finalAllowed = new Uint8Array(n);
  const prefix = (c: number) => names[c]![0]!;
  const type = (c: number) => names[c]!.slice(2);
  for (let prev = 0; prev <= n; prev++) {
    const open = prev < n && (prefix(prev) === "B" || prefix(prev) === "I");
    for (let next = 0; next < n; next++) {
      const p = prefix(next);
      const continues = p === "I" || p === "L";
      allowed[prev * n + next] = open ? (continues && type(next) === type(prev) ? 1 : 0) : continues ? 0 : 1;
    }
  }
  for (let c = 0; c < n; c++) finalAllowed[c] = prefix(c) === "B" || prefix(c) === "I" ? 0 : 1;
  return { names, allowed, finalAllowed };
}

/** Convert IOB2 (or IOB1) tags to BILOU. */
export function iobToBilou(tags: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag === "O" || tag.length < 3) {
      out.push("O");
      continue;
    }
    const type = tag.slice(2);
    const prev = i > 0 ? tags[i - 1]! : "O";
    const next = i + 1 < tags.length ? tags[i + 1]! : "O";
    const begins = tag[0] === "B" || prev === "O" || prev.slice(2) !== type;
    const continues = next[0] === "I" && next.slice(2) === type;
    out.push(`${begins ? (continues ? "B" : "U") : continues ? "I" : "L"}-${type}`);
  }
  return out;
}

/** Convert BILOU tags to IOB2. */
export function bilouToIob2(tags: readonly string[]): string[] {
  return tags.map((t) => (t === "O" ? "O" : t[0] === "B" || t[0] === "U" ? `B-${t.slice(2)}` : `I-${t.slice(2)}`));
}

/** The names of class ids (a loop: Array.from with a mapping function costs a call per tag). */
export function tagNames(classes: Int32Array, names: readonly string[]): string[] {
  const out: string[] = new Array(classes.length);
  for (let i = 0; i < classes.length; i++) out[i] = names[classes[i]!]!;
  return out;
}
