import { types } from 'node:util';
import { type Attributes, type Span, SpanStatusCode } from '@opentelemetry/api';
import { actionCodeOf } from '../action-type.ts';
import type { BatchOutcome } from '../batch/index.ts';
import { LogError } from '../log-error.ts';
import type { EventStore } from '../store/index.ts';
import { checkUserId, type EventFields } from '../validation/index.ts';
import { ACTION_ATTRIBUTES, ERROR_ATTRIBUTES, type Instruments } from './instruments.ts';
import {
  ATTR_ACTION_TYPE,
  ATTR_BATCH_DUPLICATES,
  ATTR_BATCH_REFUSED,
  ATTR_BATCH_SIZE,
  ATTR_ERROR_TYPE,
  ATTR_EVENT_DUPLICATE,
  ATTR_EVENT_TIMESTAMP,
  ATTR_USER_ID,
} from './names.ts';

/** What `logEvent` decided, as telemetry needs it. */
export type EventVerdict =
  | { readonly ok: true; readonly duplicate: boolean }
  | { readonly ok: false; readonly error: LogError };

/**
 * Records one `logEvent` call on its span and counters. Each event attribute is set when that
 * field is valid on its own, so a refused event still says whose it was and when.
 */
export function recordEvent(
  instruments: Instruments,
  span: Span,
  fields: EventFields | LogError,
  verdict: EventVerdict,
): void {
  // Attributes are built only for a span that records: formatting them costs more than storing
  // the event, and with no SDK installed nothing would read them.
  const recording = span.isRecording();
  if (recording && !(fields instanceof LogError)) span.setAttributes(eventAttributes(fields));
  if (!verdict.ok) {
    if (recording) refuse(span, verdict.error);
    instruments.eventsRefused.add(1, ERROR_ATTRIBUTES[verdict.error.code]);
    return;
  }
  if (recording) span.setAttribute(ATTR_EVENT_DUPLICATE, verdict.duplicate);
  const actionCode = fields instanceof LogError ? -1 : actionCodeOf(fields.actionType);
  const attributes = ACTION_ATTRIBUTES[actionCode];
  if (!verdict.duplicate && attributes !== undefined) instruments.eventsTotal.add(1, attributes);
}

function eventAttributes(fields: EventFields): Attributes {
  const attributes: Attributes = {};
  const userId = checkUserId(fields.userId);
  if (!(userId instanceof LogError) && userId.high < 0x20_00_00) {
    attributes[ATTR_USER_ID] = userId.high * 2 ** 32 + userId.low;
  }
  if (actionCodeOf(fields.actionType) >= 0)
    attributes[ATTR_ACTION_TYPE] = fields.actionType as string;
  const timeMs = types.isDate(fields.timestamp)
    ? Date.prototype.getTime.call(fields.timestamp)
    : Number.NaN;
  if (Math.abs(timeMs) <= 8.64e15)
    attributes[ATTR_EVENT_TIMESTAMP] = new Date(timeMs).toISOString();
  return attributes;
}

/**
 * Records one `logBatch` call: size and refusals on its span, stored rows per action type and
 * refused rows per code on the counters. The rows per action type come counted from the batch
 * scan, so nothing is read again per row.
 */
export function recordBatch(
  instruments: Instruments,
  span: Span,
  store: EventStore,
  outcome: BatchOutcome,
): void {
  span.setAttribute(ATTR_BATCH_SIZE, outcome.size);
  if (!outcome.ok) {
    span.setAttribute(ATTR_BATCH_REFUSED, outcome.size);
    refuse(span, outcome.error);
    if (outcome.size > 0)
      instruments.eventsRefused.add(outcome.size, ERROR_ATTRIBUTES[outcome.error.code]);
    return;
  }
  span.setAttribute(ATTR_BATCH_REFUSED, outcome.refused.length);
  span.setAttribute(ATTR_BATCH_DUPLICATES, outcome.duplicates);
  outcome.storedByAction.forEach((rows, code) => {
    const attributes = ACTION_ATTRIBUTES[code];
    if (rows > 0 && attributes !== undefined) instruments.eventsTotal.add(rows, attributes);
  });
  for (const [code, rows] of outcome.refusedByCode) {
    instruments.eventsRefused.add(rows, ERROR_ATTRIBUTES[code]);
  }
}

function refuse(span: Span, error: LogError): void {
  span.setAttribute(ATTR_ERROR_TYPE, error.code);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
}
