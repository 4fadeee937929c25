import { takeExactly, wakeWaiters } from './counters.ts';
import type { EventStore } from './event-store.ts';
import { EXTRAS_USED, ID_WAITERS } from './layout.ts';

/**
 * An extras record holds one event's id and details. Layout, in 32-bit words then bytes:
 * `[state, hash, idByteLength, detailsByteLength, ...idBytes, ...detailsBytes]`, padded to
 * 4 bytes. A record is written completely before anything points at it.
 */
const RECORD_HEADER_BYTES = 16;

/** Record state: its event id is claimed, the event not yet stored. */
export const PENDING = 1;
/** Record state: the event is stored (or the record has no id). */
export const COMMITTED = 2;
/** Record state: the event was refused after its id was claimed; the id is free again. */
export const ABORTED = 3;

const decoder = new TextDecoder('utf-8', { fatal: true });

/** What an extras record carries, already encoded as UTF-8. */
export interface ExtrasContent {
  readonly eventId: Uint8Array | undefined;
  readonly eventIdHash: number;
  readonly details: Uint8Array | undefined;
}

/**
 * Writes a record for `content` and returns its offset, or `-1` when the extras buffer is full.
 * A record with an event id starts `PENDING`; one without is `COMMITTED` at once.
 */
export function writeExtras(store: EventStore, content: ExtrasContent): number {
  const idLength = content.eventId?.length ?? 0;
  const detailsLength = content.details?.length ?? 0;
  const size = Math.ceil((RECORD_HEADER_BYTES + idLength + detailsLength) / 4) * 4;
  const offset = takeExactly(store.header, EXTRAS_USED, size, store.extrasBytes.length);
  if (offset < 0) return -1;
  const word = offset / 4;
  store.extrasWords[word + 1] = content.eventIdHash;
  store.extrasWords[word + 2] = idLength;
  store.extrasWords[word + 3] = detailsLength;
  if (content.eventId !== undefined) store.extrasBytes.set(content.eventId, offset + 16);
  if (content.details !== undefined) store.extrasBytes.set(content.details, offset + 16 + idLength);
  Atomics.store(store.extrasWords, word, content.eventId === undefined ? COMMITTED : PENDING);
  return offset;
}

/** The state of the record at `offset`. */
export function extrasState(store: EventStore, offset: number): number {
  return Atomics.load(store.extrasWords, offset / 4);
}

/** Sets the state of the record at `offset` and wakes anyone waiting for it to settle. */
export function settleExtras(store: EventStore, offset: number, state: number): void {
  Atomics.store(store.extrasWords, offset / 4, state);
  wakeWaiters(store.header, ID_WAITERS, store.extrasWords, offset / 4);
}

/** The hash stored in the record at `offset`. */
export function extrasHash(store: EventStore, offset: number): number {
  return store.extrasWords[offset / 4 + 1] ?? 0;
}

/** The event-id bytes of the record at `offset` (a view, not a copy). */
export function extrasEventIdBytes(store: EventStore, offset: number): Uint8Array {
  const length = store.extrasWords[offset / 4 + 2] ?? 0;
  return store.extrasBytes.subarray(offset + 16, offset + 16 + length);
}

/** The event id of the record at `offset`, or undefined when it has none. */
export function extrasEventId(store: EventStore, offset: number): string | undefined {
  const bytes = extrasEventIdBytes(store, offset);
  return bytes.length === 0 ? undefined : decoder.decode(bytes);
}

/** The details text (JSON) of the record at `offset`, or undefined when it has none. */
export function extrasDetails(store: EventStore, offset: number): string | undefined {
  const idLength = store.extrasWords[offset / 4 + 2] ?? 0;
  const length = store.extrasWords[offset / 4 + 3] ?? 0;
  if (length === 0) return undefined;
  const start = offset + 16 + idLength;
  return decoder.decode(store.extrasBytes.subarray(start, start + length));
}

/** FNV-1a over bytes: cheap, and spreads similar ids such as `evt-1`, `evt-2` well. */
export function hashBytes(bytes: Uint8Array): number {
  let hash = 0x81_1c_9d_c5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01_00_01_93);
  return hash | 0;
}
