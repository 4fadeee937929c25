import { describe, expect, it } from 'vitest';
import { ActionType, ActivityLog, MAX_PRODUCERS } from '../src/index.ts';
import { batchOf, eventOf, fixedClock, NOW_MS } from './support/events.ts';
import { observe } from './support/snapshot.ts';

describe('idempotency by eventId', () => {
  it('acknowledges an accepted id again as a duplicate and does not store it twice', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const first = { ...eventOf(1, ActionType.Login), eventId: 'evt-1' };
    expect(log.logEvent(first)).toEqual({ ok: true, duplicate: false });
    expect(log.logEvent(first)).toEqual({ ok: true, duplicate: true });
    expect(log.countEvents()).toBe(1);
  });

  it('keeps the first event when a later one reuses its id with other content', () => {
    const log = new ActivityLog({ clock: fixedClock });
    log.logEvent({ ...eventOf(1, ActionType.Login), eventId: 'evt-1', details: { v: '1' } });
    const retry = { ...eventOf(1, ActionType.Logout), eventId: 'evt-1', details: { v: '2' } };
    expect(log.logEvent(retry)).toEqual({ ok: true, duplicate: true });
    const [stored] = log.getEventsForUser(1);
    expect(stored?.actionType).toBe(ActionType.Login);
    expect(stored?.details).toEqual({ v: '1' });
    expect(stored?.eventId).toBe('evt-1');
  });

  it('does not let a refused event claim its id', () => {
    const log = new ActivityLog({ clock: fixedClock });
    expect(log.logEvent({ ...eventOf(0), eventId: 'evt-2' }).ok).toBe(false);
    expect(log.logEvent({ ...eventOf(1), eventId: 'evt-2' })).toEqual({
      ok: true,
      duplicate: false,
    });
  });

  it('still refuses an invalid event that reuses an accepted id: validation comes first', () => {
    const log = new ActivityLog({ clock: fixedClock });
    log.logEvent({ ...eventOf(1), eventId: 'evt-3' });
    const result = log.logEvent({ ...eventOf(0), eventId: 'evt-3' });
    expect(result.ok ? undefined : result.error.code).toBe('INVALID_USER_ID');
  });

  it('acknowledges a duplicate even when the store is full', () => {
    const log = new ActivityLog({ clock: fixedClock, capacity: 1 });
    log.logEvent({ ...eventOf(1), eventId: 'only' });
    expect(log.logEvent({ ...eventOf(1), eventId: 'only' })).toEqual({ ok: true, duplicate: true });
    const other = log.logEvent({ ...eventOf(1), eventId: 'other' });
    expect(other.ok ? undefined : other.error.code).toBe('CAPACITY_EXCEEDED');
  });

  it('stores every event without an eventId, even identical ones', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const event = eventOf(5, ActionType.PageView);
    expect(log.logEvent(event)).toEqual({ ok: true, duplicate: false });
    expect(log.logEvent(event)).toEqual({ ok: true, duplicate: false });
    expect(log.countEvents()).toBe(2);
  });

  it('tells ids apart exactly, across thousands of ids filling the store', () => {
    const capacity = 5000;
    const log = new ActivityLog({ clock: fixedClock, capacity });
    const ids = Array.from({ length: capacity }, (_, i) => `evt-${i}`);
    const first = ids.map((eventId, i) => log.logEvent({ ...eventOf(1 + (i % 7)), eventId }));
    const again = ids.map((eventId) => log.logEvent({ ...eventOf(1), eventId }));
    expect(first.every((result) => result.ok && !result.duplicate)).toBe(true);
    expect(again.every((result) => result.ok && result.duplicate)).toBe(true);
    expect(log.countEvents()).toBe(capacity);
  });

  it('sees ids accepted through another log attached to the same shared store', () => {
    const owner = new ActivityLog({ clock: fixedClock });
    const attached = new ActivityLog({ store: owner.share(), clock: fixedClock });
    expect(owner.logEvent({ ...eventOf(1), eventId: 'shared-1' }).ok).toBe(true);
    expect(attached.logEvent({ ...eventOf(1), eventId: 'shared-1' })).toEqual({
      ok: true,
      duplicate: true,
    });
    expect(attached.countEvents()).toBe(1);
  });

  it('never deduplicates the rows of a batch without a sequence, which carry no event id', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const batch = batchOf([[9n, 0, NOW_MS - 10]]);
    log.logBatch(batch);
    log.logBatch(batch);
    expect(log.getEventsForUser(9)).toHaveLength(2);
  });
});

describe('idempotency of sequenced batches (producerId and firstSequence)', () => {
  /** `rows` valid rows of user `userId`, their timestamps telling them apart. */
  function rowsOf(userId: bigint, from: number, rows: number) {
    return batchOf(
      Array.from({ length: rows }, (_, index) => [userId, 2, NOW_MS - 10_000 + from + index]),
    );
  }
  const sequenced = (from: number, rows: number, producerId = 7, userId = 1n) => ({
    ...rowsOf(userId, from, rows),
    producerId,
    firstSequence: from,
  });
  const storedTimes = (log: ActivityLog, userId = 1) =>
    log.getEventsForUser(userId).map((event) => event.timestamp.getTime() - (NOW_MS - 10_000));

  it('acknowledges a retried batch as duplicates and stores nothing again', () => {
    const log = new ActivityLog({ clock: fixedClock });
    expect(log.logBatch(sequenced(0, 50))).toEqual({
      ok: true,
      accepted: 50,
      duplicates: 0,
      refused: [],
    });
    const before = observe(log);
    expect(log.logBatch(sequenced(0, 50))).toEqual({
      ok: true,
      accepted: 0,
      duplicates: 50,
      refused: [],
    });
    expect(observe(log)).toEqual(before);
  });

  it('stores only the rows after those already sent when a batch repeats the end of the last', () => {
    const log = new ActivityLog({ clock: fixedClock });
    log.logBatch(sequenced(0, 100));
    const result = log.logBatch(sequenced(59, 100));
    expect(result).toEqual({ ok: true, accepted: 59, duplicates: 41, refused: [] });
    expect(storedTimes(log)).toEqual(Array.from({ length: 159 }, (_, index) => index));
  });

  it('refuses a batch that would leave a gap, whole, naming the sequence to resend from', () => {
    const log = new ActivityLog({ clock: fixedClock });
    log.logBatch(sequenced(0, 10));
    const before = observe(log);
    const result = log.logBatch(sequenced(11, 5));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect([result.error.code, result.error.field]).toEqual(['SEQUENCE_GAP', 'batch']);
    expect(result.error.message).toContain('resend from 10');
    expect(observe(log)).toEqual(before);
    expect(log.logBatch(sequenced(10, 6))).toMatchObject({ ok: true, accepted: 6 });
  });

  it('lets refused rows consume their sequence numbers, so a retry refuses nothing again', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const batch = sequenced(0, 20);
    batch.userIds[4] = 0n;
    expect(log.logBatch(batch)).toMatchObject({ ok: true, accepted: 19, duplicates: 0 });
    expect(log.logBatch(batch)).toEqual({ ok: true, accepted: 0, duplicates: 20, refused: [] });
  });

  it('does not consume the rows refused for want of room: they may be sent again', () => {
    const log = new ActivityLog({ clock: fixedClock, capacity: 6 });
    const result = log.logBatch(sequenced(0, 10));
    expect(result.ok && result.refused.map(({ row, code }) => [row, code])).toEqual(
      [6, 7, 8, 9].map((row) => [row, 'CAPACITY_EXCEEDED']),
    );
    expect(log.logBatch(sequenced(6, 4))).toMatchObject({ ok: true, accepted: 0, duplicates: 0 });
    expect(log.logBatch(sequenced(10, 1))).toMatchObject({ ok: false });
  });

  it('keeps each producer to its own sequence, and every log sharing the store to the same', () => {
    const owner = new ActivityLog({ clock: fixedClock });
    const attached = new ActivityLog({ store: owner.share(), clock: fixedClock });
    owner.logBatch(sequenced(0, 10, 1));
    expect(attached.logBatch(sequenced(0, 10, 2, 2n))).toMatchObject({ accepted: 10 });
    expect(attached.logBatch(sequenced(0, 10, 1))).toMatchObject({ accepted: 0, duplicates: 10 });
    expect(owner.countEvents()).toBe(20);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['a producer without a first sequence', { producerId: 7 }, 'give both or neither'],
    ['a first sequence without a producer', { firstSequence: 0 }, 'give both or neither'],
    ['producer 0', { producerId: 0, firstSequence: 0 }, 'producerId must be an integer'],
    ['producer 2^32', { producerId: 2 ** 32, firstSequence: 0 }, 'producerId must be'],
    ['a fractional producer', { producerId: 1.5, firstSequence: 0 }, 'producerId must be'],
    ['a producer as a string', { producerId: '7', firstSequence: 0 }, 'producerId must be'],
    ['a negative first sequence', { producerId: 7, firstSequence: -1 }, 'firstSequence must be'],
    ['an unsafe first sequence', { producerId: 7, firstSequence: 2 ** 53 }, 'firstSequence must'],
    [
      'sequence numbers past 2^53 - 1',
      { producerId: 7, firstSequence: 2 ** 53 - 3 },
      'pass 2^53 - 1',
    ],
  ])('refuses %s as INVALID_EVENT, storing nothing', (_, fields, says) => {
    const log = new ActivityLog({ clock: fixedClock });
    const result = log.logBatch({ ...rowsOf(1n, 0, 5), ...fields });
    expect(result.ok ? undefined : [result.error.code, result.error.field]).toEqual([
      'INVALID_EVENT',
      'batch',
    ]);
    expect(result.ok ? '' : result.error.message).toContain(says);
    expect(log.countEvents()).toBe(0);
  });

  it(`refuses a new producer once the store tracks ${MAX_PRODUCERS}, whole, as CAPACITY_EXCEEDED`, () => {
    const log = new ActivityLog({ clock: fixedClock, capacity: MAX_PRODUCERS + 10 });
    for (let producer = 1; producer <= MAX_PRODUCERS; producer++) {
      expect(log.logBatch(sequenced(0, 1, producer))).toMatchObject({ ok: true, accepted: 1 });
    }
    const result = log.logBatch(sequenced(0, 1, MAX_PRODUCERS + 1));
    expect(result.ok ? undefined : result.error.code).toBe('CAPACITY_EXCEEDED');
    expect(log.countEvents()).toBe(MAX_PRODUCERS);
    expect(log.logBatch(sequenced(1, 1, 1))).toMatchObject({ ok: true, accepted: 1 });
  });
});
