import { types } from 'node:util';
import { LogError } from '../log-error.ts';
import { isTimeAccepted } from '../rules.ts';
import { describeValue } from './describe.ts';

/**
 * The epoch milliseconds of a valid timestamp, or `INVALID_TIMESTAMP`. Valid: a real `Date`
 * (from any realm) holding a time, no later than `latestMs`, which is now plus the clock skew.
 */
export function checkTimestamp(
  value: unknown,
  latestMs: number,
  skewMs: number,
): number | LogError {
  if (!types.isDate(value)) {
    return refuse(`timestamp must be a Date, got ${describeValue(value)}`);
  }
  // The intrinsic getter, not the object's own: a subclass cannot override what is stored.
  const timeMs = Date.prototype.getTime.call(value);
  if (Number.isNaN(timeMs)) return refuse('timestamp is an invalid Date');
  if (isTimeAccepted(timeMs, latestMs)) return timeMs;
  return refuse(
    `timestamp ${isoTime(timeMs)} is later than now (${isoTime(latestMs - skewMs)}) plus the allowed clock skew of ${skewMs} ms`,
  );
}

/** An ISO-8601 string, or the raw number when it is no valid time (a broken injected clock). */
function isoTime(ms: number): string {
  return Number.isFinite(ms) && Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : String(ms);
}

function refuse(message: string): LogError {
  return new LogError('INVALID_TIMESTAMP', 'timestamp', message);
}
