import { publishRows, takeUpTo } from './counters.ts';
import type { EventStore } from './event-store.ts';
import { ABORTED, COMMITTED, hashBytes, settleExtras, writeExtras } from './extras.ts';
import { probeEventId } from './id-index.ts';
import { RESERVED_ROWS } from './layout.ts';
import { HIGH_WORD, LOW_WORD } from './words.ts';

/** One event that passed validation, in the store's own encoding. */
export interface EncodedEvent {
  /** Low and high 32-bit words of the user id. */
  readonly userIdLow: number;
  readonly userIdHigh: number;
  readonly actionCode: number;
  readonly timeMs: number;
  /** The event id as UTF-8, when the event has one. */
  readonly eventId: Uint8Array | undefined;
  /** The details as UTF-8 JSON entries, when the event has details. */
  readonly details: Uint8Array | undefined;
}

/** What became of an event handed to the store. */
export type AppendOutcome = 'stored' | 'duplicate' | 'rows_full' | 'extras_full' | 'ids_full';

/**
 * Stores one valid event, unless its id was already accepted. Order of decisions: a known id is
 * a duplicate even when the store is full; then room for the row and for the extras record;
 * then the id is claimed, the row reserved, written and published. A refusal after the claim
 * frees the id again, so nothing of a refused event remains visible.
 */
export function appendEvent(store: EventStore, event: EncodedEvent): AppendOutcome {
  const { eventId, details } = event;
  const eventIdHash = eventId === undefined ? 0 : hashBytes(eventId);
  if (eventId !== undefined && probeEventId(store, eventId, eventIdHash, 0) === 'duplicate') {
    return 'duplicate';
  }
  if (Atomics.load(store.header, RESERVED_ROWS) >= store.capacity) return 'rows_full';
  let extras = 0;
  if (eventId !== undefined || details !== undefined) {
    extras = writeExtras(store, { eventId, eventIdHash, details });
    if (extras < 0) return 'extras_full';
  }
  if (eventId !== undefined) {
    const claim = probeEventId(store, eventId, eventIdHash, extras);
    if (claim === 'duplicate') return 'duplicate';
    if (claim === 'full') return 'ids_full';
  }
  const range = takeUpTo(store.header, RESERVED_ROWS, 1, store.capacity);
  if (range.count === 0) {
    if (eventId !== undefined) settleExtras(store, extras, ABORTED);
    return 'rows_full';
  }
  writeRow(store, range.start, event, extras);
  publishRows(store.header, range);
  if (eventId !== undefined) settleExtras(store, extras, COMMITTED);
  return 'stored';
}

function writeRow(store: EventStore, row: number, event: EncodedEvent, extras: number): void {
  store.userWords[row * 2 + LOW_WORD] = event.userIdLow;
  store.userWords[row * 2 + HIGH_WORD] = event.userIdHigh;
  store.actionCodes[row] = event.actionCode;
  store.timestamps[row] = event.timeMs;
  store.extrasRefs[row] = extras;
}
