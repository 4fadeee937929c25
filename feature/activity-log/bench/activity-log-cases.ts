/**
 * The activity log's own cases: the batch hot path (validate + append, no per-event telemetry)
 * and the single-event `logEvent` with the OpenTelemetry API alone and with the real SDK.
 */
import type { BenchCase, BenchCaseRun } from '../../../src/bench/index.ts';
import {
  ACTION_TYPE_BY_CODE,
  DEFAULT_CAPACITY,
  type ActivityBatch,
  type ActivityEvent,
} from '../src/index.ts';
import { LogRotation } from './log-rotation.ts';
import { startRecordingTelemetry, type RecordingTelemetry } from './telemetry.ts';
import { makeWorkload, type Workload } from './workload.ts';

export const hotPathCase = 'activity-log/hot-path/batch';

/** Thousands of events per batch, as the batch API is meant to be called. */
const batchSize = 4096;
/** Batches per timed call: 32,768 events, about 100 µs at the budget. */
const batchesPerRun = 8;
/**
 * Every log has the default capacity (1,048,576 events, 37 MB of columns), so appends stream to
 * memory beyond the caches as in a long-running service, and no extras area (the measured events
 * carry no details or ids). A full log is replaced outside the timed region.
 */
const logOptions = { capacity: DEFAULT_CAPACITY, extrasBytes: 0 } as const;
/** About a millisecond of work per sample: logEvent costs about a microsecond. */
const eventsPerRun = 1000;

function batchOf(workload: Workload, from: number, size: number): ActivityBatch {
  const to = from + size;
  return {
    userIds: BigUint64Array.from(workload.userIds.subarray(from, to), (id) => BigInt(id)),
    actionCodes: workload.actionCodes.slice(from, to),
    timestamps: workload.timestamps.slice(from, to),
  };
}

/** The stored events of the workload's first user, as `getEventsForUser` must give them back. */
function firstUserEvents(workload: Workload, runs: number): ActivityEvent[] {
  const userId = workload.userIds[0] ?? 0;
  const once: ActivityEvent[] = [];
  for (let index = 0; index < workload.size; index += 1) {
    if (workload.userIds[index] !== userId) continue;
    const actionType = ACTION_TYPE_BY_CODE[workload.actionCodes[index] ?? 0] ?? 'login';
    once.push({ userId, actionType, timestamp: new Date(workload.timestamps[index] ?? 0) });
  }
  return Array.from({ length: runs }, () => once).flat();
}

/** What the last log holds: its count, and the first user's events read back. */
function storeProblems(rotation: LogRotation, workload: Workload): string[] {
  const log = rotation.current;
  const expected = rotation.expectedCount;
  if (log.countEvents() !== expected)
    return [`the log holds ${log.countEvents()} events, expected ${expected}`];
  const stored = JSON.stringify(log.getEventsForUser(workload.userIds[0] ?? 0));
  const wanted = JSON.stringify(firstUserEvents(workload, expected / workload.size));
  return stored === wanted ? [] : ["the first user's events read back differ from those logged"];
}

function hotPathRun(): BenchCaseRun {
  const workload = makeWorkload(batchSize * batchesPerRun);
  const batches = Array.from({ length: batchesPerRun }, (_, index) =>
    batchOf(workload, index * batchSize, batchSize),
  );
  const rotation = new LogRotation(logOptions, workload.size);
  let log = rotation.current;
  return {
    beforeRun: () => {
      log = rotation.next();
    },
    run: () => {
      let accepted = 0;
      for (const batch of batches) {
        const result = log.logBatch(batch);
        accepted += result.ok && result.refused.length === 0 ? result.accepted : 0;
      }
      return accepted;
    },
    expected: workload.size,
    verify: () => storeProblems(rotation, workload),
  };
}

function logEventRun(telemetry?: RecordingTelemetry): BenchCaseRun {
  const workload = makeWorkload(eventsPerRun);
  const { size, userIds, actionCodes, timestamps } = workload;
  const providers =
    telemetry === undefined
      ? {}
      : { tracerProvider: telemetry.tracerProvider, meterProvider: telemetry.meterProvider };
  const rotation = new LogRotation({ ...logOptions, ...providers }, size);
  let log = rotation.current;
  return {
    beforeRun: () => {
      log = rotation.next();
      telemetry?.clearExported();
    },
    run: () => {
      let stored = 0;
      for (let index = 0; index < size; index += 1) {
        const result = log.logEvent({
          userId: userIds[index] ?? 0,
          actionType: ACTION_TYPE_BY_CODE[actionCodes[index] ?? 0] ?? 'login',
          timestamp: new Date(timestamps[index] ?? 0),
        });
        stored += result.ok && !result.duplicate ? 1 : 0;
      }
      return stored;
    },
    expected: size,
    verify: () => {
      const problems = storeProblems(rotation, workload);
      const spans = telemetry?.spans.getFinishedSpans().length;
      if (spans !== undefined && spans !== size)
        problems.push(`the last run exported ${spans} spans, expected ${size}`);
      return problems;
    },
    close: () => telemetry?.shutdown(),
  };
}

export const activityLogCases: readonly BenchCase[] = [
  { name: hotPathCase, opsPerRun: batchSize * batchesPerRun, setup: hotPathRun },
  { name: 'activity-log/log-event/api-only', opsPerRun: eventsPerRun, setup: () => logEventRun() },
  {
    name: 'activity-log/log-event/sdk',
    opsPerRun: eventsPerRun,
    setup: () => logEventRun(startRecordingTelemetry()),
  },
];
