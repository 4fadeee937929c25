import type { ActivityLog } from '../../src/index.ts';

/** What a reader can observe of a log: the count and every event of the given users. */
export function observe(log: ActivityLog, users: readonly (number | bigint)[] = [1, 2, 3]) {
  return {
    count: log.countEvents(),
    events: users.map((user) => log.getEventsForUser(user)),
  };
}
