import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  judgeRows,
  scanRowsJs,
  scanRowsSimd,
  simdScanAvailable,
  type BatchColumns,
} from '../src/batch/index.ts';
import { ACTION_CODE_COUNT } from '../src/action-type.ts';
import { checkCodeCount } from '../src/batch/scan/codes.ts';
import { ActivityLog } from '../src/index.ts';
import { batchOf, fixedClock, NOW_MS } from './support/events.ts';

/**
 * The batch hot path recognises a fully valid batch with one scan (WebAssembly SIMD, or plain
 * JavaScript where the engine has no SIMD) and counts its rows per action code. Both scans must
 * agree exactly with the per-row rules, which decide every batch the scans turn away.
 */

type Row = readonly [bigint, number, number];

const latestMs = NOW_MS;
const validRow: fc.Arbitrary<Row> = fc.tuple(
  fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }),
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: NOW_MS - 86_400_000, max: NOW_MS }),
);
const anyRow: fc.Arbitrary<Row> = fc.tuple(
  fc.oneof(
    fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
    fc.constantFrom(0n, 1n, 2n ** 63n, 2n ** 64n - 1n),
  ),
  fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 })),
  fc.oneof(
    fc.integer({ min: NOW_MS - 1000, max: NOW_MS + 1000 }),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, -8.64e15, -8.64e15 - 1, 0, -1),
    fc.double(),
  ),
);
/** Mostly valid batches, some with a few bad rows, of lengths around the 16-row vector width. */
const batchRows = fc.oneof(
  fc.array(validRow, { maxLength: 70 }),
  fc.array(anyRow, { maxLength: 70 }),
);

function columnsOf(rows: readonly Row[]): BatchColumns {
  const batch = batchOf(rows);
  const userWords = new Uint32Array(
    batch.userIds.buffer,
    batch.userIds.byteOffset,
    rows.length * 2,
  );
  return { userWords, actionCodes: batch.actionCodes, timestamps: batch.timestamps };
}

function exactlyValid(columns: BatchColumns, count: number): boolean {
  return judgeRows(columns, count, latestMs, new Uint8Array(count)) === count;
}

function codeCounts(rows: readonly Row[]): number[] {
  const counts = [0, 0, 0, 0];
  for (const [, code] of rows) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

const scans = [
  ['the JavaScript scan', scanRowsJs],
  ['the WebAssembly SIMD scan', scanRowsSimd],
] as const;

describe('the batch scan', () => {
  it('runs on WebAssembly SIMD on the Node.js versions certify supports', () => {
    expect(simdScanAvailable).toBe(true);
  });

  it.each(scans)('%s accepts exactly the batches the per-row rules accept', (_, scan) => {
    fc.assert(
      fc.property(batchRows, (rows) => {
        const columns = columnsOf(rows);
        const counts = new Uint32Array(4);
        const scanned = scan(columns, rows.length, latestMs, counts);
        const exact = exactlyValid(columns, rows.length);
        // The JavaScript scan turns id 2^63 away (its bits read as −0); the rules then accept it.
        const idTwoTo63 = rows.some(([userId]) => userId === 2n ** 63n);
        if (scan === scanRowsJs && idTwoTo63) expect(scanned).toBe(false);
        else expect(scanned).toBe(exact);
        if (scanned === true) expect([...counts]).toEqual(codeCounts(rows));
      }),
      { numRuns: 400 },
    );
  });

  it.each(scans)('%s finds a bad row in the last chunk of a batch of several chunks', (_, scan) => {
    const rows: Row[] = Array.from({ length: 4096 * 2 + 21 }, (_, index) => [
      BigInt(index + 1),
      index % 4,
      NOW_MS - index,
    ]);
    const counts = new Uint32Array(4);
    expect(scan(columnsOf(rows), rows.length, latestMs, counts)).toBe(true);
    expect([...counts]).toEqual(codeCounts(rows));
    for (const bad of [
      [0n, 0, NOW_MS],
      [1n, 4, NOW_MS],
      [1n, 0, NOW_MS + 1],
    ] as const) {
      const broken = [...rows.slice(0, -1), bad];
      expect(scan(columnsOf(broken), broken.length, latestMs, new Uint32Array(4))).toBe(false);
    }
  });
});

describe('logBatch on the scanned path', () => {
  it('stores id 2^63 and the largest id, which no scan shortcut may refuse', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const result = log.logBatch(
      batchOf([
        [2n ** 63n, 0, NOW_MS],
        [2n ** 64n - 1n, 1, NOW_MS],
      ]),
    );
    expect(result).toEqual({ ok: true, accepted: 2, refused: [] });
    expect(log.getEventsForUser(2n ** 63n)).toHaveLength(1);
  });

  it('stores a batch of several chunks in order, with its columns read through views', () => {
    const size = 4096 * 2 + 5;
    const ids = BigUint64Array.from({ length: size + 2 }, (_, index) => BigInt(index));
    const log = new ActivityLog({ clock: fixedClock });
    const result = log.logBatch({
      userIds: ids.subarray(1, size + 1),
      actionCodes: Uint8Array.from({ length: size }, (_, index) => index % 4),
      timestamps: Float64Array.from({ length: size }, (_, index) => NOW_MS - index),
    });
    expect(result).toEqual({ ok: true, accepted: size, refused: [] });
    expect(log.getEventsForUser(size).map((event) => event.timestamp.getTime())).toEqual([
      NOW_MS - (size - 1),
    ]);
  });
});

describe('the scans’ action codes', () => {
  it('are checked as the scans load: a count their two code bits cannot tell apart throws', () => {
    expect(() => {
      checkCodeCount(5);
    }).toThrow('the batch scans assume 4 action codes, not 5');
    expect(() => {
      checkCodeCount(ACTION_CODE_COUNT);
    }).not.toThrow();
  });
});
