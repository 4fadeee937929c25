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
import {
  counterTotal,
  exportProblems,
  startExportingTelemetry,
  type ExportingTelemetry,
} from './telemetry.ts';
import { eventsPerCall, makeWorkload, type Workload } from './workload.ts';

export const hotPathCase = 'activity-log/hot-path/batch';

/** Thousands of events per batch, as the batch API is meant to be called. */
const batchSize = 4096;
/**
 * Batches per timed call: 65,536 events, 120 to 300 µs per call at 2 to 4.5 ns per event, so
 * a sample stays above ticks.md's 100 µs even when the machine is quiet.
 */
const batchesPerRun = 16;
/**
 * Every log has the default capacity (1,048,576 events, 29 MB of columns), so appends stream to
 * memory beyond the caches as in a long-running service (see `LogRotation`).
 */
const capacity = DEFAULT_CAPACITY;

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
  const runs = rotation.runsOnCurrent;
  const expected = runs * workload.size;
  if (log.countEvents() !== expected)
    return [`the log holds ${log.countEvents()} events, expected ${expected}`];
  const stored = JSON.stringify(log.getEventsForUser(workload.userIds[0] ?? 0));
  const wanted = JSON.stringify(firstUserEvents(workload, runs));
  return stored === wanted ? [] : ["the first user's events read back differ from those logged"];
}

function hotPathRun(): BenchCaseRun {
  const workload = makeWorkload(batchSize * batchesPerRun);
  const batches = Array.from({ length: batchesPerRun }, (_, index) =>
    batchOf(workload, index * batchSize, batchSize),
  );
  const rotation = new LogRotation({ capacity, eventsPerRun: workload.size });
  let log = rotation.current;
  return {
    beforeRun: () => {
      log = rotation.next();
    },
    // The rows the log reports it accepted or refused: every row it validated.
    run: () => {
      let performed = 0;
      for (const batch of batches) {
        const result = log.logBatch(batch);
        performed += result.ok ? result.accepted + result.refused.length : 0;
      }
      return performed;
    },
    verify: () => storeProblems(rotation, workload),
  };
}

/** With the SDK: every span of every call exported and encoded, every event counted. */
async function telemetryProblems(
  telemetry: ExportingTelemetry,
  runs: number,
  eventsPerRun: number,
): Promise<string[]> {
  await telemetry.flush();
  const counted = counterTotal((await telemetry.collectMetrics()).get('activity.events.total'));
  const expected = { runs, itemsPerRun: eventsPerRun };
  return [
    ...exportProblems('activity.log_event spans', telemetry.encodedSpans, expected),
    ...(counted === runs * eventsPerRun
      ? []
      : [`activity.events.total: ${String(counted)}, expected ${runs * eventsPerRun}`]),
  ];
}

function logEventRun(eventsPerRun: number, telemetry?: ExportingTelemetry): BenchCaseRun {
  const workload = makeWorkload(eventsPerRun);
  const { size, userIds, actionCodes, timestamps } = workload;
  const rotation = new LogRotation({
    capacity,
    eventsPerRun: size,
    ...(telemetry === undefined ? {} : { telemetry }),
  });
  let log = rotation.current;
  let runs = 0;
  return {
    beforeRun: () => {
      log = rotation.next();
    },
    run: () => {
      runs += 1;
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
    verify: async () => [
      ...storeProblems(rotation, workload),
      ...(telemetry === undefined ? [] : await telemetryProblems(telemetry, runs, size)),
    ],
    close: () => telemetry?.shutdown(),
  };
}

export const activityLogCases: readonly BenchCase[] = [
  { name: hotPathCase, opsPerRun: batchSize * batchesPerRun, setup: hotPathRun },
  {
    name: 'activity-log/log-event/api-only',
    opsPerRun: eventsPerCall.logEventApiOnly,
    setup: () => logEventRun(eventsPerCall.logEventApiOnly),
  },
  {
    name: 'activity-log/log-event/sdk',
    opsPerRun: eventsPerCall.logEventSdk,
    setup: async () =>
      logEventRun(
        eventsPerCall.logEventSdk,
        await startExportingTelemetry({ itemsPerBatch: eventsPerCall.logEventSdk }),
      ),
  },
];
