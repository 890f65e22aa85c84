/**
 * Lookup of node and edge keys in the query index without building a map at start: an open-addressing
 * hash table of row numbers, made by the build and stored as a column, probed by the key's FNV-1a hash.
 */

/** FNV-1a over the key's UTF-16 code units. */
function keyHash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The table of distinct `keys`: slots hold row + 1 (0 is empty); its size is a power of two at least twice their count. */
export function keyTable(keys: readonly string[]): Int32Array {
  let size = 1;
  while (size < 2 * keys.length) size <<= 1;
  const slots = new Int32Array(size);
  const mask = size - 1;
  keys.forEach((key, row) => {
    let s = keyHash(key) & mask;
    while (slots[s] !== 0) s = (s + 1) & mask;
    slots[s] = row + 1;
  });
  return slots;
}

/** The row of `key` in a table made by keyTable, given the key of each row; -1 when it has none. */
export function lookupKey(slots: Int32Array, key: string, keyOf: (row: number) => string): number {
  const mask = slots.length - 1;
  for (let s = keyHash(key) & mask; slots[s] !== 0; s = (s + 1) & mask) {
    const row = slots[s]! - 1;
    if (keyOf(row) === key) return row;
  }
  return -1;
}
