import type { ActivityLogLimits } from '../limits.ts';
import { LogError } from '../log-error.ts';
import type { EncodedEvent } from '../store/index.ts';
import { checkActionType } from './action-type.ts';
import { checkDetails } from './details.ts';
import { checkEventId } from './event-id.ts';
import type { EventFields } from './read-event.ts';
import { checkTimestamp } from './timestamp.ts';
import { checkUserId } from './user-id.ts';

/**
 * Checks every field of an event, in the order user id, action type, timestamp, details, event
 * id, and returns the first refusal, or the event encoded for the store.
 */
export function validateEvent(
  fields: EventFields,
  limits: ActivityLogLimits,
  latestMs: number,
): EncodedEvent | LogError {
  const userId = checkUserId(fields.userId);
  if (userId instanceof LogError) return userId;
  const actionCode = checkActionType(fields.actionType);
  if (actionCode instanceof LogError) return actionCode;
  const timeMs = checkTimestamp(fields.timestamp, latestMs, limits.clockSkewMs);
  if (timeMs instanceof LogError) return timeMs;
  const details = checkDetails(fields.details, limits);
  if (details instanceof LogError) return details;
  const eventId = checkEventId(fields.eventId, limits);
  if (eventId instanceof LogError) return eventId;
  return { userIdLow: userId.low, userIdHigh: userId.high, actionCode, timeMs, eventId, details };
}
