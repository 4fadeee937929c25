import { SeverityNumber } from '@opentelemetry/api-logs';
import { describe, expect, it } from 'vitest';
import {
  BATCH_ROWS,
  mixedBatches,
  REALISTIC_MIX,
} from '../../feature/activity-log/bench/batch-stream.ts';
import { LogRotation } from '../../feature/activity-log/bench/log-rotation.ts';
import { StoreDigest, storeProblems } from '../../feature/activity-log/bench/store-guard.ts';
import { makeWorkload } from '../../feature/activity-log/bench/workload.ts';
import {
  exportProblems,
  startExportingTelemetry,
} from '../../feature/activity-log/bench/telemetry.ts';
import { ActivityLog, type ActivityBatch } from '../../feature/activity-log/src/index.ts';

const now = Date.now();

/** Four valid events of one user. */
function batchOf(userId: bigint): ActivityBatch {
  return {
    userIds: BigUint64Array.of(userId, userId, userId, userId),
    actionCodes: Uint8Array.of(0, 1, 2, 3),
    timestamps: Float64Array.of(now - 4, now - 3, now - 2, now - 1),
  };
}

describe("the activity log suite's log rotation", () => {
  it('hands out the other store when one is full, and a full store comes back empty', () => {
    const rotation = new LogRotation({ capacity: 8, eventsPerRun: 4 });
    const first = rotation.next();
    first.logBatch(batchOf(7n));
    expect(rotation.next()).toBe(first);
    first.logBatch(batchOf(7n));
    expect({ count: first.countEvents(), runs: rotation.runsOnCurrent }).toEqual({
      count: 8,
      runs: 2,
    });

    const second = rotation.next();
    expect(second.share().rows).not.toBe(first.share().rows);
    expect(second.countEvents()).toBe(0);
    second.logBatch(batchOf(9n));
    rotation.next().logBatch(batchOf(9n));

    const firstAgain = rotation.next();
    expect(firstAgain.share().rows).toBe(first.share().rows);
    expect(firstAgain.countEvents()).toBe(0);
    expect(firstAgain.getEventsForUser(7)).toEqual([]);
    expect(firstAgain.logBatch(batchOf(11n))).toMatchObject({ ok: true, accepted: 4 });
    expect(firstAgain.getEventsForUser(11).map((event) => event.actionType)).toEqual([
      'login',
      'logout',
      'page_view',
      'action_taken',
    ]);
    expect(rotation.runsOnCurrent).toBe(1);
  });
});

describe("the activity log suite's log rotation, emptying", () => {
  it("sets a full store's rows and extras back to the very bytes of a new one", () => {
    const fresh = new ActivityLog({ capacity: 64, extrasBytes: 0 }).share();
    const rotation = new LogRotation({ capacity: 64, eventsPerRun: 4 });
    const runsPerStore = 16;
    const first = rotation.next();
    first.logBatch(batchOf(1n));
    for (let run = 1; run < runsPerStore; run += 1) rotation.next().logBatch(batchOf(2n));
    expect(first.countEvents()).toBe(64);
    expect(new Uint8Array(first.share().rows)).not.toEqual(new Uint8Array(fresh.rows));
    for (let run = 0; run < runsPerStore; run += 1) rotation.next().logBatch(batchOf(3n));
    const emptied = rotation.next();
    expect(emptied.share().rows).toBe(first.share().rows);
    expect(new Uint8Array(emptied.share().rows)).toEqual(new Uint8Array(fresh.rows));
    expect(new Uint8Array(emptied.share().extras)).toEqual(new Uint8Array(fresh.extras));
  });
});

describe("the activity log suite's exporting telemetry", () => {
  it('encodes a batch of spans inside the call that ends its last span', async () => {
    const telemetry = await startExportingTelemetry({ itemsPerBatch: 4 });
    try {
      const tracer = telemetry.tracerProvider.getTracer('test');
      for (let span = 0; span < 3; span += 1) tracer.startSpan('activity.log_event').end();
      expect(telemetry.encodedSpans.requests).toBe(0);
      tracer.startSpan('activity.log_event').end();
      expect({ ...telemetry.encodedSpans, bytes: telemetry.encodedSpans.bytes > 0 }).toEqual({
        requests: 1,
        items: 4,
        bytes: true,
      });
      expect(exportProblems('spans', telemetry.encodedSpans, { runs: 1, itemsPerRun: 4 })).toEqual(
        [],
      );
    } finally {
      await telemetry.shutdown();
    }
  });

  it('encodes log records in batches once the processor has exported them', async () => {
    const telemetry = await startExportingTelemetry({ itemsPerBatch: 2 });
    try {
      const logger = telemetry.loggerProvider.getLogger('test');
      for (let record = 0; record < 4; record += 1)
        logger.emit({ severityNumber: SeverityNumber.INFO, body: 'activity event' });
      await telemetry.flush();
      expect(
        exportProblems('log records', telemetry.encodedLogRecords, { runs: 2, itemsPerRun: 2 }),
      ).toEqual([]);
    } finally {
      await telemetry.shutdown();
    }
  });

  it('reports a case whose calls do not each end one exported batch', async () => {
    const telemetry = await startExportingTelemetry({ itemsPerBatch: 8 });
    try {
      const tracer = telemetry.tracerProvider.getTracer('test');
      for (let span = 0; span < 8; span += 1) tracer.startSpan('activity.log_event').end();
      expect(exportProblems('spans', telemetry.encodedSpans, { runs: 2, itemsPerRun: 4 })).toEqual([
        expect.stringContaining('8 encoded in 1 OTLP requests'),
      ]);
    } finally {
      await telemetry.shutdown();
    }
  });
});

describe("the activity log suite's mixed batches", () => {
  const planned = mixedBatches(makeWorkload(BATCH_ROWS * 16), REALISTIC_MIX, now);

  it('repeat the end of the batch before, the first batch the last one, going round', () => {
    const { overlap } = REALISTIC_MIX;
    planned.forEach(({ batch }, index) => {
      const before = planned.at(index - 1)?.batch;
      expect(batch.userIds.subarray(0, overlap)).toEqual(before?.userIds.subarray(-overlap));
      expect(batch.timestamps.subarray(0, overlap)).toEqual(before?.timestamps.subarray(-overlap));
    });
  });

  it('hold about 1 duplicate row in 100 and 1 refused row in 1,000, refused by the log', () => {
    const rows = planned.length * BATCH_ROWS;
    expect(planned.length * REALISTIC_MIX.overlap).toBeCloseTo(rows / 100, -2);
    const log = new ActivityLog({ capacity: rows });
    const refused = planned.flatMap(({ batch }) => {
      const result = log.logBatch(batch);
      return result.ok ? result.refused.map(({ code }) => code) : ['whole batch'];
    });
    expect(refused).toHaveLength(64);
    expect(new Set(refused)).toEqual(
      new Set(['INVALID_USER_ID', 'INVALID_ACTION_TYPE', 'INVALID_TIMESTAMP']),
    );
  });
});

describe("the activity log suite's store guard", () => {
  interface Row {
    readonly userId: number;
    readonly actionCode: number;
    readonly timeMs: number;
  }
  const [first, second, third]: readonly [Row, Row, Row] = [
    { userId: 5, actionCode: 1, timeMs: now - 3 },
    { userId: 6, actionCode: 2, timeMs: now - 2 },
    { userId: 5, actionCode: 3, timeMs: now - 1 },
  ];
  const rows = [first, second, third];
  const digestOf = (stored: readonly Row[]) => {
    const digest = new StoreDigest();
    for (const row of stored) digest.add(row);
    return digest;
  };
  const logOf = (stored: readonly Row[]) => {
    const log = new ActivityLog();
    log.logBatch({
      userIds: BigUint64Array.from(stored, (row) => BigInt(row.userId)),
      actionCodes: Uint8Array.from(stored, (row) => row.actionCode),
      timestamps: Float64Array.from(stored, (row) => row.timeMs),
    });
    return log;
  };

  it('passes a log holding exactly the rows logged', () => {
    expect(storeProblems(logOf(rows), digestOf(rows))).toEqual([]);
  });

  it.each<[string, Row[]]>([
    ['a row missing', [first, second]],
    ["a user's rows out of order", [third, second, first]],
    ['another action stored', [first, second, { ...third, actionCode: 0 }]],
    ['another time stored', [first, second, { ...third, timeMs: now }]],
  ])('catches %s', (_, stored) => {
    expect(storeProblems(logOf(stored), digestOf(rows))).toEqual([
      expect.stringMatching(/holds 2 events|differ from those logged|read back/),
    ]);
  });
});
