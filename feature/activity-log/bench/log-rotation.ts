import { ActivityLog, type ActivityLogOptions, type SharedActivityStore } from '../src/index.ts';
import { EventStore } from '../src/store/index.ts';

export interface LogRotationOptions {
  /** Events each store holds. */
  readonly capacity: number;
  /** Events one run appends; a store serves `floor(capacity / eventsPerRun)` runs. */
  readonly eventsPerRun: number;
  /** Where the logs' spans and metrics go; the API's globals (no-ops without an SDK) when absent. */
  readonly telemetry?: Pick<ActivityLogOptions, 'tracerProvider' | 'meterProvider'>;
}

/**
 * An empty store's bytes: a store holding these is empty, whatever the layout inside them. Kept
 * as its bytes up to the last non-zero one (a new store is zeros past a small header), rounded up
 * to whole 8-byte words; the rest is written as zeros. No copy of the whole store is made, nor
 * read back at every emptying.
 */
interface EmptyAreaBytes {
  readonly head: Uint8Array;
}

interface EmptyStoreBytes {
  readonly rows: EmptyAreaBytes;
  readonly extras: EmptyAreaBytes;
}

const wordBytes = Float64Array.BYTES_PER_ELEMENT;
/** The store header's size (its counters and lock), the rows buffer's first bytes. */
const HEADER_BYTES = 64;

function emptyAreaOf(area: SharedArrayBuffer): EmptyAreaBytes {
  const bytes = new Uint8Array(area);
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end -= 1;
  const wholeWords = Math.min(Math.ceil(end / wordBytes) * wordBytes, bytes.length);
  return { head: bytes.slice(0, wholeWords) };
}

/**
 * Zeros are written eight bytes at a time: V8 writes shared memory one element at a time
 * (relaxed stores), so a byte-wise fill of a 30 MB store takes about 9 ms, a word-wise one 1.2.
 */
function writeEmptyArea(area: SharedArrayBuffer, empty: EmptyAreaBytes): void {
  const bytes = new Uint8Array(area);
  bytes.set(empty.head);
  const from = empty.head.length;
  const words = Math.floor((bytes.length - from) / wordBytes);
  if (words > 0) new Float64Array(area, from, words).fill(0);
  bytes.fill(0, from + words * wordBytes);
}

/**
 * Hands out a log with room for the next run, outside the timed region. Two stores of the same
 * size take turns: when the current one is full, its rows and extras buffers are set back to the
 * bytes they held when new (recorded then), and the other store, emptied the same way a turn
 * earlier, gets a new `ActivityLog` attached to it (`{ store }`, as a worker attaches).
 *
 * Why not a new log each time: the timed appends are to write to resident memory beyond the
 * caches, as in a long-running service, so a new store's pages had to be touched first; on these
 * machines a first-touch page fault costs about 11 µs, 80 ms per 30 MB store, and the batch case
 * fills a store every few milliseconds of measuring: most of the suite's run time went there.
 * Emptying a store writes its 13 MB rows buffer once (a header copy, then zeros), and the store
 * handed out is still beyond the caches: since it was filled, the other store's appends and its
 * emptying (about 30 MB of writes) went through them.
 * The stores hold no details or event ids (`extrasBytes: 0`): the measured events carry none.
 */
export class LogRotation {
  readonly #telemetry: Pick<ActivityLogOptions, 'tracerProvider' | 'meterProvider'>;
  readonly #runsPerStore: number;
  readonly #stores: readonly [SharedActivityStore, SharedActivityStore];
  readonly #empty: EmptyStoreBytes;
  /** A new store's header, whole. */
  readonly #freshHeader: Uint8Array;
  #turn: 0 | 1 = 0;
  #log: ActivityLog;
  #runsLeft: number;

  constructor(options: LogRotationOptions) {
    this.#telemetry = options.telemetry ?? {};
    const storeOptions = { ...this.#telemetry, capacity: options.capacity, extrasBytes: 0 };
    const first = new ActivityLog(storeOptions);
    this.#stores = [first.share(), new ActivityLog(storeOptions).share()];
    this.#freshHeader = new Uint8Array(first.share().rows, 0, HEADER_BYTES).slice();
    this.#empty = {
      rows: emptyAreaOf(first.share().rows),
      extras: emptyAreaOf(first.share().extras),
    };
    // Writing the empty bytes over both stores also makes every page resident.
    for (const store of this.#stores) {
      new Float64Array(store.columns.buffer).fill(0);
      this.#emptyStore(store);
    }
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

  /**
   * A store goes back to what a new one holds. When it never got an extras record (the measured
   * events carry no ids or details: the extras area still holds only its header), the only bytes
   * a run changed besides the columns are the header (the committed count, the lock) and the
   * producers of sequenced batches: the id table is written only for events with ids, and each
   * row's extras offset stays 0. So those are set back, and nothing else is written: rewriting
   * the whole 13 MB rows buffer at every turn slowed the samples after it (by up to half, in
   * runs on this machine). Otherwise the rows and extras buffers are rewritten whole. The column
   * memory is never rewritten: the store reads it only up to the committed count, and every
   * append overwrites the rows past it, so its old bytes are never seen.
   */
  #emptyStore(store: SharedActivityStore): void {
    const view = EventStore.attach(store);
    const extrasUnused = view.extrasBytes.every(
      (byte, at) => byte === (this.#empty.extras.head[at] ?? 0),
    );
    if (extrasUnused) {
      new Uint8Array(store.rows).set(this.#freshHeader);
      view.producers.fill(0);
      return;
    }
    writeEmptyArea(store.rows, this.#empty.rows);
    writeEmptyArea(store.extras, this.#empty.extras);
  }
}
