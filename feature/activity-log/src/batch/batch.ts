import type { LogError, LogErrorCode } from '../log-error.ts';

/**
 * A columnar batch of events for `logBatch`: row `i` is the event of `userIds[i]`,
 * `actionCodes[i]` and `timestamps[i]`. All three columns have the same length.
 *
 * - `userIds`: user ids from 1 to 2^64 - 1 (0 is refused).
 * - `actionCodes`: `0` login, `1` logout, `2` page_view, `3` action_taken (`ACTION_TYPE_BY_CODE`).
 * - `timestamps`: epoch milliseconds, no later than now plus the clock skew.
 *
 * Batch rows carry no details and no event id. A batch is idempotent when it is sequenced: with
 * `producerId` (1 to 2^32 - 1, one per sending client) and `firstSequence` (the sequence number
 * of row 0; row `i` is `firstSequence + i`), rows the store already has from that producer are
 * acknowledged as duplicates and not stored again, so a retried batch stores each event once.
 */
export interface ActivityBatch {
  readonly userIds: BigUint64Array;
  readonly actionCodes: Uint8Array;
  readonly timestamps: Float64Array;
  /** The sending client, for idempotent batches (with `firstSequence`). */
  readonly producerId?: number;
  /** The sequence number of row 0, a safe integer from 0 (with `producerId`). */
  readonly firstSequence?: number;
}

/** One refused batch row: its index in the batch, why, and a message for a person. */
export interface BatchRefusal {
  readonly row: number;
  readonly code: LogErrorCode;
  readonly message: string;
}

/**
 * The result of `logBatch`: how many rows were stored, how many were duplicates, and which were
 * refused (refused rows change nothing), or a whole-batch refusal when the columns themselves are
 * malformed or a sequenced batch would leave a gap.
 */
export type BatchResult =
  | {
      readonly ok: true;
      /** Rows stored by this call. */
      readonly accepted: number;
      /** Leading rows of a sequenced batch the store already had: acknowledged, not stored again. */
      readonly duplicates: number;
      readonly refused: readonly BatchRefusal[];
    }
  | { readonly ok: false; readonly error: LogError };
