import { APPEND_LOCK } from './layout.ts';

/**
 * The store's append lock, a futex-style mutex on one header word (0 free, 1 held, 2 held with
 * writers waiting), so that the uncontended case is one compare-and-swap each way. Rows are
 * written only under it: a writer copies its rows past the committed ones, checks and compacts
 * them there, and publishes them by moving the committed count, with no gap ever left behind.
 */
const FREE = 0;
const HELD = 1;
const CONTENDED = 2;

/** How long a waiting writer sleeps before looking again, in case a wake-up was missed. */
const WAIT_SLICE_MS = 10;

/** Takes the lock, waiting (`Atomics.wait`) while another writer holds it. */
export function lockAppends(header: Int32Array): void {
  let state = Atomics.compareExchange(header, APPEND_LOCK, FREE, HELD);
  while (state !== FREE) {
    if (
      state === CONTENDED ||
      Atomics.compareExchange(header, APPEND_LOCK, HELD, CONTENDED) !== FREE
    ) {
      Atomics.wait(header, APPEND_LOCK, CONTENDED, WAIT_SLICE_MS);
    }
    state = Atomics.compareExchange(header, APPEND_LOCK, FREE, CONTENDED);
  }
}

/** Releases the lock and wakes one waiting writer, if any. */
export function unlockAppends(header: Int32Array): void {
  if (Atomics.sub(header, APPEND_LOCK, 1) !== HELD) {
    Atomics.store(header, APPEND_LOCK, FREE);
    Atomics.notify(header, APPEND_LOCK, 1);
  }
}
