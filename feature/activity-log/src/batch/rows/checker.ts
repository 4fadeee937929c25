/**
 * The row checks of the batch hot path, run in place over rows already copied into the store's
 * columns: `check` says whether every row of a window passes (and counts its action codes),
 * `compact` judges each row, moves the accepted ones down in order and lists the refused ones.
 * Both write their results into `scratch`:
 *
 * - `scratch[0]`, `[1]`, `[2]`: rows with action-code bit 0 set, bit 1 set, and both
 *   (`fillCodeCounts` turns them into rows per code);
 * - `scratch[3]`: refused rows listed (by `compact`), then one entry each from `scratch[4]`:
 *   `(row << 2) | verdict`, the row relative to the window's first.
 */
export interface RowChecker {
  /** 0 when rows `from` to `from + rows` all pass, else non-zero; counts into `scratch`. */
  readonly check: (from: number, rows: number, latestMs: number) => number;
  /** Accepted rows of the window, moved to start at `from`; refusals listed in `scratch`. */
  readonly compact: (from: number, rows: number, latestMs: number) => number;
  readonly scratch: Int32Array;
  /** `'wasm-simd'` or `'javascript'`: which implementation runs. */
  readonly engine: 'wasm-simd' | 'javascript';
}

/** Verdicts in the refusal list, in the order the rules are applied. */
export const VERDICT_USER_ID = 1;
export const VERDICT_ACTION = 2;
export const VERDICT_TIMESTAMP = 3;

/** Where the counts and the refusal list sit in `scratch`. */
export const SCRATCH_REFUSALS = 3;
export const SCRATCH_LIST = 4;
