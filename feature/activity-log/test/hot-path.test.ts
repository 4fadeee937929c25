import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  jsRowChecker,
  type RowChecker,
  SCRATCH_LIST,
  SCRATCH_REFUSALS,
  simdRowChecksAvailable,
  wasmRowChecker,
} from '../src/batch/index.ts';
import { ACTION_CODE_COUNT } from '../src/action-type.ts';
import { checkCodeCount } from '../src/batch/rows/codes.ts';
import { ActivityLog, DEFAULT_LIMITS } from '../src/index.ts';
import { EventStore } from '../src/store/index.ts';
import { batchOf, fixedClock, NOW_MS } from './support/events.ts';

/**
 * The batch hot path copies each window of rows into the store's columns and checks it there in
 * place (WebAssembly SIMD, or plain JavaScript where the engine has no SIMD), compacting a window
 * with refused rows. Both implementations must agree exactly with the per-row rules, written out
 * again here as the reference.
 */

type Row = readonly [bigint, number, number];

const latestMs = NOW_MS;
const EARLIEST = -8.64e15;

/** The reference: the first rule a row breaks (1 user id, 2 action, 3 timestamp), or 0. */
function referenceVerdict([userId, code, time]: Row): number {
  if (userId === 0n) return 1;
  if (code > 3) return 2;
  if (!(time >= EARLIEST && time <= latestMs)) return 3;
  return 0;
}

const validRow: fc.Arbitrary<Row> = fc.tuple(
  fc.bigInt({ min: 1n, max: 2n ** 64n - 1n }),
  fc.integer({ min: 0, max: 3 }),
  fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: NOW_MS - 86_400_000, max: NOW_MS }) },
    { weight: 1, arbitrary: fc.constantFrom(EARLIEST, NOW_MS, -0, 0.5) },
  ),
);
const anyRow: fc.Arbitrary<Row> = fc.tuple(
  fc.oneof(
    fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }),
    fc.constantFrom(0n, 1n, 2n ** 32n, 2n ** 63n, 2n ** 64n - 1n),
  ),
  fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 })),
  fc.oneof(
    fc.integer({ min: NOW_MS - 1000, max: NOW_MS + 1000 }),
    fc.constantFrom(Number.NaN, Infinity, -Infinity, EARLIEST, EARLIEST - 1, 0, -1, NOW_MS),
    fc.double(),
  ),
);
/** A valid row with one field just past its rule's edge. */
const edgeRow: fc.Arbitrary<Row> = fc.oneof(
  validRow.map(([, code, time]): Row => [0n, code, time]),
  fc
    .tuple(validRow, fc.constantFrom(4, 5, 7, 8, 16, 64, 128, 255))
    .map(([[userId, , time], code]): Row => [userId, code, time]),
  fc
    .tuple(validRow, fc.constantFrom(Number.NaN, NOW_MS + 1, EARLIEST - 1, Infinity, -Infinity))
    .map(([[userId, code], time]): Row => [userId, code, time]),
);
/** Mostly valid windows, some with a few bad rows, of lengths around the vector widths. */
const windowRows = fc.oneof(
  fc.array(validRow, { maxLength: 90, size: 'max' }),
  fc.array(anyRow, { maxLength: 90, size: 'max' }),
  fc
    .tuple(fc.array(validRow, { minLength: 16, maxLength: 90, size: 'max' }), edgeRow, fc.nat())
    .map(([rows, bad, at]) => [
      ...rows.slice(0, at % rows.length),
      bad,
      ...rows.slice(at % rows.length),
    ]),
);

const CAPACITY = 512;

function storeWith(rows: readonly Row[], from: number): EventStore {
  const store = EventStore.create(CAPACITY, 0, DEFAULT_LIMITS);
  rows.forEach(([userId, code, time], index) => {
    store.userIds[from + index] = userId;
    store.actionCodes[from + index] = code;
    store.timestamps[from + index] = time;
  });
  return store;
}

function storedRows(store: EventStore, from: number, count: number): Row[] {
  return Array.from({ length: count }, (_, index) => [
    store.userIds[from + index] ?? -1n,
    store.actionCodes[from + index] ?? -1,
    store.timestamps[from + index] ?? -1,
  ]);
}

/** [rows with code bit 0, with bit 1, with both], as the checks count them. */
function codeBits(rows: readonly Row[]): number[] {
  const bits = [0, 0, 0];
  for (const [, code] of rows) {
    bits[0] = (bits[0] ?? 0) + (code & 1);
    bits[1] = (bits[1] ?? 0) + ((code >> 1) & 1);
    bits[2] = (bits[2] ?? 0) + (code & (code >> 1) & 1);
  }
  return bits;
}

const checkers: readonly (readonly [string, (store: EventStore) => RowChecker | undefined])[] = [
  ['the JavaScript row checks', jsRowChecker],
  ['the WebAssembly SIMD row checks', wasmRowChecker],
];

function checkerOf(make: (store: EventStore) => RowChecker | undefined, store: EventStore) {
  const checker = make(store);
  if (checker === undefined) throw new Error('no row checker for this store');
  return checker;
}

describe('the batch row checks', () => {
  it('run on WebAssembly SIMD on the Node.js versions certify supports', () => {
    expect(simdRowChecksAvailable).toBe(true);
    expect(checkerOf(wasmRowChecker, EventStore.create(16, 0, DEFAULT_LIMITS)).engine).toBe(
      'wasm-simd',
    );
  });

  it.each(checkers)('%s pass exactly the windows the per-row rules pass', (_, make) => {
    fc.assert(
      fc.property(windowRows, fc.integer({ min: 0, max: 37 }), (rows, from) => {
        const checker = checkerOf(make, storeWith(rows, from));
        const allValid = rows.every((row) => referenceVerdict(row) === 0);
        const flags = checker.check(from, rows.length, latestMs);
        expect(flags === 0).toBe(allValid);
        if (allValid) expect([...checker.scratch.subarray(0, 3)]).toEqual(codeBits(rows));
      }),
      { numRuns: 500 },
    );
  });

  it.each(checkers)(
    '%s count every row, then compact the accepted ones in order and list the others',
    (_, make) => {
      fc.assert(
        fc.property(windowRows, fc.integer({ min: 0, max: 37 }), (rows, from) => {
          const store = storeWith(rows, from);
          const checker = checkerOf(make, store);
          const accepted = rows.filter((row) => referenceVerdict(row) === 0);
          const refused = rows.flatMap((row, index) => {
            const verdict = referenceVerdict(row);
            return verdict === 0 ? [] : [index * 4 + verdict];
          });
          checker.check(from, rows.length, latestMs);
          expect([...checker.scratch.subarray(0, 3)]).toEqual(codeBits(rows));
          expect(checker.compact(from, rows.length, latestMs)).toBe(accepted.length);
          expect(storedRows(store, from, accepted.length)).toEqual(accepted);
          const listed = checker.scratch[SCRATCH_REFUSALS] ?? 0;
          const list = checker.scratch.subarray(SCRATCH_LIST, SCRATCH_LIST + listed);
          expect([...list]).toEqual(refused);
        }),
        { numRuns: 500 },
      );
    },
  );

  it.each(checkers)('%s leave the rows before the window alone', (_, make) => {
    const before: Row = [7n, 1, NOW_MS - 5];
    const rows: Row[] = [before, ...Array.from({ length: 40 }, (): Row => [0n, 0, NOW_MS])];
    const store = storeWith(rows, 0);
    const checker = checkerOf(make, store);
    expect(checker.check(1, 40, latestMs)).not.toBe(0);
    expect(checker.compact(1, 40, latestMs)).toBe(0);
    expect(storedRows(store, 0, 1)).toEqual([before]);
  });
});

describe('logBatch on the checked path', () => {
  it('stores id 2^63 and the largest id, which no vector shortcut may refuse', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const result = log.logBatch(
      batchOf([
        [2n ** 63n, 0, NOW_MS],
        [2n ** 64n - 1n, 1, NOW_MS],
      ]),
    );
    expect(result).toEqual({ ok: true, accepted: 2, duplicates: 0, refused: [] });
    expect(log.getEventsForUser(2n ** 63n)).toHaveLength(1);
  });

  it('stores a batch of several windows in order, with its columns read through views', () => {
    const size = 4096 * 2 + 5;
    const ids = BigUint64Array.from({ length: size + 2 }, (_, index) => BigInt(index));
    const log = new ActivityLog({ clock: fixedClock });
    const result = log.logBatch({
      userIds: ids.subarray(1, size + 1),
      actionCodes: Uint8Array.from({ length: size }, (_, index) => index % 4),
      timestamps: Float64Array.from({ length: size }, (_, index) => NOW_MS - index),
    });
    expect(result).toEqual({ ok: true, accepted: size, duplicates: 0, refused: [] });
    expect(log.getEventsForUser(size).map((event) => event.timestamp.getTime())).toEqual([
      NOW_MS - (size - 1),
    ]);
  });

  it('refuses bad rows of every window of a long batch, storing the rest in order', () => {
    const size = 4096 * 3;
    const bad = new Set([0, 4095, 4096, 9000, size - 1]);
    const log = new ActivityLog({ clock: fixedClock });
    const result = log.logBatch({
      userIds: BigUint64Array.from({ length: size }, (_, row) => (bad.has(row) ? 0n : 1n)),
      actionCodes: new Uint8Array(size),
      timestamps: Float64Array.from({ length: size }, (_, row) => NOW_MS - row),
    });
    expect(result.ok && result.refused.map(({ row }) => row)).toEqual([...bad]);
    const times = log.getEventsForUser(1).map((event) => event.timestamp.getTime());
    expect(times).toHaveLength(size - bad.size);
    expect(times).toEqual(
      Array.from({ length: size }, (_, row) => row)
        .filter((row) => !bad.has(row))
        .map((row) => NOW_MS - row),
    );
  });

  it('fills a store exactly, refusing the valid rows beyond it and naming the invalid ones', () => {
    const log = new ActivityLog({ clock: fixedClock, capacity: 40 });
    const rows: Row[] = Array.from({ length: 60 }, (_, row) => [row === 50 ? 0n : 1n, 0, NOW_MS]);
    rows[3] = [1n, 9, NOW_MS];
    const result = log.logBatch(batchOf(rows));
    expect(log.countEvents()).toBe(40);
    if (!result.ok) throw result.error;
    expect(result.accepted).toBe(40);
    expect(result.refused[0]).toMatchObject({ row: 3, code: 'INVALID_ACTION_TYPE' });
    expect(result.refused.find(({ row }) => row === 50)?.code).toBe('INVALID_USER_ID');
    expect(result.refused.filter(({ code }) => code === 'CAPACITY_EXCEEDED')).toHaveLength(18);
  });
});

describe('the row checks’ action codes', () => {
  it('are checked as the row checks load: a count their two code bits cannot tell apart throws', () => {
    expect(() => {
      checkCodeCount(5);
    }).toThrow('the batch row checks assume 4 action codes, not 5');
    expect(() => {
      checkCodeCount(ACTION_CODE_COUNT);
    }).not.toThrow();
  });
});
