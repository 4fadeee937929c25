/**
 * The rules an event must meet beyond its types. They travel with a shared store, so every
 * worker attached to it refuses and accepts exactly the same events.
 */
export interface ActivityLogLimits {
  /** Most entries in one event's `details`. Default 32. */
  readonly maxDetailEntries: number;
  /** Most UTF-8 bytes of all `details` keys and values of one event together. Default 4096. */
  readonly maxDetailBytes: number;
  /** Most UTF-8 bytes of one `eventId`. Default 128. */
  readonly maxEventIdBytes: number;
  /** How far in the future, in milliseconds, a timestamp may lie (clock skew). Default 0. */
  readonly clockSkewMs: number;
}

/** The default limits, as documented in the feature's README. */
export const DEFAULT_LIMITS: ActivityLogLimits = Object.freeze({
  maxDetailEntries: 32,
  maxDetailBytes: 4096,
  maxEventIdBytes: 128,
  clockSkewMs: 0,
});

/**
 * The limits in `options` with defaults filled in. Throws a `RangeError` naming the option when a
 * limit is not a non-negative safe integer: a misconfigured log is a programming error.
 */
export function resolveLimits(options: Partial<ActivityLogLimits>): ActivityLogLimits {
  return Object.freeze({
    maxDetailEntries: countOption(options, 'maxDetailEntries'),
    maxDetailBytes: countOption(options, 'maxDetailBytes'),
    maxEventIdBytes: countOption(options, 'maxEventIdBytes'),
    clockSkewMs: countOption(options, 'clockSkewMs'),
  });
}

function countOption(options: Partial<ActivityLogLimits>, name: keyof ActivityLogLimits): number {
  const value = options[name] ?? DEFAULT_LIMITS[name];
  return checkedSize(value, name, 0, Number.MAX_SAFE_INTEGER);
}

/**
 * `value` when it is an integer in `[min, max]`, else a `RangeError` naming the option.
 */
export function checkedSize(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(
      `ActivityLog option ${name} must be an integer from ${min} to ${max}, got ${String(value)}`,
    );
  }
  return value;
}
