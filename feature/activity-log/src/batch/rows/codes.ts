import { ACTION_CODE_COUNT } from '../../action-type.ts';

/**
 * Action codes are two bits (`ACTION_CODE_COUNT` is 4): a code is valid when no higher bit is
 * set, and a row's action is told apart by its two low bits. The scans count codes 1, 2 and 3
 * from those bits (code 3 has both) and code 0 as the rest.
 */
export const CODE_BITS = 2;

/** Throws unless `count` action codes are exactly what `CODE_BITS` bits tell apart. */
export function checkCodeCount(count: number): void {
  if (count !== 1 << CODE_BITS) {
    throw new Error(`the batch row checks assume ${1 << CODE_BITS} action codes, not ${count}`);
  }
}
// A fifth action type must fail loudly here, not miscount in the row checks.
checkCodeCount(ACTION_CODE_COUNT);

/** Per-row bits of codes that name no action: any of them set means a bad code. */
export const INVALID_CODE_BITS = 0xff & ~((1 << CODE_BITS) - 1);

/**
 * Fills `counts` (one slot per action code) from the totals of rows with bit 0 set, bit 1 set
 * and both set, out of `rows` rows.
 */
export function fillCodeCounts(
  counts: Uint32Array,
  rows: number,
  bit0: number,
  bit1: number,
  both: number,
): void {
  counts[3] = both;
  counts[1] = bit0 - both;
  counts[2] = bit1 - both;
  counts[0] = rows - bit0 - bit1 + both;
}
