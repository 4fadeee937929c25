import { lockAppends, unlockAppends } from './append-lock.ts';
import { committedRows, publishRows } from './counters.ts';
import type { EventStore } from './event-store.ts';
import { ABORTED, COMMITTED, hashBytes, settleExtras, writeExtras } from './extras.ts';
import { probeEventId } from './id-index.ts';
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
 * then the id is claimed, and the row written and published under the append lock. A refusal
 * after the claim frees the id again, so nothing of a refused event remains visible.
 */
export function appendEvent(store: EventStore, event: EncodedEvent): AppendOutcome {
  const { eventId, details } = event;
  const eventIdHash = eventId === undefined ? 0 : hashBytes(eventId);
  if (eventId !== undefined && probeEventId(store, eventId, eventIdHash, 0) === 'duplicate') {
    return 'duplicate';
  }
  if (committedRows(store.header) >= store.capacity) return 'rows_full';
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
  const stored = writeRowLocked(store, event, extras);
  if (eventId !== undefined) settleExtras(store, extras, stored ? COMMITTED : ABORTED);
  return stored ? 'stored' : 'rows_full';
}

/** Writes the event after the committed rows and publishes it; false when the store is full. */
function writeRowLocked(store: EventStore, event: EncodedEvent, extras: number): boolean {
  lockAppends(store.header);
  try {
    const row = committedRows(store.header);
    if (row >= store.capacity) return false;
    writeRow(store, row, event, extras);
    publishRows(store.header, row + 1);
    return true;
  } finally {
    unlockAppends(store.header);
  }
}

function writeRow(store: EventStore, row: number, event: EncodedEvent, extras: number): void {
  store.userWords[row * 2 + LOW_WORD] = event.userIdLow;
  store.userWords[row * 2 + HIGH_WORD] = event.userIdHigh;
  store.actionCodes[row] = event.actionCode;
  store.timestamps[row] = event.timeMs;
  store.extrasRefs[row] = extras;
}
