/**
 * The activity log's own cases: the batch hot path (validate + append, no per-event telemetry)
 * and the single-event `logEvent` with the OpenTelemetry API alone and with the real SDK.
 */
import type { BenchCase, BenchCaseRun } from '../../../src/bench/index.ts';
import { ACTION_TYPE_BY_CODE, DEFAULT_CAPACITY, type BatchResult } from '../src/index.ts';
import {
  BATCH_ROWS,
  BATCHES_PER_RUN,
  mixedBatches,
  plainBatches,
  type PlannedBatch,
  REALISTIC_MIX,
} from './batch-stream.ts';
import { LogRotation } from './log-rotation.ts';
import { StoreDigest, storeProblems } from './store-guard.ts';
import {
  counterTotal,
  exportProblems,
  startExportingTelemetry,
  type ExportingTelemetry,
} from './telemetry.ts';
import { eventsPerCall, makeWorkload, type Workload } from './workload.ts';

export const hotPathCase = 'activity-log/hot-path/batch';
export const mixedHotPathCase = 'activity-log/hot-path/mixed';

/**
 * Every log has the default capacity (1,048,576 events, 30 MB of columns), so appends stream to
 * memory beyond the caches as in a long-running service (see `LogRotation`).
 */
const capacity = DEFAULT_CAPACITY;

/** The producer id of the mixed case's sequenced batches. */
const PRODUCER = 1;

/** The rows the current store must hold: each run on it, batch after batch. */
function expectedDigest(
  planned: readonly PlannedBatch[],
  runs: number,
  repeatsOverlap: boolean,
): StoreDigest {
  const digest = new StoreDigest();
  for (let run = 0; run < runs; run += 1) {
    planned.forEach(({ kept, keptInOverlap }, index) => {
      // On a store, the first batch's leading rows are new to it; later batches repeat them.
      const skip = repeatsOverlap && (run > 0 || index > 0) ? keptInOverlap : 0;
      for (let row = skip; row < kept.length; row += 1) {
        const stored = kept[row];
        if (stored !== undefined) digest.add(stored);
      }
    });
  }
  return digest;
}

/** Rows the feature says it handled: stored, acknowledged as duplicates, or refused. */
function rowsHandled(result: BatchResult): number {
  return result.ok ? result.accepted + result.duplicates + result.refused.length : 0;
}

/**
 * The batch hot path through the public API, on a log with the OpenTelemetry API and no SDK
 * (span and instruments are no-ops, once per batch). Plain batches of valid rows, or, with
 * `sequenced`, the realistic mix: sequenced batches repeating the last batch's end and a few
 * refused rows each. `run` returns the rows the feature reported handling.
 */
function hotPathRun(planned: readonly PlannedBatch[], sequenced: boolean): BenchCaseRun {
  const eventsPerRun = BATCH_ROWS * BATCHES_PER_RUN;
  const rotation = new LogRotation({ capacity, eventsPerRun });
  const step = BATCH_ROWS - (sequenced ? REALISTIC_MIX.overlap : 0);
  const batches = planned.map(({ batch }) => batch);
  let log = rotation.current;
  let sequence = 0;
  return {
    beforeRun: () => {
      log = rotation.next();
    },
    run: () => {
      let handled = 0;
      for (const batch of batches) {
        // A literal, as a caller builds each batch it sends (a spread copies far more slowly).
        const { userIds, actionCodes, timestamps } = batch;
        const result = sequenced
          ? log.logBatch({
              userIds,
              actionCodes,
              timestamps,
              producerId: PRODUCER,
              firstSequence: sequence,
            })
          : log.logBatch(batch);
        sequence += step;
        handled += rowsHandled(result);
      }
      return handled;
    },
    verify: () =>
      storeProblems(rotation.current, expectedDigest(planned, rotation.runsOnCurrent, sequenced)),
  };
}

/** The rows of `workload`, logged `runs` times over. */
function repeatedDigest(workload: Workload, runs: number): StoreDigest {
  const digest = new StoreDigest();
  for (let run = 0; run < runs; run += 1) {
    for (let index = 0; index < workload.size; index += 1) {
      digest.add({
        userId: workload.userIds[index] ?? 0,
        actionCode: workload.actionCodes[index] ?? 0,
        timeMs: workload.timestamps[index] ?? 0,
      });
    }
  }
  return digest;
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
      ...storeProblems(rotation.current, repeatedDigest(workload, rotation.runsOnCurrent)),
      ...(telemetry === undefined ? [] : await telemetryProblems(telemetry, runs, size)),
    ],
    close: () => telemetry?.shutdown(),
  };
}

const hotPathRows = BATCH_ROWS * BATCHES_PER_RUN;

export const activityLogCases: readonly BenchCase[] = [
  {
    name: hotPathCase,
    opsPerRun: hotPathRows,
    setup: () => hotPathRun(plainBatches(makeWorkload(hotPathRows)), false),
  },
  {
    name: mixedHotPathCase,
    opsPerRun: hotPathRows,
    setup: () => {
      const workload = makeWorkload(hotPathRows);
      return hotPathRun(mixedBatches(workload, REALISTIC_MIX, Date.now()), true);
    },
  },
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
