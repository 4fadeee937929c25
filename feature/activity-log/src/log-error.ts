/**
 * Why an event was refused. Each code is also the value of the `error.type` attribute that
 * telemetry records for the refusal.
 */
export const LogErrorCode = {
  InvalidEvent: 'INVALID_EVENT',
  InvalidUserId: 'INVALID_USER_ID',
  InvalidActionType: 'INVALID_ACTION_TYPE',
  InvalidTimestamp: 'INVALID_TIMESTAMP',
  InvalidDetails: 'INVALID_DETAILS',
  CapacityExceeded: 'CAPACITY_EXCEEDED',
  SequenceGap: 'SEQUENCE_GAP',
} as const;

/** One of the seven refusal codes, such as `'INVALID_USER_ID'`. */
export type LogErrorCode = (typeof LogErrorCode)[keyof typeof LogErrorCode];

/** Where a refused input went wrong: an event field such as `userId`, or a batch column. */
export type LogErrorField =
  'event' | 'userId' | 'actionType' | 'timestamp' | 'details' | 'eventId' | 'batch' | 'store';

/**
 * A refused input: a typed `code`, the `field` that was wrong, and a message saying what was
 * wrong. Returned inside a result, never thrown for bad input to `logEvent` or `logBatch`.
 *
 * @example
 * ```ts
 * const result = log.logEvent({ userId: 0, actionType: 'login', timestamp: new Date() });
 * if (!result.ok && result.error.code === 'INVALID_USER_ID') console.error(result.error.message);
 * ```
 */
export class LogError extends Error {
  override readonly name = 'LogError';
  /** Why the input was refused. */
  readonly code: LogErrorCode;
  /** Which part of the input was wrong. */
  readonly field: LogErrorField;

  /**
   * @param code - why the input was refused
   * @param field - which part of the input was wrong
   * @param message - what was wrong, for a person
   */
  constructor(code: LogErrorCode, field: LogErrorField, message: string) {
    super(`${code} (${field}): ${message}`);
    this.code = code;
    this.field = field;
  }
}
