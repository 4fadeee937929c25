import { COMMITTED_ROWS, ROW_WAITERS } from './layout.ts';

/** A run of rows handed to one writer: rows `start` to `start + count - 1`. */
export interface RowRange {
  readonly start: number;
  readonly count: number;
}

/** How long a waiting writer sleeps before looking again, in case a wake-up was missed. */
const WAIT_SLICE_MS = 10;

/**
 * Takes up to `want` units from the counter at `slot`, never pushing it past `limit`. A
 * compare-and-swap loop rather than `Atomics.add`, so a refused request leaves the counter
 * untouched and a full store stays exactly full.
 */
export function takeUpTo(header: Int32Array, slot: number, want: number, limit: number): RowRange {
  for (;;) {
    const start = Atomics.load(header, slot);
    const count = Math.min(want, limit - start);
    if (count <= 0) return { start, count: 0 };
    if (Atomics.compareExchange(header, slot, start, start + count) === start) {
      return { start, count };
    }
  }
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
 * Makes rows `range` visible to readers. Writers publish in the order they reserved, so the
 * committed count only ever covers fully written rows: a writer waits until every earlier range
 * is published, then moves the count past its own rows and wakes the writers behind it.
 */
export function publishRows(header: Int32Array, range: RowRange): void {
  if (range.count === 0) return;
  if (Atomics.load(header, COMMITTED_ROWS) !== range.start) awaitCommitted(header, range.start);
  Atomics.store(header, COMMITTED_ROWS, range.start + range.count);
  wakeWaiters(header, ROW_WAITERS, header, COMMITTED_ROWS);
}

function awaitCommitted(header: Int32Array, start: number): void {
  Atomics.add(header, ROW_WAITERS, 1);
  for (;;) {
    const committed = Atomics.load(header, COMMITTED_ROWS);
    if (committed === start) break;
    Atomics.wait(header, COMMITTED_ROWS, committed, WAIT_SLICE_MS);
  }
  Atomics.sub(header, ROW_WAITERS, 1);
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
