import { describe, expect, it } from 'vitest';
import { ActionType, ActivityLog } from '../src/index.ts';
import { batchOf, eventOf, fixedClock, NOW_MS } from './support/events.ts';

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

  it('never deduplicates batch rows, which carry no event id', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const batch = batchOf([[9n, 0, NOW_MS - 10]]);
    log.logBatch(batch);
    log.logBatch(batch);
    expect(log.getEventsForUser(9)).toHaveLength(2);
  });
});
