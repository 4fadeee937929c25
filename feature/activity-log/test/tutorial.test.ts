import { describe, expect, it } from 'vitest';
import { ActionType, ActivityLog } from '../src/index.ts';
import { eventOf, fixedClock, NOW_MS } from './support/events.ts';

describe("the tutorial's tests", () => {
  it('logs a login: accepted, and the log counts one event', () => {
    const log = new ActivityLog({ clock: fixedClock });
    expect(log.logEvent(eventOf(1, ActionType.Login))).toEqual({ ok: true, duplicate: false });
    expect(log.countEvents()).toBe(1);
  });

  it('rejects user id 0 with INVALID_USER_ID', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const result = log.logEvent(eventOf(0));
    expect(result.ok ? undefined : result.error.code).toBe('INVALID_USER_ID');
    expect(log.countEvents()).toBe(0);
  });

  it('rejects a timestamp in the future with INVALID_TIMESTAMP', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const result = log.logEvent({
      userId: 1,
      actionType: ActionType.Login,
      timestamp: new Date(NOW_MS + 1),
    });
    expect(result.ok ? undefined : result.error.code).toBe('INVALID_TIMESTAMP');
    expect(log.countEvents()).toBe(0);
  });

  it('keeps a session of login, two page views, an action and logout: five events in order', () => {
    const log = new ActivityLog({ clock: fixedClock });
    const session = [
      ActionType.Login,
      ActionType.PageView,
      ActionType.PageView,
      ActionType.ActionTaken,
      ActionType.Logout,
    ];
    session.forEach((actionType, step) => {
      expect(log.logEvent(eventOf(42, actionType, 5000 - step * 1000)).ok).toBe(true);
    });
    const events = log.getEventsForUser(42);
    expect(events.map((event) => event.actionType)).toEqual(session);
    expect(events.map((event) => event.timestamp.getTime())).toEqual([
      NOW_MS - 5000,
      NOW_MS - 4000,
      NOW_MS - 3000,
      NOW_MS - 2000,
      NOW_MS - 1000,
    ]);
    expect(log.countEvents()).toBe(5);
  });
});
