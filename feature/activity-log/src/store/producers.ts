import type { EventStore } from './event-store.ts';
import { MAX_PRODUCERS, PRODUCER_COUNT, PRODUCER_SLOTS } from './layout.ts';

/**
 * The batch producers a store remembers, for idempotent batches: a producer numbers its rows
 * (`firstSequence` and on), and the store keeps the next sequence it expects from each, so a
 * retried batch, or one that repeats the end of the last, stores only the rows not stored yet.
 * An open-addressing table in shared memory, read and written only under the append lock.
 */

/** Where producer `id` sits: its slot, and whether it was there already. */
export interface ProducerSlot {
  readonly slot: number;
  readonly known: boolean;
}

const mask = PRODUCER_SLOTS - 1;

/**
 * Finds producer `id` (1 to 2^32 − 1), or the empty slot it would take. Under the lock. The probe
 * always ends: new producers are recorded only while the table is at most half full.
 */
export function findProducer(store: EventStore, id: number): ProducerSlot {
  const table = store.producers;
  for (let at = Math.imul(id, 0x9e37_79b1) & mask; ; at = (at + 1) & mask) {
    const held = table[2 * at] ?? 0;
    if (held === id) return { slot: at, known: true };
    if (held === 0) return { slot: at, known: false };
  }
}

/** Whether a new producer can still be recorded (the table stays at most half full). */
export function roomForProducer(store: EventStore): boolean {
  return (store.header[PRODUCER_COUNT] ?? 0) < MAX_PRODUCERS;
}

/** The next sequence expected from the producer in `slot`. */
export function expectedSequence(store: EventStore, slot: number): number {
  return store.producers[2 * slot + 1] ?? 0;
}

/** Records producer `id` in `slot`, expecting `next` from it. Under the lock. */
export function recordProducer(
  store: EventStore,
  at: ProducerSlot,
  id: number,
  next: number,
): void {
  store.producers[2 * at.slot + 1] = next;
  if (at.known) return;
  store.producers[2 * at.slot] = id;
  store.header[PRODUCER_COUNT] = (store.header[PRODUCER_COUNT] ?? 0) + 1;
}
