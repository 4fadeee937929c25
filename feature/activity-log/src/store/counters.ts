import { COMMITTED_ROWS } from './layout.ts';

/** A run of rows: rows `start` to `start + count - 1`. */
export interface RowRange {
  readonly start: number;
  readonly count: number;
}

/**
 * Takes exactly `want` units from the counter at `slot`, or none: returns the start, or `-1`
 * when fewer than `want` remain below `limit`.
 */
export function takeExactly(header: Int32Array, slot: number, want: number, limit: number): number {
  for (;;) {
    const start = Atomics.load(header, slot);
    if (start + want > limit) return -1;
    if (Atomics.compareExchange(header, slot, start, start + want) === start) return start;
  }
}

/**
 * Makes the rows up to `end` visible to readers. Called under the append lock, after the rows
 * are written, so the committed count only ever covers fully written rows.
 */
export function publishRows(header: Int32Array, end: number): void {
  Atomics.store(header, COMMITTED_ROWS, end);
}

/**
 * Wakes the threads waiting on `words[index]`, if the waiter count at `header[counter]` says
 * there are any. Waiters count themselves in before they look at the value they wait on, and
 * every access is sequentially consistent, so a waiter is either counted here or sees the new
 * value before it sleeps; the wait's time slice covers anything else.
 */
export function wakeWaiters(
  header: Int32Array,
  counter: number,
  words: Int32Array,
  index: number,
): void {
  if (Atomics.load(header, counter) > 0) Atomics.notify(words, index);
}

/** Rows visible to readers. */
export function committedRows(header: Int32Array): number {
  return Atomics.load(header, COMMITTED_ROWS);
}
