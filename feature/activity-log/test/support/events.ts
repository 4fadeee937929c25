import { ActionType, type ActivityEvent } from '../../src/index.ts';

/** A fixed "now" for the logs under test, so future-timestamp rules are deterministic. */
export const NOW_MS = Date.UTC(2026, 0, 15, 9, 30);

/** A clock stuck at `NOW_MS`. */
export const fixedClock = (): number => NOW_MS;

/** A valid event for `userId`, `msAgo` milliseconds before `NOW_MS`. */
export function eventOf(
  userId: number | bigint,
  actionType: ActionType = ActionType.Login,
  msAgo = 1000,
): ActivityEvent {
  return { userId, actionType, timestamp: new Date(NOW_MS - msAgo) };
}

/** A batch from plain rows `[userId, actionCode, timestampMs]`. */
export function batchOf(rows: readonly (readonly [bigint, number, number])[]) {
  return {
    userIds: BigUint64Array.from(rows.map(([userId]) => userId)),
    actionCodes: Uint8Array.from(rows.map(([, code]) => code)),
    timestamps: Float64Array.from(rows.map(([, , time]) => time)),
  };
}
