/**
 * Which of a 64-bit user id's two 32-bit words comes first in memory. Every platform Node runs
 * on today is little-endian, but the order is read from the machine rather than assumed.
 */
const littleEndian = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Index of the low word within a user id's pair of words. */
export const LOW_WORD = littleEndian ? 0 : 1;
/** Index of the high word within a user id's pair of words. */
export const HIGH_WORD = littleEndian ? 1 : 0;

/** 2^32, the weight of the high word. */
export const WORD = 2 ** 32;

/**
 * A user id from its two words: a `number` when it is a safe integer (the usual case), else a
 * `bigint`, so the same id always comes back in the same form however it was logged.
 */
export function userIdFromWords(low: number, high: number): number | bigint {
  if (high < 0x20_00_00) return high * WORD + low;
  return (BigInt(high) << 32n) | BigInt(low);
}
