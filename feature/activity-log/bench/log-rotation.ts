import { ActivityLog, type ActivityLogOptions, type SharedActivityStore } from '../src/index.ts';

export interface LogRotationOptions {
  /** Events each store holds. */
  readonly capacity: number;
  /** Events one run appends; a store serves `floor(capacity / eventsPerRun)` runs. */
  readonly eventsPerRun: number;
  /** Where the logs' spans and metrics go; the API's globals (no-ops without an SDK) when absent. */
  readonly telemetry?: Pick<ActivityLogOptions, 'tracerProvider' | 'meterProvider'>;
}

/** An empty store's bytes: a store holding these is empty, whatever the layout inside them. */
interface EmptyStoreBytes {
  readonly rows: Uint8Array;
  readonly extras: Uint8Array;
}

/**
 * Hands out a log with room for the next run, outside the timed region. Two stores of the same
 * size take turns: when the current one is full, its shared memory is set back to the bytes it
 * held when new (copied then), and the other store, emptied the same way a turn earlier, gets a
 * new `ActivityLog` attached to it (`{ store }`, as a worker attaches).
 *
 * Why not a new log each time: the timed appends are to write to resident memory beyond the
 * caches, as in a long-running service, so a new store's pages had to be touched first; on these
 * machines a first-touch page fault costs about 11 µs, 80 ms per 29 MB store, and the batch case
 * fills a store every few milliseconds of measuring: most of the suite's run time went there.
 * Emptying a store is a 2 ms copy, and the store handed out is still beyond the caches: since it
 * was emptied, the other store's appends and its emptying (about 50 MB) went through them.
 * The stores hold no details or event ids (`extrasBytes: 0`): the measured events carry none.
 */
export class LogRotation {
  readonly #telemetry: Pick<ActivityLogOptions, 'tracerProvider' | 'meterProvider'>;
  readonly #runsPerStore: number;
  readonly #stores: readonly [SharedActivityStore, SharedActivityStore];
  readonly #empty: EmptyStoreBytes;
  #turn: 0 | 1 = 0;
  #log: ActivityLog;
  #runsLeft: number;

  constructor(options: LogRotationOptions) {
    this.#telemetry = options.telemetry ?? {};
    const storeOptions = { ...this.#telemetry, capacity: options.capacity, extrasBytes: 0 };
    const first = new ActivityLog(storeOptions);
    this.#stores = [first.share(), new ActivityLog(storeOptions).share()];
    this.#empty = {
      rows: new Uint8Array(first.share().rows).slice(),
      extras: new Uint8Array(first.share().extras).slice(),
    };
    // Writing the empty bytes over both stores also makes every page resident.
    for (const store of this.#stores) this.#emptyStore(store);
    this.#runsPerStore = Math.floor(options.capacity / options.eventsPerRun);
    this.#log = first;
    this.#runsLeft = this.#runsPerStore;
  }

  /** The log the next run appends to; call before every run, outside the timed region. */
  next(): ActivityLog {
    if (this.#runsLeft === 0) this.#switchStores();
    this.#runsLeft -= 1;
    return this.#log;
  }

  /** The log the last run appended to. */
  get current(): ActivityLog {
    return this.#log;
  }

  /** Runs the current log has taken so far. */
  get runsOnCurrent(): number {
    return this.#runsPerStore - this.#runsLeft;
  }

  #switchStores(): void {
    this.#emptyStore(this.#stores[this.#turn]);
    this.#turn = this.#turn === 0 ? 1 : 0;
    this.#log = new ActivityLog({ ...this.#telemetry, store: this.#stores[this.#turn] });
    this.#runsLeft = this.#runsPerStore;
  }

  #emptyStore(store: SharedActivityStore): void {
    new Uint8Array(store.rows).set(this.#empty.rows);
    new Uint8Array(store.extras).set(this.#empty.extras);
  }
}
