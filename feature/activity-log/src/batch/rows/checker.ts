/**
 * The row checks of the batch hot path, run in place over rows already copied into the store's
 * columns: `check` says whether every row of a window passes, counts the action codes of all its
 * rows and lists the blocks of `BLOCK_ROWS` rows holding a refused row; `compact`, after `check` of the
 * same window, moves the accepted rows down in order and lists the refused ones. Both write
 * their results into `scratch` (32-bit words):
 *
 * - `[0]`, `[1]`, `[2]`: rows with action-code bit 0 set, bit 1 set, and both, over every row of
 *   the window (`fillCodeCounts` turns them into rows per code);
 * - `[3]`: blocks with a refused row, their first rows from `[4]` (used by `compact`);
 * - `[SCRATCH_REFUSALS]`: refused rows listed by `compact`, then one entry each from
 *   `[SCRATCH_LIST]`: `(row << 2) | verdict`.
 *
 * Rows in the lists are relative to the window's first.
 */
export interface RowChecker {
  /** 0 when rows `from` to `from + rows` all pass, else non-zero; see above. */
  readonly check: (from: number, rows: number, latestMs: number) => number;
  /** The accepted rows of the window checked last, moved to start at `from`; see above. */
  readonly compact: (from: number, rows: number, latestMs: number) => number;
  readonly scratch: Int32Array;
  /** `'wasm-simd'` or `'javascript'`: which implementation runs. */
  readonly engine: 'wasm-simd' | 'javascript';
}

/** Verdicts in the refusal list, in the order the rules are applied. */
export const VERDICT_USER_ID = 1;
export const VERDICT_ACTION = 2;
export const VERDICT_TIMESTAMP = 3;

/** Rows per block of the block list (see rows.wat). */
export const BLOCK_ROWS = 16;

/** Where the block list and the refusal list sit in `scratch` (see rows.wat). */
export const SCRATCH_BLOCKS = 3;
export const SCRATCH_BLOCK_LIST = 4;
export const SCRATCH_REFUSALS = 261;
export const SCRATCH_LIST = 262;
