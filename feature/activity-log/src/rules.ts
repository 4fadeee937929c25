import { ACTION_CODE_COUNT } from './action-type.ts';

/**
 * The validation rules both APIs share: `logEvent` and the batch core call these same
 * predicates, so a row and an event are accepted or refused for the same reasons.
 */

/** The earliest time a JavaScript `Date` can hold, in epoch milliseconds. */
export const EARLIEST_TIME_MS = -8.64e15;

/** The largest user id: user ids are unsigned 64-bit integers. */
export const MAX_USER_ID = 2n ** 64n - 1n;

/**
 * Whether an epoch-millisecond time is a valid date no later than `latestMs` (now plus the
 * allowed clock skew). NaN fails both comparisons, so it needs no separate test.
 */
export function isTimeAccepted(timeMs: number, latestMs: number): boolean {
  return timeMs >= EARLIEST_TIME_MS && timeMs <= latestMs;
}

/** Whether the two 32-bit words of a user id make a valid id, that is, not zero. */
export function isUserIdWords(low: number, high: number): boolean {
  return (low | high) !== 0;
}

/** Whether a batch action code names one of the action types. */
export function isActionCode(code: number): boolean {
  return code < ACTION_CODE_COUNT;
}
