/**
 * A worker thread that holds back one step of a write until the main thread is waiting for it:
 * settling a claimed event id, or releasing the append lock after writing a row. It acts only
 * once the store shows a waiter (the id waiter count, or the lock marked contended), so the main
 * thread's wait is certain to happen.
 */
import { parentPort } from 'node:worker_threads';
import {
  committedRows,
  EventStore,
  lockAppends,
  publishRows,
  type SharedActivityStore,
  unlockAppends,
} from '../../src/store/index.ts';
import { COMMITTED, settleExtras } from '../../src/store/extras.ts';
import { APPEND_LOCK, ID_WAITERS } from '../../src/store/layout.ts';

export type StoreTask =
  | { readonly task: 'settle-id'; readonly store: SharedActivityStore; readonly offset: number }
  | {
      readonly task: 'hold-lock';
      readonly store: SharedActivityStore;
      /** The row written under the lock, once the main thread waits for it. */
      readonly row: { readonly userId: bigint; readonly timeMs: number };
    };

/** The lock word's value while a writer holds it and another waits (see append-lock.ts). */
const CONTENDED = 2;

const port = parentPort;
if (port === null) throw new Error('store-worker.ts must run as a worker thread');

/** Waits (up to 10 s) until `header[slot]` is `value`, or, by default, anything but 0. */
function awaitWaiter(header: Int32Array, slot: number, value?: number): boolean {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const seen = Atomics.load(header, slot);
    if (value === undefined ? seen !== 0 : seen === value) return true;
    if (Date.now() > deadline) return false;
    Atomics.wait(header, slot, seen, 5);
  }
}

port.on('message', (message: StoreTask) => {
  const store = EventStore.attach(message.store);
  if (message.task === 'settle-id') {
    const waited = awaitWaiter(store.header, ID_WAITERS);
    settleExtras(store, message.offset, COMMITTED);
    port.postMessage(waited);
  } else {
    lockAppends(store.header);
    const waited = awaitWaiter(store.header, APPEND_LOCK, CONTENDED);
    const row = committedRows(store.header);
    store.userIds[row] = message.row.userId;
    store.timestamps[row] = message.row.timeMs;
    publishRows(store.header, row + 1);
    unlockAppends(store.header);
    port.postMessage(waited);
  }
});
port.postMessage('ready');
