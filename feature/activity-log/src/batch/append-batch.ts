import { types } from 'node:util';
import { LogError, type LogErrorCode } from '../log-error.ts';
import type { RowRange } from '../store/index.ts';
import { describeValue } from '../validation/index.ts';
import type { ActivityBatch, BatchRefusal } from './batch.ts';
import type { BatchColumns } from './columns.ts';
import { appendBatchRows, type BatchRows, type BatchSequence, type BatchTarget } from './core.ts';

/** What a batch did to the store: the rows written and the rows refused. */
export type BatchOutcome =
  | {
      readonly ok: true;
      readonly size: number;
      readonly range: RowRange;
      readonly duplicates: number;
      readonly refused: readonly BatchRefusal[];
      /** Rows stored per action code (index: the code). */
      readonly storedByAction: Uint32Array;
      /** Rows refused per code, for the refused-events counter. */
      readonly refusedByCode: ReadonlyMap<LogErrorCode, number>;
    }
  | { readonly ok: false; readonly size: number; readonly error: LogError };

type Columns = Partial<Record<keyof ActivityBatch, unknown>>;

const MAX_PRODUCER_ID = 2 ** 32 - 1;

/**
 * Validates `input` as a batch and appends its valid rows to the store at once, publishing them
 * together. `latestMs` is now plus the clock skew, read once for the whole batch.
 */
export function appendBatch(target: BatchTarget, input: unknown, latestMs: number): BatchOutcome {
  const given = readColumns(input);
  if (given instanceof LogError) return { ok: false, size: 0, error: given };
  const rows = batchRows(given);
  if (rows instanceof LogError) return { ok: false, size: longestColumn(given), error: rows };
  const appended = appendBatchRows(rows, target, latestMs);
  const size = rows.count;
  if (appended instanceof LogError) return { ok: false, size, error: appended };
  const { range, duplicates, refusals, storedByAction } = appended;
  const refused = refusals.map(refusalOf);
  const refusedByCode = refused.length === 0 ? NONE_REFUSED : countByCode(refused);
  return { ok: true, size, range, duplicates, refused, storedByAction, refusedByCode };
}

const NONE_REFUSED: ReadonlyMap<LogErrorCode, number> = new Map();

function countByCode(refused: readonly BatchRefusal[]): Map<LogErrorCode, number> {
  const counts = new Map<LogErrorCode, number>();
  for (const { code } of refused) counts.set(code, (counts.get(code) ?? 0) + 1);
  return counts;
}

/** Why a row is refused, by verdict (0: valid, but no room left), in words for the caller. */
const REASONS: readonly { readonly code: LogErrorCode; readonly message: string }[] = [
  { code: 'CAPACITY_EXCEEDED', message: 'the store is full' },
  { code: 'INVALID_USER_ID', message: 'user id is 0; user ids start at 1' },
  {
    code: 'INVALID_ACTION_TYPE',
    message: 'action code is not 0 (login), 1 (logout), 2 (page_view) or 3 (action_taken)',
  },
  {
    code: 'INVALID_TIMESTAMP',
    message:
      'timestamp is NaN, before the earliest Date, or later than now plus the allowed clock skew',
  },
];

/** A refusal entry (`row * 4 + verdict`) for the caller: the row, its code and a message. */
function refusalOf(entry: number): BatchRefusal {
  const verdict = entry % 4;
  const { code, message } = REASONS[verdict] ?? { code: 'INVALID_EVENT', message: 'refused' };
  return { row: (entry - verdict) / 4, code, message };
}

/** The three columns of `input`, read once; `INVALID_EVENT` when it is no object or unreadable. */
function readColumns(input: unknown): Columns | LogError {
  if (typeof input !== 'object' || input === null) {
    return refuse('a batch must be an object with userIds, actionCodes and timestamps');
  }
  try {
    const { userIds, actionCodes, timestamps, producerId, firstSequence } = input as Columns;
    return { userIds, actionCodes, timestamps, producerId, firstSequence };
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(`the batch could not be read: ${reason}`);
  }
}

/** The batch in the core's shape, or `INVALID_EVENT` saying which column or field is wrong. */
function batchRows(given: Columns): BatchRows | LogError {
  const columns = batchColumns(given);
  if (columns instanceof LogError) return columns;
  const count = columns.actionCodes.length;
  const sequence = batchSequence(given, count);
  if (sequence instanceof LogError) return sequence;
  return { columns, count, sequence };
}

const isIntegerIn = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** The batch's producer and first sequence number, both or neither. */
function batchSequence(
  { producerId, firstSequence }: Columns,
  count: number,
): BatchSequence | undefined | LogError {
  if (producerId === undefined && firstSequence === undefined) return undefined;
  if (producerId === undefined || firstSequence === undefined) {
    return refuse('producerId and firstSequence go together: give both or neither');
  }
  if (!isIntegerIn(producerId, 1, MAX_PRODUCER_ID)) {
    return refuse(
      `producerId must be an integer from 1 to 2^32 - 1, got ${describeValue(producerId)}`,
    );
  }
  if (!isIntegerIn(firstSequence, 0, Number.MAX_SAFE_INTEGER)) {
    return refuse(
      `firstSequence must be a safe integer from 0, got ${describeValue(firstSequence)}`,
    );
  }
  if (!Number.isSafeInteger(firstSequence + count)) {
    return refuse(`the sequence numbers of ${count} rows from ${firstSequence} pass 2^53 - 1`);
  }
  return { producerId, firstSequence };
}

/** The batch's columns, or `INVALID_EVENT` saying which column is wrong. */
function batchColumns({ userIds, actionCodes, timestamps }: Columns): BatchColumns | LogError {
  if (!types.isBigUint64Array(userIds)) return refuse('userIds must be a BigUint64Array');
  if (!types.isUint8Array(actionCodes)) return refuse('actionCodes must be a Uint8Array');
  if (!types.isFloat64Array(timestamps)) return refuse('timestamps must be a Float64Array');
  if (userIds.length !== actionCodes.length || timestamps.length !== actionCodes.length) {
    return refuse(
      `columns differ in length: userIds ${userIds.length}, actionCodes ${actionCodes.length}, timestamps ${timestamps.length}`,
    );
  }
  return { userIds, actionCodes, timestamps };
}

/** Rows a malformed batch held, for the refused-events count: its longest typed-array column. */
function longestColumn(columns: Columns): number {
  const { userIds, actionCodes, timestamps } = columns;
  const lengths = [userIds, actionCodes, timestamps].map((column) =>
    types.isTypedArray(column) ? column.length : 0,
  );
  return Math.max(0, ...lengths);
}

function refuse(message: string): LogError {
  return new LogError('INVALID_EVENT', 'batch', message);
}
