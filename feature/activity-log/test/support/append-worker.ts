/**
 * A worker thread that attaches to a shared activity-log store and appends its share of a
 * workload, through both APIs, once the main thread opens the start gate.
 */
import { parentPort } from 'node:worker_threads';
import { ActivityLog, type SharedActivityStore } from '../../src/index.ts';
import {
  actionCodeOfRow,
  eventOfRow,
  timeOfRow,
  userOfRow,
  type WorkloadTask,
} from './workload.ts';

const port = parentPort;
if (port === null) throw new Error('append-worker.ts must run as a worker thread');

port.on('message', (task: WorkloadTask) => {
  port.postMessage(run(task));
});
port.postMessage('ready');

/** Appends rows `0 .. task.rows - 1` of this worker; every `singleEvery`-th chunk one by one. */
function run(task: WorkloadTask & { store: SharedActivityStore }) {
  const log = new ActivityLog({ store: task.store });
  const gate = new Int32Array(task.gate);
  Atomics.wait(gate, 0, 0); // start together, for real contention
  let accepted = 0;
  let duplicates = 0;
  let refused = 0;
  for (let from = 0, chunk = 0; from < task.rows; from += task.chunk, chunk++) {
    const rows = Math.min(task.chunk, task.rows - from);
    if (chunk % task.singleEvery === 0) {
      for (let i = from; i < from + rows; i++) {
        const result = log.logEvent(eventOfRow(task, task.worker, i));
        if (!result.ok) refused++;
        else if (result.duplicate) duplicates++;
        else accepted++;
      }
      continue;
    }
    const batch = {
      userIds: new BigUint64Array(rows),
      actionCodes: new Uint8Array(rows),
      timestamps: new Float64Array(rows),
    };
    for (let i = 0; i < rows; i++) {
      batch.userIds[i] = BigInt(userOfRow(task, from + i));
      batch.actionCodes[i] = actionCodeOfRow(from + i);
      batch.timestamps[i] = timeOfRow(task, task.worker, from + i);
    }
    const result = log.logBatch(batch);
    if (!result.ok) refused += rows;
    else {
      accepted += result.accepted;
      refused += result.refused.length;
    }
  }
  return { worker: task.worker, accepted, duplicates, refused };
}
