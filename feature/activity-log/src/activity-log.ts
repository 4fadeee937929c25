import { type Span, SpanKind, type SpanOptions } from '@opentelemetry/api';
import {
  appendBatch,
  type ActivityBatch,
  type BatchResult,
  type BatchTarget,
  batchTargetFor,
  rowCheckerFor,
} from './batch/index.ts';
import type { ActivityEvent } from './event.ts';
import { checkedSize, resolveLimits, type ActivityLogLimits } from './limits.ts';
import { LogError } from './log-error.ts';
import {
  type ActivityLogOptions,
  DEFAULT_CAPACITY,
  DEFAULT_EXTRAS_BYTES,
  MAX_CAPACITY,
  MAX_EXTRAS_BYTES,
} from './options.ts';
import {
  appendEvent,
  committedRows,
  EventStore,
  readRow,
  type SharedActivityStore,
  UserIndex,
} from './store/index.ts';
import {
  createInstruments,
  type Instruments,
  LOG_BATCH_ATTRIBUTES,
  LOG_EVENT_ATTRIBUTES,
  recordBatch,
  recordEvent,
  SPAN_LOG_BATCH,
  SPAN_LOG_EVENT,
} from './telemetry/index.ts';
import { checkUserId, readEventFields, validateEvent } from './validation/index.ts';

/**
 * The result of `logEvent`: accepted (possibly as a duplicate of an event already stored with
 * the same `eventId`), or refused with a typed error. Bad input is never thrown.
 */
export type LogResult =
  | { readonly ok: true; readonly duplicate: boolean }
  | { readonly ok: false; readonly error: LogError };

const INTERNAL_SPAN: SpanOptions = Object.freeze({ kind: SpanKind.INTERNAL });

/**
 * A store of user activity events: validates every event, stores it in pre-sized shared
 * columns, and reports through OpenTelemetry. Single events and columnar batches share one
 * store and one set of rules; several worker threads can append to one store at once.
 *
 * @example
 * ```ts
 * const log = new ActivityLog({ capacity: 100_000 });
 * const result = log.logEvent({ userId: 42, actionType: 'login', timestamp: new Date() });
 * if (!result.ok) console.error(result.error.code, result.error.message);
 * log.getEventsForUser(42); // [{ userId: 42, actionType: 'login', timestamp: … }]
 * ```
 */
export class ActivityLog {
  readonly #store: EventStore;
  /** The store with this thread's row checks over it, for `logBatch`. */
  readonly #batchTarget: BatchTarget;
  readonly #limits: ActivityLogLimits;
  readonly #clock: () => number;
  readonly #instruments: Instruments;
  readonly #users: UserIndex;

  /**
   * A log over a new store, or over a shared one when `options.store` is given. Throws a
   * `RangeError` or `TypeError` naming the option when an option is invalid.
   *
   * @example
   * ```ts
   * const log = new ActivityLog({ capacity: 10_000, clockSkewMs: 2_000, maxDetailEntries: 8 });
   * ```
   */
  constructor(options: ActivityLogOptions = {}) {
    this.#store = openStore(options);
    this.#batchTarget = batchTargetFor(this.#store, rowCheckerFor(this.#store));
    this.#limits = this.#store.limits;
    this.#clock = options.clock ?? Date.now;
    this.#instruments = createInstruments(options);
    this.#users = new UserIndex(this.#store);
  }

  /**
   * Validates and stores one event. Returns `{ ok: true, duplicate: false }` when stored,
   * `{ ok: true, duplicate: true }` when an event with the same `eventId` was already accepted
   * (nothing is stored again), or `{ ok: false, error }` when refused; a refused event changes
   * nothing. Emits one `activity.log_event` span.
   *
   * @example
   * ```ts
   * log.logEvent({ userId: 7, actionType: ActionType.PageView, timestamp: new Date(), details: { path: '/home' } });
   * ```
   */
  logEvent(event: ActivityEvent): LogResult {
    const startedMs = performance.now();
    const span = this.#instruments.tracer.startSpan(SPAN_LOG_EVENT, INTERNAL_SPAN);
    try {
      const fields = readEventFields(event);
      const result = fields instanceof LogError ? refused(fields) : this.#store_(fields);
      recordEvent(this.#instruments, span, fields, result);
      return result;
    } finally {
      this.#finish(span, startedMs, false);
    }
  }

  /**
   * Validates and stores a columnar batch in one call: the clock is read once, valid rows are
   * appended together in batch order, and each refused row is reported with its index and code
   * (refused rows change nothing). A batch whose columns are malformed is refused as a whole.
   * Emits one `activity.log_batch` span, never one per row.
   *
   * @example
   * ```ts
   * const result = log.logBatch({
   *   userIds: BigUint64Array.of(1n, 2n),
   *   actionCodes: Uint8Array.of(0, 2), // login, page_view
   *   timestamps: Float64Array.of(Date.now(), Date.now()),
   * });
   * if (result.ok) console.log(result.accepted, result.refused);
   * ```
   */
  logBatch(batch: ActivityBatch): BatchResult {
    const startedMs = performance.now();
    const span = this.#instruments.tracer.startSpan(SPAN_LOG_BATCH, INTERNAL_SPAN);
    try {
      const outcome = appendBatch(this.#batchTarget, batch, this.#latestMs());
      recordBatch(this.#instruments, span, this.#store, outcome);
      if (!outcome.ok) return { ok: false, error: outcome.error };
      const { range, duplicates, refused } = outcome;
      return { ok: true, accepted: range.count, duplicates, refused };
    } finally {
      this.#finish(span, startedMs, true);
    }
  }

  /**
   * The events of one user, in the order they were logged, including those appended by other
   * workers sharing the store. Throws a `LogError` with code `INVALID_USER_ID` when `userId`
   * is not a valid user id.
   *
   * @example
   * ```ts
   * for (const event of log.getEventsForUser(42)) console.log(event.actionType, event.timestamp);
   * ```
   */
  getEventsForUser(userId: number | bigint): ActivityEvent[] {
    const words = checkUserId(userId);
    if (words instanceof LogError) throw words;
    const key = words.high < 0x20_00_00 ? words.high * 2 ** 32 + words.low : BigInt(userId);
    return this.#users.rowsOf(key).map((row) => readRow(this.#store, row));
  }

  /**
   * How many events the store holds, counting those appended by every worker sharing it.
   *
   * @example
   * ```ts
   * log.countEvents(); // 0 for a new log
   * ```
   */
  countEvents(): number {
    return committedRows(this.#store.header);
  }

  /**
   * A handle to this log's store for other threads: post it to a worker and attach there with
   * `new ActivityLog({ store: handle })`. The memory is shared, not copied.
   *
   * @example
   * ```ts
   * const worker = new Worker(url, { workerData: log.share() });
   * // in the worker: const log = new ActivityLog({ store: workerData });
   * ```
   */
  share(): SharedActivityStore {
    return this.#store.share();
  }

  /** Most events the store holds. */
  get capacity(): number {
    return this.#store.capacity;
  }

  /** The validation limits this log applies (shared by every log attached to its store). */
  get limits(): ActivityLogLimits {
    return this.#limits;
  }

  #store_(fields: Parameters<typeof validateEvent>[0]): LogResult {
    const event = validateEvent(fields, this.#limits, this.#latestMs());
    if (event instanceof LogError) return refused(event);
    const outcome = appendEvent(this.#store, event);
    switch (outcome) {
      case 'stored':
        return { ok: true, duplicate: false };
      case 'duplicate':
        return { ok: true, duplicate: true };
      case 'rows_full':
        return refused(full(`the store holds its capacity of ${this.#store.capacity} events`));
      case 'extras_full':
        return refused(full('no room left for event ids and details (see the extrasBytes option)'));
      case 'ids_full':
        return refused(full('the event-id table has no free slot left'));
    }
  }

  /** Now plus the allowed clock skew: the latest acceptable timestamp, read once per call. */
  #latestMs(): number {
    return this.#clock() + this.#limits.clockSkewMs;
  }

  #finish(span: Span, startedMs: number, batch: boolean): void {
    span.end();
    const attributes = batch ? LOG_BATCH_ATTRIBUTES : LOG_EVENT_ATTRIBUTES;
    this.#instruments.logDuration.record(performance.now() - startedMs, attributes);
  }
}

function refused(error: LogError): LogResult {
  return { ok: false, error };
}

function full(message: string): LogError {
  return new LogError('CAPACITY_EXCEEDED', 'store', message);
}

function openStore(options: ActivityLogOptions): EventStore {
  if (options.store === undefined) {
    const capacity = checkedSize(options.capacity ?? DEFAULT_CAPACITY, 'capacity', 1, MAX_CAPACITY);
    const extrasBytes = checkedSize(
      options.extrasBytes ?? DEFAULT_EXTRAS_BYTES,
      'extrasBytes',
      0,
      MAX_EXTRAS_BYTES,
    );
    return EventStore.create(capacity, extrasBytes, resolveLimits(options));
  }
  const conflicting = (
    [
      'capacity',
      'extrasBytes',
      'maxDetailEntries',
      'maxDetailBytes',
      'maxEventIdBytes',
      'clockSkewMs',
    ] as const
  ).filter((name) => options[name] !== undefined);
  if (conflicting.length > 0) {
    throw new TypeError(
      `ActivityLog options ${conflicting.join(', ')} cannot be combined with store: a shared store brings its own`,
    );
  }
  const store = EventStore.attach(options.store);
  resolveLimits(store.limits);
  return store;
}
