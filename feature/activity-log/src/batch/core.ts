import { LogError } from '../log-error.ts';
import { isActionCode, isTimeAccepted } from '../rules.ts';
import {
  committedRows,
  type EventStore,
  expectedSequence,
  findProducer,
  lockAppends,
  MAX_PRODUCERS,
  publishRows,
  recordProducer,
  roomForProducer,
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

/** A sequenced batch's producer and the sequence number of its first row (row `i`: `first + i`). */
export interface BatchSequence {
  readonly producerId: number;
  readonly firstSequence: number;
}

/** A batch as the core takes it: its checked columns, its length, and its sequence if it has one. */
export interface BatchRows {
  readonly columns: BatchColumns;
  readonly count: number;
  readonly sequence: BatchSequence | undefined;
}

/** Where a batch goes: the store and this thread's row checks over its column memory. */
export interface BatchTarget {
  readonly store: EventStore;
  readonly checker: RowChecker;
  /** A window of action codes plus a word, to copy them into the store word-aligned. */
  readonly codeStaging: Uint8Array;
}

/** A log's batch target for `store`: its row checks and code staging, made once per log. */
export function batchTargetFor(store: EventStore, checker: RowChecker): BatchTarget {
  return { store, checker, codeStaging: new Uint8Array(WINDOW_ROWS + 8) };
}

/** What `appendBatchRows` did. */
export interface BatchAppend {
  /** The store rows written, in the order of the batch's accepted rows. */
  readonly range: RowRange;
  /** Leading rows of a sequenced batch already stored before (acknowledged, not stored again). */
  readonly duplicates: number;
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
  { store, codeStaging }: BatchTarget,
  at: number,
): void {
  store.userIds.set(rowsOf(batch.userIds, from, rows), at);
  store.timestamps.set(rowsOf(batch.timestamps, from, rows), at);
  const codes = rowsOf(batch.actionCodes, from, rows);
  // V8 copies into shared memory word by word only when source and target sit at the same
  // offset within a word, else byte by byte; so misaligned codes go through staging first.
  const target = store.actionCodes.byteOffset + at;
  if (((target - codes.byteOffset) & 7) === 0) {
    store.actionCodes.set(codes, at);
    return;
  }
  // The staging buffer starts on a word boundary, as the column memory does.
  const shift = target & 7;
  codeStaging.set(codes, shift);
  store.actionCodes.set(codeStaging.subarray(shift, shift + rows), at);
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

  remove(code: number): void {
    this.bit0 -= code & 1;
    this.bit1 -= (code >>> 1) & 1;
    this.both -= code & (code >>> 1) & 1;
  }
}

/**
 * Lists the window's refused rows (from the scratch list of `compact`) as `row * 4 + verdict` of
 * the batch, and takes their action-code bits out of the window's counts, which `check` took
 * over every row: what remains counts the accepted rows.
 */
function takeRefusals(
  scratch: Int32Array,
  codes: Uint8Array,
  firstRow: number,
  results: { refusals: number[]; totals: CodeTotals },
): void {
  const listed = scratch[SCRATCH_REFUSALS] ?? 0;
  for (let entry = 0; entry < listed; entry++) {
    const refusal = (scratch[SCRATCH_LIST + entry] ?? 0) + firstRow * 4;
    results.refusals.push(refusal);
    results.totals.remove(codes[Math.floor(refusal / 4)] ?? 0);
  }
}

/** Rows `from` to `count` of the batch appended after the committed rows, under the lock. */
interface Appended {
  readonly stored: number;
  /** The first row that was valid but found no room (`count` when there was none). */
  readonly firstUnstored: number;
}

function appendFrom(
  { columns, count }: BatchRows,
  from: number,
  target: BatchTarget,
  latestMs: number,
  results: { refusals: number[]; totals: CodeTotals },
): Appended {
  const { store, checker } = target;
  const start = committedRows(store.header);
  let at = start;
  let next = from;
  while (next < count && at < store.capacity) {
    const rows = Math.min(WINDOW_ROWS, count - next, store.capacity - at);
    copyWindow(columns, next, rows, target, at);
    let accepted = rows;
    const flags = checker.check(at, rows, latestMs);
    results.totals.add(checker.scratch);
    if (flags !== 0) {
      accepted = checker.compact(at, rows, latestMs);
      takeRefusals(checker.scratch, columns.actionCodes, next, results);
    }
    at += accepted;
    next += rows;
  }
  let firstUnstored = count;
  for (let row = next; row < count; row++) {
    const verdict = verdictOfBatchRow(columns, row, latestMs);
    if (verdict === VERDICT_NO_ROOM) firstUnstored = Math.min(firstUnstored, row);
    results.refusals.push(row * 4 + verdict);
  }
  publishRows(store.header, at);
  return { stored: at - start, firstUnstored };
}

/**
 * The rows of a sequenced batch already stored: those before the sequence its producer is
 * expected to send next. A batch starting past that sequence would leave a hole (rows that never
 * arrived), so it is refused whole; so is a new producer when the table is full.
 */
function duplicateRows(store: EventStore, rows: BatchRows): number | LogError {
  const { sequence, count } = rows;
  if (sequence === undefined) return 0;
  const at = findProducer(store, sequence.producerId);
  if (!at.known) {
    if (roomForProducer(store)) return 0;
    return new LogError(
      'CAPACITY_EXCEEDED',
      'batch',
      `the store already tracks ${MAX_PRODUCERS} batch producers; producer ${sequence.producerId} is new`,
    );
  }
  const expected = expectedSequence(store, at.slot);
  if (sequence.firstSequence > expected) {
    return new LogError(
      'SEQUENCE_GAP',
      'batch',
      `producer ${sequence.producerId} sent sequence ${sequence.firstSequence} but ${expected} is the next expected: resend from ${expected}`,
    );
  }
  return Math.min(count, expected - sequence.firstSequence);
}

/** Moves the producer's next expected sequence past the rows this batch consumed. */
function advanceProducer(store: EventStore, sequence: BatchSequence | undefined, consumed: number) {
  if (sequence === undefined) return;
  const at = findProducer(store, sequence.producerId);
  const next = sequence.firstSequence + consumed;
  const expected = at.known ? expectedSequence(store, at.slot) : 0;
  recordProducer(store, at, sequence.producerId, Math.max(next, expected));
}

/**
 * Validates the batch's rows against `latestMs` (now plus the clock skew, read once by the
 * caller) and appends the valid ones after the store's committed rows, in order, then publishes
 * them. Valid rows beyond the store's room are refused, never dropped silently. For a sequenced
 * batch, the rows its producer already sent are acknowledged as duplicates and skipped; refused
 * rows consume their sequence numbers (a corrected event is a new event), rows refused for want
 * of room do not (they can be sent again).
 */
export function appendBatchRows(
  rows: BatchRows,
  target: BatchTarget,
  latestMs: number,
): BatchAppend | LogError {
  const { store } = target;
  const results = { refusals: [] as number[], totals: new CodeTotals() };
  lockAppends(store.header);
  try {
    const start = committedRows(store.header);
    const duplicates = duplicateRows(store, rows);
    if (duplicates instanceof LogError) return duplicates;
    const { stored, firstUnstored } = appendFrom(rows, duplicates, target, latestMs, results);
    advanceProducer(store, rows.sequence, firstUnstored);
    const { bit0, bit1, both } = results.totals;
    const storedByAction = new Uint32Array(4);
    fillCodeCounts(storedByAction, stored, bit0, bit1, both);
    const range = { start, count: stored };
    return { range, duplicates, refusals: results.refusals, storedByAction };
  } finally {
    unlockAppends(store.header);
  }
}
