import { isActionCode, isTimeAccepted } from '../rules.ts';
import {
  committedRows,
  type EventStore,
  lockAppends,
  publishRows,
  type RowRange,
  unlockAppends,
  WINDOW_ROWS,
} from '../store/index.ts';
import { type BatchColumns, rowsOf } from './columns.ts';
import {
  fillCodeCounts,
  type RowChecker,
  SCRATCH_LIST,
  SCRATCH_REFUSALS,
  VERDICT_ACTION,
  VERDICT_TIMESTAMP,
  VERDICT_USER_ID,
} from './rows/index.ts';

export type { BatchColumns } from './columns.ts';

/**
 * The hot path: validate a columnar batch and append its valid rows to the store. Under the
 * store's append lock, each window of rows is copied once, straight from the batch into the
 * columns after the committed rows, and checked there in place (WebAssembly SIMD, see `rows/`);
 * a window with refused rows is compacted there, so the accepted rows stay in batch order with
 * no gap. No span, clock read, allocation or map look-up per row.
 */

/**
 * In the refusal list, verdict 0 (never a refusal of the rules, which are 1 to 3) means the row
 * was valid but the store had no room left.
 */
export const VERDICT_NO_ROOM = 0;

/** What `appendBatchRows` did. */
export interface BatchAppend {
  /** The store rows written, in the order of the batch's accepted rows. */
  readonly range: RowRange;
  /** The refused rows in batch order, each `row * 4 + verdict`; empty when none was. */
  readonly refusals: readonly number[];
  /** Rows written per action code (index: the code), for the events counter. */
  readonly storedByAction: Uint32Array;
}

/** The rule a row breaks first (user id, action, timestamp), or no room; for rows never copied. */
function verdictOfBatchRow(batch: BatchColumns, row: number, latestMs: number): number {
  if (batch.userIds[row] === 0n) return VERDICT_USER_ID;
  if (!isActionCode(batch.actionCodes[row] ?? 0xff)) return VERDICT_ACTION;
  if (!isTimeAccepted(batch.timestamps[row] ?? Number.NaN, latestMs)) return VERDICT_TIMESTAMP;
  return VERDICT_NO_ROOM;
}

function copyWindow(
  batch: BatchColumns,
  from: number,
  rows: number,
  store: EventStore,
  at: number,
): void {
  store.userIds.set(rowsOf(batch.userIds, from, rows), at);
  store.actionCodes.set(rowsOf(batch.actionCodes, from, rows), at);
  store.timestamps.set(rowsOf(batch.timestamps, from, rows), at);
}

/** Code-bit totals over the windows: rows with bit 0, with bit 1, with both. */
class CodeTotals {
  bit0 = 0;
  bit1 = 0;
  both = 0;

  add(scratch: Int32Array): void {
    this.bit0 += scratch[0] ?? 0;
    this.bit1 += scratch[1] ?? 0;
    this.both += scratch[2] ?? 0;
  }
}

function listRefusals(scratch: Int32Array, firstRow: number, refusals: number[]): void {
  const listed = scratch[SCRATCH_REFUSALS] ?? 0;
  for (let entry = 0; entry < listed; entry++) {
    refusals.push((scratch[SCRATCH_LIST + entry] ?? 0) + firstRow * 4);
  }
}

/**
 * Validates the `count` rows of `batch` against `latestMs` (now plus the clock skew, read once
 * by the caller) and appends the valid ones after the store's committed rows, in order, then
 * publishes them. Valid rows beyond the store's room are refused, never dropped silently.
 */
export function appendBatchRows(
  batch: BatchColumns,
  count: number,
  store: EventStore,
  checker: RowChecker,
  latestMs: number,
): BatchAppend {
  const refusals: number[] = [];
  const totals = new CodeTotals();
  lockAppends(store.header);
  try {
    const start = committedRows(store.header);
    let at = start;
    let next = 0;
    while (next < count && at < store.capacity) {
      const rows = Math.min(WINDOW_ROWS, count - next, store.capacity - at);
      copyWindow(batch, next, rows, store, at);
      let accepted = rows;
      if (checker.check(at, rows, latestMs) !== 0) {
        accepted = checker.compact(at, rows, latestMs);
        listRefusals(checker.scratch, next, refusals);
      }
      totals.add(checker.scratch);
      at += accepted;
      next += rows;
    }
    for (let row = next; row < count; row++) {
      refusals.push(row * 4 + verdictOfBatchRow(batch, row, latestMs));
    }
    publishRows(store.header, at);
    const storedByAction = new Uint32Array(4);
    fillCodeCounts(storedByAction, at - start, totals.bit0, totals.bit1, totals.both);
    return { range: { start, count: at - start }, refusals, storedByAction };
  } finally {
    unlockAppends(store.header);
  }
}
