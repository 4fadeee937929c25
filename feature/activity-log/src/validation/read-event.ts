import { LogError } from '../log-error.ts';
import { describeValue } from './describe.ts';

/** The fields of a submitted event, read exactly once, before anything is checked. */
export interface EventFields {
  readonly userId: unknown;
  readonly actionType: unknown;
  readonly timestamp: unknown;
  readonly details: unknown;
  readonly eventId: unknown;
}

/**
 * Reads the fields of `input` once, so validation and telemetry see the same values even when a
 * field is a getter. Refuses with `INVALID_EVENT` when `input` is not an object, when reading it
 * throws (a throwing getter or a revoked proxy), or when a required field is missing.
 */
export function readEventFields(input: unknown): EventFields | LogError {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return new LogError(
      'INVALID_EVENT',
      'event',
      `an event must be an object, got ${describeValue(input)}`,
    );
  }
  let fields: EventFields;
  try {
    const event = input as Partial<Record<keyof EventFields, unknown>>;
    fields = {
      userId: event.userId,
      actionType: event.actionType,
      timestamp: event.timestamp,
      details: event.details,
      eventId: event.eventId,
    };
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    return new LogError('INVALID_EVENT', 'event', `the event could not be read: ${reason}`);
  }
  for (const name of ['userId', 'actionType', 'timestamp'] as const) {
    if (fields[name] === undefined) {
      return new LogError('INVALID_EVENT', name, `the required field ${name} is missing`);
    }
  }
  return fields;
}
