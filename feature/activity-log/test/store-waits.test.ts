import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ActivityLog, DEFAULT_LIMITS } from '../src/index.ts';
import { ABORTED, hashBytes, settleExtras, writeExtras } from '../src/store/extras.ts';
import { probeEventId } from '../src/store/id-index.ts';
import { APPEND_LOCK } from '../src/store/layout.ts';
import { EventStore } from '../src/store/index.ts';
import { batchOf, fixedClock, NOW_MS } from './support/events.ts';
import type { StoreTask } from './support/store-worker.ts';
import { startTypeScriptWorker } from './support/ts-worker.ts';

/**
 * The store's waits, made certain: a worker thread holds back the other writer's step until
 * this thread is waiting for it (the waiter counters say so), so each wait really happens.
 */

const encoder = new TextEncoder();

function claim(store: EventStore, id: string): { bytes: Uint8Array; hash: number; offset: number } {
  const bytes = encoder.encode(id);
  const hash = hashBytes(bytes);
  const offset = writeExtras(store, { eventId: bytes, eventIdHash: hash, details: undefined });
  expect(probeEventId(store, bytes, hash, offset)).toBe('claimed');
  return { bytes, hash, offset };
}

describe('waits between writers of one store', () => {
  let worker: Worker;
  beforeAll(async () => {
    worker = startTypeScriptWorker(new URL('./support/store-worker.ts', import.meta.url));
    await new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  });
  afterAll(async () => {
    await worker.terminate();
  });

  function give(task: StoreTask): Promise<unknown> {
    const done = new Promise((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    worker.postMessage(task);
    return done;
  }

  it('a writer meeting an id another has claimed waits for it to be stored, then sees a duplicate', async () => {
    const store = EventStore.create(8, 4096, DEFAULT_LIMITS);
    const { bytes, hash, offset } = claim(store, 'evt-1');
    const settled = give({ task: 'settle-id', store: store.share(), offset });
    expect(probeEventId(store, bytes, hash, 0)).toBe('duplicate');
    expect(await settled).toBe(true);
  });

  it('a writer waits for the append lock, then appends after the rows of the writer holding it', async () => {
    const store = EventStore.create(8, 4096, DEFAULT_LIMITS);
    const log = new ActivityLog({ store: store.share(), clock: fixedClock });
    const held = give({
      task: 'hold-lock',
      store: store.share(),
      row: { userId: 1n, timeMs: NOW_MS - 2 },
    });
    while (Atomics.load(store.header, APPEND_LOCK) === 0)
      Atomics.wait(store.header, APPEND_LOCK, 0, 5);
    expect(log.logBatch(batchOf([[1n, 2, NOW_MS - 1]]))).toMatchObject({ ok: true, accepted: 1 });
    expect(await held).toBe(true);
    expect(log.getEventsForUser(1).map((event) => event.timestamp.getTime())).toEqual([
      NOW_MS - 2,
      NOW_MS - 1,
    ]);
  });
});

describe('the event-id table', () => {
  it('reports full, rather than probing forever, once refused claims hold every slot', () => {
    const store = EventStore.create(4, 4096, DEFAULT_LIMITS);
    for (let i = 0; i < store.idSlots.length; i++) {
      settleExtras(store, claim(store, `refused-${i}`).offset, ABORTED);
    }
    const late = encoder.encode('one more');
    expect(probeEventId(store, late, hashBytes(late), 0)).toBe('full');
  });
});
