import { describe, expect, it } from 'vitest';
import {
  ActionType,
  ActivityLog,
  type ActivityEvent,
  LogError,
  type LogErrorCode,
  type LogErrorField,
} from '../src/index.ts';
import { eventOf, fixedClock, NOW_MS } from './support/events.ts';
import { observe } from './support/snapshot.ts';

const past = new Date(NOW_MS - 60_000);
const valid = { userId: 1, actionType: ActionType.Login, timestamp: past };

/** A log holding one event of user 1, so "unchanged" is checked against a non-empty store. */
function seededLog(options: ConstructorParameters<typeof ActivityLog>[0] = {}): ActivityLog {
  const log = new ActivityLog({ clock: fixedClock, ...options });
  expect(log.logEvent({ ...valid, eventId: 'seed', details: { seeded: 'yes' } }).ok).toBe(true);
  return log;
}

function expectRefused(
  log: ActivityLog,
  event: unknown,
  code: LogErrorCode,
  field: LogErrorField,
): LogError {
  const before = observe(log);
  const result = log.logEvent(event as ActivityEvent);
  if (result.ok) throw new Error(`expected ${code}, the event was accepted`);
  expect(result.error).toBeInstanceOf(LogError);
  expect(result.error).toBeInstanceOf(Error);
  expect({ code: result.error.code, field: result.error.field }).toEqual({ code, field });
  expect(result.error.message).toContain(code);
  expect(observe(log)).toEqual(before);
  return result.error;
}

const throwingGetter = Object.defineProperty({ ...valid }, 'userId', {
  get(): never {
    throw new Error('boom');
  },
});

describe('INVALID_EVENT: not an object, a required field missing, or a bad event id', () => {
  it.each<[string, unknown, LogErrorField]>([
    ['null', null, 'event'],
    ['undefined', undefined, 'event'],
    ['a number', 42, 'event'],
    ['a string', 'login', 'event'],
    ['an array', [1, 'login', past], 'event'],
    ['no userId', { actionType: 'login', timestamp: past }, 'userId'],
    ['no actionType', { userId: 1, timestamp: past }, 'actionType'],
    ['no timestamp', { userId: 1, actionType: 'login' }, 'timestamp'],
    ['a getter that throws', throwingGetter, 'event'],
    ['an eventId that is a number', { ...valid, eventId: 7 }, 'eventId'],
    ['an empty eventId', { ...valid, eventId: '' }, 'eventId'],
    ['an eventId over 128 bytes', { ...valid, eventId: 'é'.repeat(65) }, 'eventId'],
    ['an eventId with a lone surrogate', { ...valid, eventId: 'a\uD800' }, 'eventId'],
  ])('%s', (_, event, field) => {
    expectRefused(seededLog(), event, 'INVALID_EVENT', field);
  });

  it('says which field is missing', () => {
    const error = expectRefused(
      seededLog(),
      { userId: 1, actionType: 'login' },
      'INVALID_EVENT',
      'timestamp',
    );
    expect(error.message).toContain('timestamp is missing');
  });
});

describe('INVALID_USER_ID: user ids are unsigned 64-bit integers from 1', () => {
  it.each<[string, unknown, string]>([
    ['0', 0, 'start at 1'],
    ['a negative number', -5, 'start at 1'],
    ['a fraction', 1.5, 'must be an integer'],
    ['NaN', Number.NaN, 'finite'],
    ['Infinity', Number.POSITIVE_INFINITY, 'finite'],
    ['-Infinity', Number.NEGATIVE_INFINITY, 'finite'],
    ['an unsafe integer number', 2 ** 53, 'bigint'],
    ['a string', '7', 'the string "7"'],
    ['null', null, 'null'],
    ['a boolean', true, 'boolean'],
    ['a function', () => 7, 'a function'],
    ['a symbol', Symbol('7'), 'a symbol'],
    ['an object', { id: 7 }, 'an object'],
    ['0n', 0n, 'start at 1'],
    ['a negative bigint', -1n, 'start at 1'],
    ['a bigint above 2^64 - 1', 2n ** 64n, '2^64 - 1'],
  ])('%s', (_, userId, says) => {
    const error = expectRefused(seededLog(), { ...valid, userId }, 'INVALID_USER_ID', 'userId');
    expect(error.message).toContain(says);
  });

  it('accepts the extremes 1 and 2^64 - 1, and 2^53 - 1 as a number', () => {
    const log = new ActivityLog({ clock: fixedClock });
    for (const userId of [1, 2n ** 64n - 1n, Number.MAX_SAFE_INTEGER]) {
      expect(log.logEvent({ ...valid, userId })).toEqual({ ok: true, duplicate: false });
    }
    expect(log.getEventsForUser(2n ** 64n - 1n).map((event) => event.userId)).toEqual([
      2n ** 64n - 1n,
    ]);
    expect(log.getEventsForUser(BigInt(Number.MAX_SAFE_INTEGER))[0]?.userId).toBe(
      Number.MAX_SAFE_INTEGER,
    );
  });

  it('is thrown by getEventsForUser for an id no user can have', () => {
    const log = seededLog();
    expect(() => log.getEventsForUser(0)).toThrow(LogError);
    expect(() => log.getEventsForUser(0)).toThrow(/INVALID_USER_ID/);
  });
});

describe('INVALID_ACTION_TYPE: anything but the four values', () => {
  it.each<[string, unknown]>([
    ['an unknown word', 'jump'],
    ['the wrong case', 'LOGIN'],
    ['an empty string', ''],
    ['an inherited property name', 'toString'],
    ['__proto__', '__proto__'],
    ['a batch code given as a number', 0],
    ['null', null],
  ])('%s', (_, actionType) => {
    const error = expectRefused(
      seededLog(),
      { ...valid, actionType },
      'INVALID_ACTION_TYPE',
      'actionType',
    );
    expect(error.message).toContain('login, logout, page_view, action_taken');
  });
});

describe('INVALID_TIMESTAMP: not a valid Date, or in the future beyond the clock skew', () => {
  it.each<[string, unknown, string]>([
    ['an ISO string', '2026-01-01T00:00:00Z', 'must be a Date'],
    ['a number of milliseconds', NOW_MS, 'must be a Date'],
    ['an invalid Date', new Date(Number.NaN), 'invalid Date'],
    ['an object that only looks like a Date', { getTime: () => NOW_MS }, 'must be a Date'],
    ['one millisecond in the future', new Date(NOW_MS + 1), 'later than now'],
    ['a year in the future', new Date(NOW_MS + 365 * 86_400_000), 'clock skew of 0 ms'],
  ])('%s', (_, timestamp, says) => {
    const error = expectRefused(
      seededLog(),
      { ...valid, timestamp },
      'INVALID_TIMESTAMP',
      'timestamp',
    );
    expect(error.message).toContain(says);
  });

  it('accepts now, and the future up to the configured clock skew', () => {
    const log = new ActivityLog({ clock: fixedClock, clockSkewMs: 2000 });
    expect(log.logEvent({ ...valid, timestamp: new Date(NOW_MS) }).ok).toBe(true);
    expect(log.logEvent({ ...valid, timestamp: new Date(NOW_MS + 2000) }).ok).toBe(true);
    expectRefused(
      log,
      { ...valid, timestamp: new Date(NOW_MS + 2001) },
      'INVALID_TIMESTAMP',
      'timestamp',
    );
  });

  it('uses the intrinsic time of a Date subclass, not an overridden getTime', () => {
    class LyingDate extends Date {
      override getTime(): number {
        return NOW_MS - 1000;
      }
    }
    expectRefused(
      seededLog(),
      { ...valid, timestamp: new LyingDate(NOW_MS + 10_000) },
      'INVALID_TIMESTAMP',
      'timestamp',
    );
  });
});

describe('INVALID_DETAILS: string-to-string entries within the limits', () => {
  const tooMany = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`k${i}`, 'v']));
  it.each<[string, unknown, string]>([
    ['a number value', { page: 3 }, 'details["page"] is the number 3'],
    ['an object value', { page: { path: '/' } }, 'values must be strings'],
    ['an empty key', { '': 'x' }, 'empty key'],
    ['33 entries (default limit 32)', tooMany, '33 entries'],
    ['4097 bytes (default limit 4096)', { k: 'x'.repeat(4096) }, '4097 bytes'],
    ['an array', ['a', 'b'], 'Map or a plain object'],
    ['a string', 'path=/', 'Map or a plain object'],
    ['null', null, 'Map or a plain object'],
    ['a class instance', new Date(NOW_MS), 'instance of a class'],
    ['a Map with a number key', new Map([[1, 'x']]), 'keys must be strings'],
    ['a Map with a number value', new Map([['k', 1]]), 'values must be strings'],
    ['a lone surrogate in a value', { k: '\uDC00' }, 'lone UTF-16 surrogate'],
  ])('%s', (_, details, says) => {
    const error = expectRefused(seededLog(), { ...valid, details }, 'INVALID_DETAILS', 'details');
    expect(error.message).toContain(says);
  });

  it('counts bytes of UTF-8, not UTF-16 code units', () => {
    const log = new ActivityLog({ clock: fixedClock, maxDetailBytes: 8 });
    expect(log.logEvent({ ...valid, details: { k: 'ééé' } }).ok).toBe(true); // 1 + 6 bytes
    expectRefused(log, { ...valid, details: { k: 'éééé' } }, 'INVALID_DETAILS', 'details');
  });

  it('honours configured limits', () => {
    const log = seededLog({ maxDetailEntries: 1 });
    expectRefused(log, { ...valid, details: { a: '1', b: '2' } }, 'INVALID_DETAILS', 'details');
  });

  it('stores a __proto__ or constructor key as a plain entry, polluting nothing', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const details = JSON.parse('{"__proto__":"x","constructor":"y","toString":"z"}') as Record<
      string,
      string
    >;
    expect(log.logEvent({ ...valid, details }).ok).toBe(true);
    expect(log.logEvent({ ...valid, details: new Map([['__proto__', 'm']]) }).ok).toBe(true);
    const [fromObject, fromMap] = log.getEventsForUser(1).map((event) => event.details);
    expect(Object.getPrototypeOf(fromObject)).toBeNull();
    expect(Object.entries(fromObject ?? {})).toEqual([
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['toString', 'z'],
    ]);
    expect(Object.entries(fromMap ?? {})).toEqual([['__proto__', 'm']]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('CAPACITY_EXCEEDED: a full store refuses, never drops', () => {
  it('refuses the event after the last row is taken', () => {
    const log = new ActivityLog({ clock: fixedClock, capacity: 2 });
    expect(log.logEvent(eventOf(1)).ok).toBe(true);
    expect(log.logEvent(eventOf(2)).ok).toBe(true);
    const error = expectRefused(log, eventOf(3), 'CAPACITY_EXCEEDED', 'store');
    expect(error.message).toContain('capacity of 2 events');
    expect(log.countEvents()).toBe(2);
  });

  it('refuses an event whose id and details no longer fit the extras area', () => {
    const log = new ActivityLog({ clock: fixedClock, extrasBytes: 64 });
    expect(log.logEvent({ ...valid, details: { k: 'v'.repeat(30) } }).ok).toBe(true);
    const error = expectRefused(
      log,
      { ...valid, details: { k: 'v'.repeat(30) } },
      'CAPACITY_EXCEEDED',
      'store',
    );
    expect(error.message).toContain('extrasBytes');
    expect(log.logEvent(eventOf(1)).ok).toBe(true); // rows without extras still fit
  });

  it('frees the event id of a refused event, so a retry with room is stored', () => {
    const log = new ActivityLog({ clock: fixedClock, capacity: 1 });
    expect(log.logEvent(eventOf(2)).ok).toBe(true);
    expectRefused(log, { ...valid, eventId: 'retry-me' }, 'CAPACITY_EXCEEDED', 'store');
    const roomier = new ActivityLog({ clock: fixedClock, capacity: 2 });
    expect(roomier.logEvent({ ...valid, eventId: 'retry-me' })).toEqual({
      ok: true,
      duplicate: false,
    });
  });
});

describe('bad options are programming errors, thrown at construction', () => {
  it.each<[string, ConstructorParameters<typeof ActivityLog>[0], RegExp]>([
    ['capacity 0', { capacity: 0 }, /capacity must be an integer from 1/],
    ['a fractional capacity', { capacity: 1.5 }, /capacity/],
    ['a negative clock skew', { clockSkewMs: -1 }, /clockSkewMs/],
    ['a NaN detail limit', { maxDetailBytes: Number.NaN }, /maxDetailBytes/],
  ])('%s', (_, options, message) => {
    expect(() => new ActivityLog(options)).toThrow(RangeError);
    expect(() => new ActivityLog(options)).toThrow(message);
  });
});
