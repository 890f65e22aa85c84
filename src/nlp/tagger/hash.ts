/**
 * 32-bit hashing for feature ids. A feature is a template number combined with one or two value hashes;
 * strings are hashed once per distinct word (FNV-1a followed by the murmur3 finalizer), so building a
 * feature in the hot path is a few integer multiplications and no string concatenation.
 */

import { fmix32 } from "../../hash.js";

export { fmix32, hashString } from "../../hash.js";

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
