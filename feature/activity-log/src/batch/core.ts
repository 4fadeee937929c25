import { isActionCode, isTimeAccepted, isUserIdWords } from '../rules.ts';
import type { RowRange } from '../store/index.ts';
import { rowsOf, type BatchColumns, type StoreColumns } from './columns.ts';
import { scanRows } from './scan/index.ts';

export type { BatchColumns, StoreColumns } from './columns.ts';

/**
 * The hot path: validate a columnar batch and append its valid rows to the store's columns.
 * Pure functions over typed arrays, with no span, no clock read, no allocation and no map
 * look-up per row, so they can be measured and tuned on their own. Rows are described by the
 * same predicates as single events (`rules.ts`).
 */

/** Per-row verdict: accepted. */
export const ROW_ACCEPTED = 0;
/** Per-row verdict: the user id is 0. */
export const ROW_BAD_USER_ID = 1;
/** Per-row verdict: the action code is not 0 to 3. */
export const ROW_BAD_ACTION = 2;
/** Per-row verdict: the timestamp is NaN, before any `Date`, or in the future beyond the skew. */
export const ROW_BAD_TIMESTAMP = 3;
/** Per-row verdict: the row was valid but the store had no room left. */
export const ROW_NO_ROOM = 4;

/** What `appendBatchRows` did. */
export interface BatchAppend {
  /** The store rows written, in the order of the batch's valid rows. */
  readonly range: RowRange;
  /** The verdict per batch row, or undefined when every row was accepted. */
  readonly verdicts: Uint8Array | undefined;
  /** Rows written per action code (index: the code), for the events counter. */
  readonly storedByAction: Uint32Array;
}

/**
 * Validates the first `count` rows of `batch` against `latestMs` (now plus the clock skew, read
 * once by the caller), asks `reserve` for as many store rows as there are valid rows, and
 * copies the valid rows there in order. A fully valid batch is recognised by one scan (SIMD
 * where available, see `scan/`) that also counts rows per action code, and is copied with bulk
 * `TypedArray.set`; otherwise each row gets a verdict and valid rows are compacted. Valid rows
 * beyond the reserved room are refused, never dropped silently.
 */
export function appendBatchRows(
  batch: BatchColumns,
  count: number,
  store: StoreColumns,
  latestMs: number,
  reserve: (rows: number) => RowRange,
): BatchAppend {
  const storedByAction = new Uint32Array(ACTION_SLOTS);
  if (scanRows(batch, count, latestMs, storedByAction)) {
    const range = reserve(count);
    copyRows(batch, 0, range.count, store, range.start);
    if (range.count === count) return { range, verdicts: undefined, storedByAction };
    const verdicts = new Uint8Array(count);
    verdicts.fill(ROW_NO_ROOM, range.count);
    return { range, verdicts, storedByAction: countStoredActions(store, range) };
  }
  const verdicts = new Uint8Array(count);
  const valid = judgeRows(batch, count, latestMs, verdicts);
  const range = reserve(valid);
  compactRows(batch, count, verdicts, store, range);
  return { range, verdicts, storedByAction: countStoredActions(store, range) };
}

/** One counter slot per action code (codes are two bits, see `scan/codes.ts`). */
const ACTION_SLOTS = 4;

/** Rows per action code among the store rows of `range` (the path for refused or cut batches). */
export function countStoredActions(store: StoreColumns, range: RowRange): Uint32Array {
  const counts = new Uint32Array(ACTION_SLOTS);
  const end = range.start + range.count;
  for (let row = range.start; row < end; row++) {
    const code = store.actionCodes[row] ?? 0;
    counts[code] = (counts[code] ?? 0) + 1;
  }
  return counts;
}

/**
 * Writes each row's verdict into `verdicts` (the first failing rule in the order user id,
 * action, timestamp, as for single events) and returns the number of valid rows.
 */
export function judgeRows(
  batch: BatchColumns,
  count: number,
  latestMs: number,
  verdicts: Uint8Array,
): number {
  const { userWords, actionCodes, timestamps } = batch;
  let valid = 0;
  for (let row = 0; row < count; row++) {
    const verdict = !isUserIdWords(userWords[2 * row] ?? 0, userWords[2 * row + 1] ?? 0)
      ? ROW_BAD_USER_ID
      : !isActionCode(actionCodes[row] ?? 255)
        ? ROW_BAD_ACTION
        : !isTimeAccepted(timestamps[row] ?? Number.NaN, latestMs)
          ? ROW_BAD_TIMESTAMP
          : ROW_ACCEPTED;
    verdicts[row] = verdict;
    if (verdict === ROW_ACCEPTED) valid++;
  }
  return valid;
}

/** Copies `rows` consecutive batch rows from `from` to store row `at`, column by column. */
export function copyRows(
  batch: BatchColumns,
  from: number,
  rows: number,
  store: StoreColumns,
  at: number,
): void {
  if (rows === 0) return;
  store.userWords.set(rowsOf(batch.userWords, from, rows, 2), 2 * at);
  store.actionCodes.set(rowsOf(batch.actionCodes, from, rows, 1), at);
  store.timestamps.set(rowsOf(batch.timestamps, from, rows, 1), at);
}

/**
 * Copies the accepted rows, in order, into `range`; accepted rows that do not fit are marked
 * `ROW_NO_ROOM`. Consecutive accepted rows are copied as one run.
 */
export function compactRows(
  batch: BatchColumns,
  count: number,
  verdicts: Uint8Array,
  store: StoreColumns,
  range: RowRange,
): void {
  let written = 0;
  let row = 0;
  while (row < count) {
    if (verdicts[row] !== ROW_ACCEPTED) {
      row++;
      continue;
    }
    let end = row;
    while (end < count && verdicts[end] === ROW_ACCEPTED) end++;
    const fits = Math.min(end - row, range.count - written);
    copyRows(batch, row, fits, store, range.start + written);
    written += fits;
    verdicts.fill(ROW_NO_ROOM, row + fits, end);
    row = end;
  }
}
