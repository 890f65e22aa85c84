/**
 * 32-bit hashing for feature ids. A feature is a template number combined with one or two value hashes;
 * strings are hashed once per distinct word (FNV-1a followed by the murmur3 finalizer), so building a
 * feature in the hot path is a few integer multiplications and no string concatenation.
 */

/** murmur3's 32-bit finalizer: spreads every input bit over the whole word. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

/** Hash of a string's UTF-16 code units. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix32(h);
}

/** A feature key from a template number and one value hash; never 0 (0 marks an empty table slot). */
export function featureKey(template: number, value: number): number {
  const h = fmix32(Math.imul(template + 1, 0x9e3779b1) ^ value);
  return h === 0 ? 1 : h;
}

/** A feature key from a template number and two value hashes (order matters). */
export function featureKey2(template: number, a: number, b: number): number {
  const h = fmix32(Math.imul(template + 1, 0x9e3779b1) ^ fmix32(a ^ Math.imul(b, 0x27d4eb2f)));
  return h === 0 ? 1 : h;
}
