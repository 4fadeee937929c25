/**
 * A deterministic workload shared by every case of the suite, so that all of them log the same
 * events: user ids, action codes and past timestamps, in columns (the input the batch API takes;
 * the object-per-event cases build their objects from it inside the timed loop, as a caller would).
 */
export const actionTypes = ['login', 'logout', 'page_view', 'action_taken'] as const;

/**
 * Events per timed call of the cases that log one event at a time, set per case from what one
 * event costs here: enough that a sample lasts at least about 110 µs even at the fastest the
 * case has run on this machine (ticks.md asks for about 100 µs, so the clock's cost does not
 * weigh), and few enough that it lasts a few hundred microseconds at most, within a scheduler
 * time slice: with longer samples, most were cut by other processes' turns on this shared
 * machine and the medians of the slower cases doubled.
 */
export const eventsPerCall = {
  /** `logEvent` with the API alone: 0.35 to 0.55 µs per event, 130 to 210 µs per call. */
  logEventApiOnly: 384,
  /** `logEvent` with the SDK exporting: 6 µs per event and more, 190 µs and more. */
  logEventSdk: 32,
  /** The tutorial's code with the API alone: 0.85 to 1.1 µs per event, 160 to 210 µs. */
  tutorialApiOnly: 192,
  /** The tutorial's code with the SDK exporting: 4.5 µs per event and more, 140 µs and more. */
  tutorialSdk: 32,
  /** The Logs SDK, one record per event: 0.6 to 1.4 µs per event, 115 to 270 µs. */
  logsSdk: 192,
  /** A span, a counter and a histogram per event: 5.5 µs per event and more, 175 µs and more. */
  spanCounterHistogram: 32,
} as const;

export type WorkloadActionType = (typeof actionTypes)[number];

export interface Workload {
  readonly size: number;
  /** User ids, 1 to 2^53 − 1 in general; here 1 to 1,000,000. */
  readonly userIds: Float64Array;
  /** 0 login, 1 logout, 2 page_view, 3 action_taken (the order of `actionTypes`). */
  readonly actionCodes: Uint8Array;
  /** Epoch milliseconds, all in the past. */
  readonly timestamps: Float64Array;
  /** Sum of the user ids, modulo 2^32: a checksum of what a store must hold after one pass. */
  readonly userIdChecksum: number;
}

/** A fixed linear congruential sequence: the same events on every run and in every process. */
function* pseudoRandom(seed: number): Generator<number, never> {
  let state = seed >>> 0;
  for (;;) {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    yield state;
  }
}

/** `size` events of sessions by 1,000,000 users over the last day, starting from a fixed `now`. */
export function makeWorkload(size: number, now: number = Date.now()): Workload {
  const random = pseudoRandom(0x5eed);
  const next = (): number => random.next().value;
  const userIds = new Float64Array(size);
  const actionCodes = new Uint8Array(size);
  const timestamps = new Float64Array(size);
  let userIdChecksum = 0;
  for (let index = 0; index < size; index += 1) {
    userIds[index] = (next() % 1_000_000) + 1;
    actionCodes[index] = next() % actionTypes.length;
    timestamps[index] = now - 86_400_000 + (next() % 86_400_000);
    userIdChecksum = (userIdChecksum + (userIds[index] ?? 0)) >>> 0;
  }
  return { size, userIds, actionCodes, timestamps, userIdChecksum };
}

export function actionTypeOf(code: number): WorkloadActionType {
  return actionTypes[code] ?? 'login';
}
