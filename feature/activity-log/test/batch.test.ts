import { describe, expect, it } from 'vitest';
import { ACTION_TYPE_BY_CODE, ActionType, ActivityLog, type ActivityBatch } from '../src/index.ts';
import { batchOf, eventOf, fixedClock, NOW_MS } from './support/events.ts';
import { observe } from './support/snapshot.ts';

const t = NOW_MS - 1000;

describe('logBatch', () => {
  it('stores a fully valid batch in batch order, readable like single events', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const result = log.logBatch(
      batchOf([
        [1n, 0, t],
        [2n, 2, t + 1],
        [1n, 3, t + 2],
        [2n ** 64n - 1n, 1, t + 3],
      ]),
    );
    expect(result).toEqual({ ok: true, accepted: 4, duplicates: 0, refused: [] });
    expect(log.countEvents()).toBe(4);
    expect(log.getEventsForUser(1)).toEqual([
      { userId: 1, actionType: ActionType.Login, timestamp: new Date(t) },
      { userId: 1, actionType: ActionType.ActionTaken, timestamp: new Date(t + 2) },
    ]);
    expect(log.getEventsForUser(2n ** 64n - 1n)[0]?.actionType).toBe(ActionType.Logout);
  });

  it('documents the action-code order: login, logout, page_view, action_taken', () => {
    expect(ACTION_TYPE_BY_CODE).toEqual(['login', 'logout', 'page_view', 'action_taken']);
  });

  it('reports each refused row with its index and code, and stores the valid ones in order', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const result = log.logBatch(
      batchOf([
        [1n, 0, t],
        [0n, 0, t],
        [1n, 4, t],
        [1n, 2, Number.NaN],
        [1n, 2, NOW_MS + 1],
        [1n, 2, Number.NEGATIVE_INFINITY],
        [1n, 2, -8.64e15 - 1],
        [1n, 1, t + 5],
        [0n, 9, Number.NaN],
      ]),
    );
    if (!result.ok) throw result.error;
    expect(result.accepted).toBe(2);
    expect(result.refused.map(({ row, code }) => [row, code])).toEqual([
      [1, 'INVALID_USER_ID'],
      [2, 'INVALID_ACTION_TYPE'],
      [3, 'INVALID_TIMESTAMP'],
      [4, 'INVALID_TIMESTAMP'],
      [5, 'INVALID_TIMESTAMP'],
      [6, 'INVALID_TIMESTAMP'],
      [8, 'INVALID_USER_ID'],
    ]);
    expect(result.refused.every(({ message }) => message.length > 0)).toBe(true);
    expect(log.getEventsForUser(1).map((event) => event.actionType)).toEqual(['login', 'logout']);
  });

  it('accepts the future up to the clock skew, read once for the whole batch', () => {
    let reads = 0;
    const log = new ActivityLog({ clock: () => (reads++, NOW_MS), clockSkewMs: 500 });
    const result = log.logBatch(
      batchOf([
        [1n, 0, NOW_MS + 500],
        [1n, 0, NOW_MS + 501],
        [1n, 0, NOW_MS],
      ]),
    );
    expect(result.ok && result.refused.map(({ row }) => row)).toEqual([1]);
    expect(reads).toBe(1);
  });

  it('fills the store to capacity and refuses the remaining valid rows, never dropping them', () => {
    const log = new ActivityLog({ clock: fixedClock, capacity: 3 });
    log.logEvent(eventOf(7));
    const result = log.logBatch(
      batchOf([
        [1n, 0, t],
        [0n, 0, t],
        [2n, 0, t],
        [3n, 0, t],
      ]),
    );
    expect(result.ok && result.refused.map(({ row, code }) => [row, code])).toEqual([
      [1, 'INVALID_USER_ID'],
      [3, 'CAPACITY_EXCEEDED'],
    ]);
    expect(result.ok && result.accepted).toBe(2);
    expect(log.getEventsForUser(2)).toHaveLength(1);
    expect(log.getEventsForUser(3)).toHaveLength(0);
  });

  it('refuses valid rows of a fully valid batch that does not fit', () => {
    const log = new ActivityLog({ clock: fixedClock, capacity: 2 });
    const result = log.logBatch(
      batchOf([
        [1n, 0, t],
        [2n, 0, t],
        [3n, 0, t],
      ]),
    );
    expect(result.ok && result.refused.map(({ row, code }) => [row, code])).toEqual([
      [2, 'CAPACITY_EXCEEDED'],
    ]);
    expect(log.countEvents()).toBe(2);
  });

  it('accepts an empty batch and reads columns that are views into a larger buffer', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const empty = batchOf([]);
    expect(log.logBatch(empty)).toEqual({ ok: true, accepted: 0, duplicates: 0, refused: [] });
    const ids = new BigUint64Array([99n, 4n, 5n, 99n]);
    const result = log.logBatch({
      userIds: ids.subarray(1, 3),
      actionCodes: Uint8Array.of(0, 1),
      timestamps: Float64Array.of(t, t),
    });
    expect(result).toEqual({ ok: true, accepted: 2, duplicates: 0, refused: [] });
    expect(log.getEventsForUser(4)).toHaveLength(1);
    expect(log.getEventsForUser(99)).toHaveLength(0);
  });

  describe('refuses a malformed batch as a whole with INVALID_EVENT, storing nothing', () => {
    const good = batchOf([[1n, 0, t]]);
    it.each<[string, unknown, string]>([
      ['no batch', undefined, 'must be an object'],
      ['plain arrays', { userIds: [1n], actionCodes: [0], timestamps: [t] }, 'BigUint64Array'],
      ['signed ids', { ...good, userIds: BigInt64Array.of(1n) }, 'BigUint64Array'],
      ['action codes as numbers', { ...good, actionCodes: [0] }, 'Uint8Array'],
      ['timestamps as Float32Array', { ...good, timestamps: Float32Array.of(t) }, 'Float64Array'],
      ['columns of different lengths', { ...good, actionCodes: Uint8Array.of(0, 1) }, 'differ'],
    ])('%s', (_, batch, says) => {
      const log = new ActivityLog({ clock: fixedClock });
      log.logEvent(eventOf(1));
      const before = observe(log);
      const result = log.logBatch(batch as ActivityBatch);
      if (result.ok) throw new Error('the malformed batch was accepted');
      expect([result.error.code, result.error.field]).toEqual(['INVALID_EVENT', 'batch']);
      expect(result.error.message).toContain(says);
      expect(observe(log)).toEqual(before);
    });
  });
});
