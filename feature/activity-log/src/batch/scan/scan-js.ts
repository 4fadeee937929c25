import { EARLIEST_TIME_MS } from '../../rules.ts';
import type { BatchColumns } from '../columns.ts';
import { fillCodeCounts, INVALID_CODE_BITS } from './codes.ts';

const BYTE_ONES = 0x01_01_01_01;
/** Four codes per 32-bit word; each byte lane of a counter takes at most 255 additions. */
const WORDS_PER_BLOCK = 255;

const sumOfBytes = (lanes: number): number =>
  (lanes & 0xff) + ((lanes >>> 8) & 0xff) + ((lanes >>> 16) & 0xff) + (lanes >>> 24);

/**
 * Whether no user id is 0 and every timestamp is accepted. A user id is read as one float64
 * whose bits are the id's 64 bits: only id 0 (bits all zero) and id 2^63 (the bits of −0)
 * compare equal to 0, so id 2^63 sends the batch to the exact per-row check, never through.
 */
function idsAndTimesValid(batch: BatchColumns, count: number, latestMs: number): boolean {
  const { userWords, timestamps } = batch;
  if (userWords.byteOffset % 8 !== 0) return false;
  const idBits = new Float64Array(userWords.buffer, userWords.byteOffset, count);
  let zeroIds = 0;
  let badTimes = 0;
  for (let row = 0; row < count; row++) {
    const time = timestamps[row] ?? Number.NaN;
    zeroIds |= idBits[row] === 0 ? 1 : 0;
    badTimes |= time >= EARLIEST_TIME_MS && time <= latestMs ? 0 : 1;
  }
  return (zeroIds | badTimes) === 0;
}

/**
 * Whether every action code is valid, counting rows per code into `counts`. Four codes at a
 * time through a 32-bit view (SWAR: each byte lane accumulates its bit), the tail one by one.
 */
function codesValid(codes: Uint8Array, count: number, counts: Uint32Array): boolean {
  const words = codes.byteOffset % 4 === 0 ? count >>> 2 : 0;
  const packed = new Uint32Array(codes.buffer, codes.byteOffset, words);
  let seen = 0;
  let bit0 = 0;
  let bit1 = 0;
  let both = 0;
  for (let block = 0; block < words; block += WORDS_PER_BLOCK) {
    const end = Math.min(words, block + WORDS_PER_BLOCK);
    let lanes0 = 0;
    let lanes1 = 0;
    let lanesBoth = 0;
    for (let word = block; word < end; word++) {
      const four = packed[word] ?? 0;
      const low = four & BYTE_ONES;
      const high = (four >>> 1) & BYTE_ONES;
      seen |= four;
      lanes0 = (lanes0 + low) | 0;
      lanes1 = (lanes1 + high) | 0;
      lanesBoth = (lanesBoth + (low & high)) | 0;
    }
    bit0 += sumOfBytes(lanes0);
    bit1 += sumOfBytes(lanes1);
    both += sumOfBytes(lanesBoth);
  }
  for (let row = words * 4; row < count; row++) {
    const code = codes[row] ?? 0xff;
    seen |= code;
    bit0 += code & 1;
    bit1 += (code >>> 1) & 1;
    both += code & (code >>> 1) & 1;
  }
  if ((seen & (INVALID_CODE_BITS * BYTE_ONES)) !== 0) return false;
  fillCodeCounts(counts, count, bit0, bit1, both);
  return true;
}

/**
 * The batch scan in plain JavaScript (used where WebAssembly SIMD is not available): whether
 * every one of the first `count` rows is valid, with the rows per action code in `counts`
 * (meaningful only when it returns true). No early exit, no allocation per row.
 */
export function scanRowsJs(
  batch: BatchColumns,
  count: number,
  latestMs: number,
  counts: Uint32Array,
): boolean {
  return idsAndTimesValid(batch, count, latestMs) && codesValid(batch.actionCodes, count, counts);
}
