/**
 * Open-addressing hash table from 32-bit feature keys to dense row numbers, on one typed array of
 * (key, row) pairs so that a probe touches a single cache line (linear probing, power-of-two capacity,
 * load factor at most 1/2). Key 0 marks an empty slot; feature keys are never 0 (see hash.ts).
 */

export class FeatureTable {
  /** slots[2i] = key, slots[2i + 1] = row. */
  private slots: Int32Array;
  private mask: number;
  /** Number of keys stored; rows are numbered 0..size-1 in insertion order. */
  size = 0;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.slots = new Int32Array(2 * cap);
    this.mask = cap - 1;
  }

  /** The row of a key, or -1. */
  get(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    let i = key & mask;
    for (;;) {
      const k = slots[2 * i]!;
      if (k === key) return slots[2 * i + 1]!;
      if (k === 0) return -1;
      i = (i + 1) & mask;
    }
  }

  /** The row of a key, inserting it with the next row number when absent. */
  intern(key: number): number {
    let i = key & this.mask;
    for (;;) {
      const k = this.slots[2 * i]!;
      if (k === key) return this.slots[2 * i + 1]!;
      if (k === 0) break;
      i = (i + 1) & this.mask;
    }
    const row = this.size++;
    this.slots[2 * i] = key;
    this.slots[2 * i + 1] = row;
    if (this.size * 2 > this.mask + 1) this.grow();
    return row;
  }

  /** All keys, indexed by row. */
  keysByRow(): Int32Array {
    const out = new Int32Array(this.size);
    for (let i = 0; i <= this.mask; i++) if (this.slots[2 * i] !== 0) out[this.slots[2 * i + 1]!] = this.slots[2 * i]!;
    return out;
  }

  private grow(): void {
    const old = this.slots;
    const cap = 2 * (this.mask + 1);
    this.slots = new Int32Array(2 * cap);
    this.mask = cap - 1;
    for (let i = 0; i < old.length; i += 2) {
      const key = old[i]!;
      if (key === 0) continue;
      let j = key & this.mask;
      while (this.slots[2 * j] !== 0) j = (j + 1) & this.mask;
      this.slots[2 * j] = key;
      this.slots[2 * j + 1] = old[i + 1]!;
    }
  }

  /** A table holding the given keys, row r for keys[r]. */
  static fromKeys(keys: Int32Array): FeatureTable {
    const table = new FeatureTable(keys.length);
    for (let r = 0; r < keys.length; r++) table.intern(keys[r]!);
    return table;
  }
}
