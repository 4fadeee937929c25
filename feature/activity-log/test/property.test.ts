import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTION_TYPE_BY_CODE,
  ActionType,
  ActivityLog,
  type ActivityEvent,
  LogError,
  LogErrorCode,
} from '../src/index.ts';
import { fixedClock, NOW_MS } from './support/events.ts';

const codes: readonly string[] = Object.values(LogErrorCode);
const validEvent = fc.record({
  userId: fc.oneof(fc.integer({ min: 1 }), fc.bigInt({ min: 1n, max: 2n ** 64n - 1n })),
  actionType: fc.constantFrom(...ACTION_TYPE_BY_CODE),
  timestamp: fc.date({ min: new Date(0), max: new Date(NOW_MS), noInvalidDate: true }),
});

/** Values that are never a valid user id. */
const badUserId = fc.oneof(
  fc.integer({ max: 0 }),
  fc.double().filter((value) => !Number.isSafeInteger(value) || value < 1),
  fc.bigInt({ max: 0n }),
  fc.bigInt({ min: 2n ** 64n }),
  fc.string(),
  fc.constantFrom(null, true, false, [], {}, Symbol('id')),
);
const badActionType = fc
  .anything()
  .filter((value) => !ACTION_TYPE_BY_CODE.includes(value as ActionType));
const badTimestamp = fc.oneof(
  fc.anything().filter((value) => !(value instanceof Date)),
  fc.constant(new Date(Number.NaN)),
  fc.date({ min: new Date(NOW_MS + 1), noInvalidDate: true }),
);
const badDetails = fc.oneof(
  fc.dictionary(fc.string(), fc.oneof(fc.integer(), fc.boolean(), fc.constant(null)), {
    minKeys: 1,
  }),
  fc.constant({ '': 'empty key' }),
  fc.array(fc.string(), { minLength: 1 }),
  fc.string(),
);
const badEventId = fc.oneof(
  fc.constant(''),
  fc.integer(),
  fc.string({ minLength: 129, maxLength: 300 }),
);

/** A valid event with one or more fields spoiled, or something that is no event at all. */
const malformedEvent: fc.Arbitrary<unknown> = fc.oneof(
  fc.tuple(validEvent, badUserId).map(([event, userId]) => ({ ...event, userId })),
  fc.tuple(validEvent, badActionType).map(([event, actionType]) => ({ ...event, actionType })),
  fc.tuple(validEvent, badTimestamp).map(([event, timestamp]) => ({ ...event, timestamp })),
  fc.tuple(validEvent, badDetails).map(([event, details]) => ({ ...event, details })),
  fc.tuple(validEvent, badEventId).map(([event, eventId]) => ({ ...event, eventId })),
  fc
    .tuple(validEvent, fc.constantFrom('userId', 'actionType', 'timestamp'))
    .map(([event, key]) =>
      Object.fromEntries(Object.entries(event).filter(([name]) => name !== key)),
    ),
  fc.oneof(
    fc.string(),
    fc.integer(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(fc.anything()),
  ),
);

describe('properties of logEvent', () => {
  it('a malformed event never throws, returns a typed error and never changes countEvents()', () => {
    const log = new ActivityLog({ clock: fixedClock });
    log.logEvent({ userId: 1, actionType: ActionType.Login, timestamp: new Date(NOW_MS) });
    fc.assert(
      fc.property(malformedEvent, (event) => {
        const before = log.countEvents();
        const result = log.logEvent(event as ActivityEvent);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error).toBeInstanceOf(LogError);
        expect(codes).toContain(result.error.code);
        expect(result.error.message.length).toBeGreaterThan(result.error.code.length);
        expect(log.countEvents()).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it('any value at all never throws, and changes the count only when accepted', () => {
    const log = new ActivityLog({ clock: fixedClock });
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withDate: true, withMap: true }), (value) => {
        const before = log.countEvents();
        const result = log.logEvent(value as ActivityEvent);
        expect(log.countEvents()).toBe(result.ok ? before + 1 : before);
      }),
      { numRuns: 300 },
    );
  });

  it('matches a simple model: per-user order, counts and idempotency by event id', () => {
    const step = fc.record({
      event: validEvent,
      eventId: fc.option(fc.constantFrom('a', 'b', 'c', 'd'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const log = new ActivityLog({ clock: fixedClock });
        const seen = new Set<string>();
        const model = new Map<string, number[]>();
        for (const { event, eventId } of steps) {
          const result = log.logEvent(eventId === undefined ? event : { ...event, eventId });
          const duplicate = eventId !== undefined && seen.has(eventId);
          expect(result).toEqual({ ok: true, duplicate });
          if (duplicate) continue;
          if (eventId !== undefined) seen.add(eventId);
          const key = BigInt(event.userId).toString();
          model.set(key, [...(model.get(key) ?? []), event.timestamp.getTime()]);
        }
        expect(log.countEvents()).toBe([...model.values()].flat().length);
        for (const [user, times] of model) {
          const stored = log
            .getEventsForUser(BigInt(user))
            .map((event) => event.timestamp.getTime());
          expect(stored).toEqual(times);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('one set of rules for both APIs', () => {
  const row = fc.record({
    userId: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n })),
    code: fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 255 })),
    timeMs: fc.oneof(
      fc.integer({ min: -8.64e15, max: 8.64e15 }),
      fc.integer({ min: NOW_MS - 10, max: NOW_MS + 10 }),
      fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -8.64e15 - 1),
    ),
  });

  it('a batch row and the same event are accepted or refused with the same code', () => {
    fc.assert(
      fc.property(row, ({ userId, code, timeMs }) => {
        const single = new ActivityLog({ clock: fixedClock, capacity: 1 });
        const batched = new ActivityLog({ clock: fixedClock, capacity: 1 });
        const event = {
          userId,
          actionType: (ACTION_TYPE_BY_CODE[code] ?? `code-${code}`) as ActionType,
          timestamp: new Date(timeMs),
        };
        const one = single.logEvent(event);
        const batch = batched.logBatch({
          userIds: BigUint64Array.of(userId),
          actionCodes: Uint8Array.of(code),
          timestamps: Float64Array.of(timeMs),
        });
        if (!batch.ok) throw batch.error;
        expect(batch.refused[0]?.code).toBe(one.ok ? undefined : one.error.code);
        expect(batched.getEventsForUser(userId === 0n ? 1n : userId)).toEqual(
          single.getEventsForUser(userId === 0n ? 1n : userId),
        );
      }),
      { numRuns: 500 },
    );
  });
});
