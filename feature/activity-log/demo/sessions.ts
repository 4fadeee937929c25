import {
  ActionType,
  ActivityLog,
  type ActivityEvent,
  type BatchResult,
  type LogResult,
} from '../src/index.ts';

/** What the simulated workload did, for the closing summary. */
export interface WorkloadSummary {
  stored: number;
  duplicates: number;
  refused: number;
}

const PAGES = ['/home', '/search', '/product/42', '/cart', '/checkout', '/account'];
const ACTIONS = ['add_to_cart', 'search', 'share', 'checkout'];
const MINUTE = 60_000;

/** A small seeded generator, so every run logs the same workload. */
function randomSource(seed: number): (below: number) => number {
  let state = seed;
  return (below) => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state % below;
  };
}

/**
 * Simulates an afternoon of user activity through both APIs: interactive sessions logged one
 * event at a time (some retried, so duplicates are acknowledged), a back-fill imported as
 * columnar batches, and the bad inputs a real service meets, each refused with its code.
 */
export function runWorkload(log: ActivityLog, nowMs: number): WorkloadSummary {
  const summary: WorkloadSummary = { stored: 0, duplicates: 0, refused: 0 };
  const tallyEvent = (result: LogResult): void => {
    if (!result.ok) summary.refused++;
    else if (result.duplicate) summary.duplicates++;
    else summary.stored++;
  };
  const tallyBatch = (result: BatchResult): void => {
    if (!result.ok) {
      summary.refused++; // the whole batch
      return;
    }
    summary.stored += result.accepted;
    summary.duplicates += result.duplicates;
    summary.refused += result.refused.length;
  };
  const random = randomSource(20_260_115);
  for (let user = 1; user <= 40; user++) {
    for (const event of session(user, nowMs - (90 - user) * MINUTE, random)) {
      tallyEvent(log.logEvent(event));
      // A flaky client retries one event in five: acknowledged as a duplicate, stored once.
      if (event.eventId !== undefined && random(5) === 0) tallyEvent(log.logEvent(event));
    }
  }
  tallyEvent(
    log.logEvent({
      userId: 2n ** 63n + 5n,
      actionType: ActionType.Login,
      timestamp: new Date(nowMs - MINUTE),
    }),
  );
  const batches = backfill(nowMs, random);
  for (const batch of batches) tallyBatch(log.logBatch(batch));
  // The uploader timed out on its last batch and sends it again: acknowledged, stored once.
  const [first, last] = [batches[0], batches.at(-1)];
  if (first !== undefined && last !== undefined) {
    tallyBatch(log.logBatch(last));
    // A batch that skips ahead of what the uploader sent: refused whole, with the gap named.
    tallyBatch(log.logBatch({ ...first, firstSequence: 1_000_000 }));
  }
  for (const event of badEvents(nowMs)) tallyEvent(log.logEvent(event as ActivityEvent));
  tallyBatch(log.logBatch(malformedBatch(nowMs)));
  tallyQuota(nowMs, tallyEvent, tallyBatch);
  return summary;
}

/** One user's session: login, page views, actions, logout, a few seconds apart. */
function session(
  userId: number,
  startMs: number,
  random: (below: number) => number,
): ActivityEvent[] {
  const events: ActivityEvent[] = [];
  let at = startMs;
  const next = (actionType: ActionType, details?: Record<string, string>): void => {
    at += 1000 + random(20_000);
    const eventId = `u${userId}-${events.length}`;
    events.push({
      userId,
      actionType,
      timestamp: new Date(at),
      eventId,
      ...(details && { details }),
    });
  };
  next(ActionType.Login, { method: random(2) === 0 ? 'password' : 'sso' });
  for (let view = 0, views = 2 + random(5); view < views; view++) {
    next(ActionType.PageView, { path: PAGES[random(PAGES.length)] ?? '/' });
  }
  for (let act = 0, acts = random(4); act < acts; act++) {
    next(ActionType.ActionTaken, { action: ACTIONS[random(ACTIONS.length)] ?? 'search' });
  }
  next(ActionType.Logout);
  return events;
}

/** The mobile uploader's producer id: its batches are sequenced, so its retries are idempotent. */
const UPLOADER = 7;

/** Page views of a mobile client uploaded late, as sequenced columnar batches, a few bad rows. */
function backfill(nowMs: number, random: (below: number) => number) {
  return Array.from({ length: 4 }, (_, batchIndex) => {
    const rows = 2500;
    const userIds = new BigUint64Array(rows);
    const actionCodes = new Uint8Array(rows);
    const timestamps = new Float64Array(rows);
    for (let row = 0; row < rows; row++) {
      userIds[row] = BigInt(100 + random(500));
      actionCodes[row] = row % 10 === 0 ? 0 : 2; // mostly page views
      timestamps[row] = nowMs - 3 * 60 * MINUTE + batchIndex * rows + row;
    }
    // What a buggy client sends: an unset user, an unknown action code, a clock running ahead.
    userIds[7] = 0n;
    actionCodes[11] = 9;
    timestamps[13] = nowMs + 60 * MINUTE;
    return {
      userIds,
      actionCodes,
      timestamps,
      producerId: UPLOADER,
      firstSequence: batchIndex * rows,
    };
  });
}

/** Inputs a real service meets, one per refusal code the single-event API reports. */
function badEvents(nowMs: number): unknown[] {
  const at = new Date(nowMs - MINUTE);
  return [
    { actionType: ActionType.Login, timestamp: at }, // INVALID_EVENT: no user id
    { userId: 0, actionType: ActionType.Login, timestamp: at }, // INVALID_USER_ID
    { userId: 5, actionType: 'purchase', timestamp: at }, // INVALID_ACTION_TYPE
    { userId: 5, actionType: ActionType.PageView, timestamp: new Date(nowMs + 3_600_000) }, // INVALID_TIMESTAMP
    { userId: 5, actionType: ActionType.PageView, timestamp: at, details: { path: 42 } }, // INVALID_DETAILS
  ];
}

/** A batch whose columns do not line up: refused as a whole. */
function malformedBatch(nowMs: number) {
  return {
    userIds: BigUint64Array.of(1n, 2n),
    actionCodes: Uint8Array.of(0),
    timestamps: Float64Array.of(nowMs - MINUTE, nowMs - MINUTE),
  };
}

/** A tenant with a tiny quota fills its own log: further events are refused, never dropped. */
function tallyQuota(
  nowMs: number,
  tallyEvent: (result: LogResult) => void,
  tallyBatch: (result: BatchResult) => void,
): void {
  const quota = new ActivityLog({ capacity: 3 });
  const at = new Date(nowMs - MINUTE);
  for (let userId = 1; userId <= 4; userId++) {
    tallyEvent(quota.logEvent({ userId, actionType: ActionType.Login, timestamp: at }));
  }
  tallyBatch(
    quota.logBatch({
      userIds: BigUint64Array.of(9n),
      actionCodes: Uint8Array.of(1),
      timestamps: Float64Array.of(nowMs - MINUTE),
    }),
  );
}
