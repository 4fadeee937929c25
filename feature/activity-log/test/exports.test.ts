import { describe, expect, expectTypeOf, it } from 'vitest';
import * as entry from '../src/index.ts';
import {
  ActionType,
  ActivityLog,
  type ActivityEvent,
  LogError,
  LogErrorCode,
  type LogResult,
} from '../src/index.ts';
import { eventOf, fixedClock } from './support/events.ts';

describe('the public entry, feature/activity-log/src/index.ts', () => {
  it('exports ActionType with the registry enum values', () => {
    expect(ActionType).toEqual({
      Login: 'login',
      Logout: 'logout',
      PageView: 'page_view',
      ActionTaken: 'action_taken',
    });
    expectTypeOf<ActionType>().toEqualTypeOf<'login' | 'logout' | 'page_view' | 'action_taken'>();
  });

  it('exports LogError, an Error with one of the seven codes', () => {
    expect(Object.values(LogErrorCode).sort()).toEqual([
      'CAPACITY_EXCEEDED',
      'INVALID_ACTION_TYPE',
      'INVALID_DETAILS',
      'INVALID_EVENT',
      'INVALID_TIMESTAMP',
      'INVALID_USER_ID',
      'SEQUENCE_GAP',
    ]);
    const error = new LogError('INVALID_USER_ID', 'userId', 'userId is 0');
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.code, error.field]).toEqual([
      'LogError',
      'INVALID_USER_ID',
      'userId',
    ]);
    expectTypeOf(error.code).toEqualTypeOf<LogErrorCode>();
  });

  it('types ActivityEvent and LogResult as the issue states', () => {
    expectTypeOf<ActivityEvent['userId']>().toEqualTypeOf<number | bigint>();
    expectTypeOf<ActivityEvent['actionType']>().toEqualTypeOf<ActionType>();
    expectTypeOf<ActivityEvent['timestamp']>().toEqualTypeOf<Date>();
    expectTypeOf<ActivityEvent['eventId']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<{ ok: true; duplicate: boolean }>().toExtend<LogResult>();
    expectTypeOf<{ ok: false; error: LogError }>().toExtend<LogResult>();
    expectTypeOf<ActivityLog['logEvent']>().returns.toEqualTypeOf<LogResult>();
    expectTypeOf<ActivityLog['getEventsForUser']>().returns.toEqualTypeOf<ActivityEvent[]>();
    expectTypeOf<ActivityLog['countEvents']>().returns.toEqualTypeOf<number>();
    // The same contract at run time: the types above are only checked by the compiler.
    const log = new ActivityLog({ clock: fixedClock });
    const event = eventOf(7, ActionType.PageView);
    expect(log.logEvent(event)).toEqual({ ok: true, duplicate: false });
    const refused = log.logEvent({ ...event, userId: 0 });
    expect(refused.ok ? undefined : refused.error).toBeInstanceOf(LogError);
    expect(log.getEventsForUser(7)).toEqual([event]);
    expect(log.countEvents()).toBe(1);
  });

  it('exports exactly these runtime names', () => {
    expect(Object.keys(entry).sort()).toEqual([
      'ACTION_TYPE_BY_CODE',
      'ActionType',
      'ActivityLog',
      'DEFAULT_CAPACITY',
      'DEFAULT_EXTRAS_BYTES',
      'DEFAULT_LIMITS',
      'LogError',
      'LogErrorCode',
      'MAX_CAPACITY',
      'MAX_EXTRAS_BYTES',
      'MAX_PRODUCERS',
      'SHARED_STORE_FORMAT',
      'actionCodeOf',
    ]);
  });

  it('documents its defaults as the README states them', () => {
    expect(entry.DEFAULT_LIMITS).toEqual({
      maxDetailEntries: 32,
      maxDetailBytes: 4096,
      maxEventIdBytes: 128,
      clockSkewMs: 0,
    });
    expect([entry.DEFAULT_CAPACITY, entry.DEFAULT_EXTRAS_BYTES]).toEqual([1_048_576, 67_108_864]);
    expect(new ActivityLog().capacity).toBe(entry.DEFAULT_CAPACITY);
  });
});
