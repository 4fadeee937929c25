import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTION_TYPE_BY_CODE, ActivityLog } from '../src/index.ts';
import { startTypeScriptWorker } from './support/ts-worker.ts';
import {
  actionCodeOfRow,
  rowOfTime,
  userOfRow,
  type WorkloadReport,
  type WorkloadShape,
} from './support/workload.ts';

const WORKERS = 4;
const workerFile = new URL('./support/append-worker.ts', import.meta.url);

/** Starts the workers and resolves once each has loaded its module and says it is ready. */
async function startWorkers(): Promise<Worker[]> {
  const workers = Array.from({ length: WORKERS }, () => startTypeScriptWorker(workerFile));
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise((resolve, reject) => {
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  return workers;
}

/** Gives every worker its task, opens the start gate, and collects the reports. */
async function runWorkload(
  workers: Worker[],
  log: ActivityLog,
  shape: WorkloadShape,
): Promise<WorkloadReport[]> {
  const gate = new SharedArrayBuffer(4);
  const reports = workers.map(
    (worker, index) =>
      new Promise<WorkloadReport>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.postMessage({ ...shape, store: log.share(), gate, worker: index });
      }),
  );
  const flag = new Int32Array(gate);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
  return Promise.all(reports);
}

describe('concurrent writers on one shared store (4 worker threads)', () => {
  let workers: Worker[] = [];
  beforeAll(async () => {
    workers = await startWorkers();
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.terminate()));
  });

  it('4 workers x 250,000 events give exactly 1,000,000 events, each user complete and in order', async () => {
    const shape = {
      rows: 250_000,
      chunk: 1000,
      singleEvery: 25,
      users: 1000,
      baseMs: Date.now() - 10_000_000,
      sharedIds: false,
    };
    const log = new ActivityLog({ capacity: 1_000_000 });
    const reports = await runWorkload(workers, log, shape);

    expect(
      reports.map(({ accepted, duplicates, refused }) => [accepted, duplicates, refused]),
    ).toEqual(Array.from({ length: WORKERS }, () => [250_000, 0, 0]));
    expect(log.countEvents()).toBe(1_000_000);

    // A row's timestamp encodes who logged it: base + worker * rows + index.
    const problems: string[] = [];
    for (let userId = 1; userId <= shape.users; userId++) {
      const lastIndex = Array.from({ length: WORKERS }, () => -1);
      const perWorker = Array.from({ length: WORKERS }, () => 0);
      for (const event of log.getEventsForUser(userId)) {
        const { worker, index } = rowOfTime(shape, event.timestamp.getTime());
        const previous = lastIndex[worker] ?? Number.POSITIVE_INFINITY;
        const actionType = ACTION_TYPE_BY_CODE[actionCodeOfRow(index)];
        if (userOfRow(shape, index) !== userId || actionType !== event.actionType) {
          problems.push(`user ${userId}: row ${index} of worker ${worker} is not theirs`);
        }
        if (index <= previous) problems.push(`user ${userId}: worker ${worker} out of order`);
        lastIndex[worker] = index;
        perWorker[worker] = (perWorker[worker] ?? 0) + 1;
      }
      // Complete: each worker logged rows / users events for every user.
      if (perWorker.some((count) => count !== shape.rows / shape.users)) {
        problems.push(`user ${userId}: ${perWorker.join(', ')} events per worker`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('stores an event id raced by all 4 workers exactly once and acknowledges the rest', async () => {
    const shape = {
      rows: 2000,
      chunk: 100,
      singleEvery: 1,
      users: 10,
      baseMs: Date.now() - 10_000_000,
      sharedIds: true,
    };
    const log = new ActivityLog({ capacity: 10_000 });
    const reports = await runWorkload(workers, log, shape);
    const total = (key: keyof WorkloadReport): number =>
      reports.reduce((sum, report) => sum + report[key], 0);
    expect([total('accepted'), total('duplicates'), total('refused')]).toEqual([2000, 6000, 0]);
    expect(log.countEvents()).toBe(2000);
    const ids = Array.from({ length: 10 }, (_, user) => log.getEventsForUser(user + 1))
      .flat()
      .map((event) => event.eventId);
    expect(new Set(ids).size).toBe(2000);
  });
});
