import type { ActivityLogLimits } from '../limits.ts';
import { LogError } from '../log-error.ts';
import { describeValue } from './describe.ts';
import { utf8 } from './text.ts';

/**
 * The UTF-8 bytes of an event id, undefined when the event has none, or `INVALID_EVENT` when
 * the id is not a non-empty, well-formed string within `maxEventIdBytes`.
 */
export function checkEventId(
  value: unknown,
  limits: ActivityLogLimits,
): Uint8Array | undefined | LogError {
  if (value === undefined) return undefined;
  if (typeof value !== 'string') {
    return refuse(`eventId must be a string, got ${describeValue(value)}`);
  }
  if (value.length === 0) return refuse('eventId is empty');
  const bytes = utf8(value);
  if (bytes === undefined) return refuse('eventId holds a lone UTF-16 surrogate');
  if (bytes.length > limits.maxEventIdBytes) {
    return refuse(
      `eventId is ${bytes.length} bytes of UTF-8; at most ${limits.maxEventIdBytes} allowed`,
    );
  }
  return bytes;
}

function refuse(message: string): LogError {
  return new LogError('INVALID_EVENT', 'eventId', message);
}
