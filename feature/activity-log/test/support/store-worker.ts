/**
 * A worker thread that holds back one step of a write until the main thread is waiting for it:
 * settling a claimed event id, or publishing an earlier range of rows. It acts only once the
 * store's waiter counter shows a waiter, so the main thread's wait is certain to happen.
 */
import { parentPort } from 'node:worker_threads';
import {
  EventStore,
  publishRows,
  type RowRange,
  type SharedActivityStore,
} from '../../src/store/index.ts';
import { COMMITTED, settleExtras } from '../../src/store/extras.ts';
import { ID_WAITERS, ROW_WAITERS } from '../../src/store/layout.ts';

export type StoreTask =
  | { readonly task: 'settle-id'; readonly store: SharedActivityStore; readonly offset: number }
  | {
      readonly task: 'publish-rows';
      readonly store: SharedActivityStore;
      readonly range: RowRange;
    };

const port = parentPort;
if (port === null) throw new Error('store-worker.ts must run as a worker thread');

/** Waits (up to 10 s) until `header[slot]` counts a waiter. */
function awaitWaiter(header: Int32Array, slot: number): boolean {
  const deadline = Date.now() + 10_000;
  while (Atomics.load(header, slot) === 0) {
    if (Date.now() > deadline) return false;
    Atomics.wait(header, slot, 0, 5);
  }
  return true;
}

port.on('message', (message: StoreTask) => {
  const store = EventStore.attach(message.store);
  if (message.task === 'settle-id') {
    const waited = awaitWaiter(store.header, ID_WAITERS);
    settleExtras(store, message.offset, COMMITTED);
    port.postMessage(waited);
  } else {
    const waited = awaitWaiter(store.header, ROW_WAITERS);
    publishRows(store.header, message.range);
    port.postMessage(waited);
  }
});
port.postMessage('ready');
