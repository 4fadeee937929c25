import type { EventStore } from './event-store.ts';
import { ID_WAITERS } from './layout.ts';
import {
  ABORTED,
  COMMITTED,
  PENDING,
  extrasEventIdBytes,
  extrasHash,
  extrasState,
} from './extras.ts';

/** What probing the id table found. */
export type IdProbe = 'claimed' | 'duplicate' | 'absent' | 'full';

const WAIT_SLICE_MS = 10;

/**
 * Looks `eventId` up in the shared id table (open addressing, linear probing) and, when
 * `claimWith` is a record offset, claims the first empty slot for it with a compare-and-swap.
 *
 * - `duplicate`: a stored event already has this id.
 * - `claimed`: this caller now owns the id; it must settle the record as committed or aborted.
 * - `absent`: (look-up only) no stored event has this id.
 * - `full`: the table has no empty slot left.
 *
 * A slot claimed by a writer that has not finished yet is waited for, so two writers with the
 * same id never both store it, and a writer refused after claiming frees the id for a retry.
 */
export function probeEventId(
  store: EventStore,
  eventId: Uint8Array,
  hash: number,
  claimWith: number,
): IdProbe {
  const slots = store.idSlots;
  const mask = slots.length - 1;
  for (let probe = 0, at = hash & mask; probe < slots.length; probe++, at = (at + 1) & mask) {
    let slot = Atomics.load(slots, at);
    if (slot === 0) {
      if (claimWith === 0) return 'absent';
      slot = Atomics.compareExchange(slots, at, 0, claimWith);
      if (slot === 0) return 'claimed';
    }
    if (holdsId(store, slot, eventId, hash) && settledState(store, slot) === COMMITTED) {
      return 'duplicate';
    }
  }
  return 'full';
}

function holdsId(store: EventStore, offset: number, eventId: Uint8Array, hash: number): boolean {
  if (extrasHash(store, offset) !== hash) return false;
  const stored = extrasEventIdBytes(store, offset);
  if (stored.length !== eventId.length) return false;
  for (let i = 0; i < stored.length; i++) if (stored[i] !== eventId[i]) return false;
  return true;
}

/** The record's state once its writer has finished: committed or aborted. */
function settledState(store: EventStore, offset: number): number {
  let state = extrasState(store, offset);
  if (state === PENDING) {
    Atomics.add(store.header, ID_WAITERS, 1);
    while ((state = extrasState(store, offset)) === PENDING) {
      Atomics.wait(store.extrasWords, offset / 4, PENDING, WAIT_SLICE_MS);
    }
    Atomics.sub(store.header, ID_WAITERS, 1);
  }
  return state === ABORTED ? ABORTED : COMMITTED;
}
