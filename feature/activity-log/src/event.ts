import type { ActionType } from './action-type.ts';

/**
 * One user activity event, as given to `logEvent` and as returned by `getEventsForUser`.
 *
 * - `userId`: an integer from 1 to 2^64 - 1. A `number` must be a safe integer; larger ids are
 *   given as `bigint`. Read back, ids up to 2^53 - 1 are numbers and larger ones bigints.
 * - `timestamp`: when it happened; not later than now plus the configured clock skew.
 * - `details`: optional string-to-string entries, within the configured limits. Read back as a
 *   null-prototype record in the order given.
 * - `eventId`: optional idempotency key; an event whose id was already accepted is acknowledged
 *   as a duplicate and not stored again.
 */
export interface ActivityEvent {
  readonly userId: number | bigint;
  readonly actionType: ActionType;
  readonly timestamp: Date;
  readonly details?: Readonly<Record<string, string>> | ReadonlyMap<string, string>;
  readonly eventId?: string;
}
