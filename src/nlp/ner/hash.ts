// 32-bit hashing without allocation: strings are hashed by char code, features are (template, value) pairs mixed
// into one uint32 key. Collisions between distinct features are rare (about n^2 / 2^33) and only add noise.

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

export function hashString(s: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), FNV_PRIME);
  return h >>> 0;
}

/** FNV step for one more code unit, so prefix hashes come out of one pass. */
export function hashStep(h: number, code: number): number {
  return Math.imul(h ^ code, FNV_PRIME) >>> 0;
}

export const HASH_START = FNV_OFFSET;

/** Mixes a template id with one or two value hashes (murmur3 finaliser); never returns 0 (0 marks empty slots). */
export function mix(template: number, a: number, b = 0): number {
  let h = Math.imul(template + 0x9e3779b9, 0x85ebca6b) ^ a;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) ^ b;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0 || 1;
}
