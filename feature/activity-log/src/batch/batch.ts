import type { LogError, LogErrorCode } from '../log-error.ts';

/**
 * A columnar batch of events for `logBatch`: row `i` is the event of `userIds[i]`,
 * `actionCodes[i]` and `timestamps[i]`. All three columns have the same length.
 *
 * - `userIds`: user ids from 1 to 2^64 - 1 (0 is refused).
 * - `actionCodes`: `0` login, `1` logout, `2` page_view, `3` action_taken (`ACTION_TYPE_BY_CODE`).
 * - `timestamps`: epoch milliseconds, no later than now plus the clock skew.
 *
 * Batch rows carry no details and no event id, so they are never deduplicated.
 */
export interface ActivityBatch {
  readonly userIds: BigUint64Array;
  readonly actionCodes: Uint8Array;
  readonly timestamps: Float64Array;
}

/** One refused batch row: its index in the batch, why, and a message for a person. */
export interface BatchRefusal {
  readonly row: number;
  readonly code: LogErrorCode;
  readonly message: string;
}

/**
 * The result of `logBatch`: how many rows were stored and which were refused (refused rows
 * change nothing), or a whole-batch refusal when the columns themselves are malformed.
 */
export type BatchResult =
  | { readonly ok: true; readonly accepted: number; readonly refused: readonly BatchRefusal[] }
  | { readonly ok: false; readonly error: LogError };
