import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../src/index.ts';
import { ABORTED, hashBytes, settleExtras, writeExtras } from '../src/store/extras.ts';
import { probeEventId } from '../src/store/id-index.ts';
import { RESERVED_ROWS } from '../src/store/layout.ts';
import { committedRows, EventStore, publishRows, takeUpTo } from '../src/store/index.ts';
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

  it('a writer publishes its rows only after the writer that reserved rows before it', async () => {
    const store = EventStore.create(8, 4096, DEFAULT_LIMITS);
    const first = takeUpTo(store.header, RESERVED_ROWS, 2, store.capacity);
    const second = takeUpTo(store.header, RESERVED_ROWS, 1, store.capacity);
    const published = give({ task: 'publish-rows', store: store.share(), range: first });
    publishRows(store.header, second);
    expect(committedRows(store.header)).toBe(3);
    expect(await published).toBe(true);
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
