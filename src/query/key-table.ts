/**
 * Lookup of node and edge keys in the query index without building a map at start: an open-addressing
 * hash table of row numbers, made by the build and stored as a column, probed by the key's hash.
 */
import { hashString } from "../hash.js";

/** The table of distinct `keys`: slots hold row + 1 (0 is empty); its size is a power of two at least twice their count. */
export function keyTable(keys: readonly string[]): Int32Array {
  let size = 1;
  while (size < 2 * keys.length) size <<= 1;
  const slots = new Int32Array(size);
  const mask = size - 1;
  keys.forEach((key, row) => {
    let s = hashString(key) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = row + 1;
  });
  return slots;
}

/** The row of `key` in a table made by keyTable, given the key of each row; -1 when it has none. */
export function lookupKey(slots: Int32Array, key: string, keyOf: (row: number) => string): number {
  const mask = slots.length - 1;
  for (let s = hashString(key) & mask; slots[s] !== 0; s = (s + 1) & mask) {
    const row = slots[s]! - 1;
    if (keyOf(row) === key) return row;
  }
  return -1;
}
