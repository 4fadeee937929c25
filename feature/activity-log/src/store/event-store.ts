import type { ActivityLogLimits } from '../limits.ts';
import {
  EXTRAS_USED,
  FIRST_EXTRAS_OFFSET,
  FORMAT_MARK,
  FORMAT_MARK_VALUE,
  layoutFor,
  type StoreLayout,
} from './layout.ts';

/** The format tag of a shared-store handle. */
export const SHARED_STORE_FORMAT = 'activity-log.store/1';

/**
 * A handle to an activity-log store that lives in shared memory. Send it to a worker with
 * `postMessage` (the buffers stay shared, nothing is copied) and attach there with
 * `new ActivityLog({ store })`; every attached log appends to and reads the same events.
 */
export interface SharedActivityStore {
  /** The format tag, `'activity-log.store/1'`. */
  readonly format: typeof SHARED_STORE_FORMAT;
  /** Most events the store holds. */
  readonly capacity: number;
  /** The header, the fixed-size columns and the event-id table. */
  readonly rows: SharedArrayBuffer;
  /** Event ids and details. */
  readonly extras: SharedArrayBuffer;
  /** The validation limits every attached log applies. */
  readonly limits: ActivityLogLimits;
}

/**
 * Typed views over a store's shared buffers: the columns of a struct of arrays, pre-sized to
 * the capacity. Plain data, no behaviour: the functions beside it do the appending and reading.
 */
export class EventStore {
  readonly capacity: number;
  readonly limits: ActivityLogLimits;
  /** `Atomics` counters, see `layout.ts`. */
  readonly header: Int32Array;
  /** User ids, one unsigned 64-bit integer per row. */
  readonly userIds: BigUint64Array;
  /** The same user ids as pairs of 32-bit words, so no BigInt is made per row. */
  readonly userWords: Uint32Array;
  /** Action codes, one byte per row. */
  readonly actionCodes: Uint8Array;
  /** Timestamps in epoch milliseconds. */
  readonly timestamps: Float64Array;
  /** Offset of each row's extras record, 0 for none. */
  readonly extrasRefs: Int32Array;
  /** Open-addressing table of accepted event ids: extras offsets, 0 for an empty slot. */
  readonly idSlots: Int32Array;
  /** The extras buffer as bytes. */
  readonly extrasBytes: Uint8Array;
  /** The extras buffer as 32-bit words, for record headers. */
  readonly extrasWords: Int32Array;
  readonly #handle: SharedActivityStore;

  private constructor(handle: SharedActivityStore, layout: StoreLayout) {
    const { rows, extras, capacity } = handle;
    this.#handle = handle;
    this.capacity = capacity;
    this.limits = handle.limits;
    this.header = new Int32Array(rows, 0, 16);
    this.userIds = new BigUint64Array(rows, layout.userIdsOffset, capacity);
    this.userWords = new Uint32Array(rows, layout.userIdsOffset, capacity * 2);
    this.timestamps = new Float64Array(rows, layout.timestampsOffset, capacity);
    this.extrasRefs = new Int32Array(rows, layout.extrasRefsOffset, capacity);
    this.idSlots = new Int32Array(rows, layout.idSlotsOffset, layout.idSlotCount);
    this.actionCodes = new Uint8Array(rows, layout.actionCodesOffset, capacity);
    this.extrasBytes = new Uint8Array(extras);
    this.extrasWords = new Int32Array(extras, 0, Math.floor(extras.byteLength / 4));
  }

  /** A new, empty store in fresh shared memory. */
  static create(capacity: number, extrasBytes: number, limits: ActivityLogLimits): EventStore {
    const layout = layoutFor(capacity);
    const handle: SharedActivityStore = Object.freeze({
      format: SHARED_STORE_FORMAT,
      capacity,
      rows: new SharedArrayBuffer(layout.byteLength),
      extras: new SharedArrayBuffer(Math.ceil(extrasBytes / 4) * 4 + FIRST_EXTRAS_OFFSET),
      limits,
    });
    const store = new EventStore(handle, layout);
    store.header[FORMAT_MARK] = FORMAT_MARK_VALUE;
    store.header[EXTRAS_USED] = FIRST_EXTRAS_OFFSET;
    return store;
  }

  /**
   * Views over a store another log shared. Throws a `TypeError` saying what is wrong when
   * `handle` is not a store handle of this format.
   */
  static attach(handle: SharedActivityStore): EventStore {
    const problem = handleProblem(handle);
    if (problem !== undefined) throw new TypeError(`cannot attach to the shared store: ${problem}`);
    return new EventStore(handle, layoutFor(handle.capacity));
  }

  /** The handle to give to `new ActivityLog({ store })` elsewhere. */
  share(): SharedActivityStore {
    return this.#handle;
  }
}

function handleProblem(handle: SharedActivityStore): string | undefined {
  const candidate = handle as Partial<SharedActivityStore> | null;
  if (typeof candidate !== 'object' || candidate === null) return 'the handle is not an object';
  if (candidate.format !== SHARED_STORE_FORMAT) {
    return `format is ${String(candidate.format)}, expected ${SHARED_STORE_FORMAT}`;
  }
  if (!(candidate.rows instanceof SharedArrayBuffer)) return 'rows is not a SharedArrayBuffer';
  if (!(candidate.extras instanceof SharedArrayBuffer)) return 'extras is not a SharedArrayBuffer';
  const capacity = candidate.capacity;
  if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 1) {
    return 'capacity is not a positive integer';
  }
  if (candidate.rows.byteLength !== layoutFor(capacity).byteLength) {
    return `rows holds ${candidate.rows.byteLength} bytes, not the layout of ${capacity} events`;
  }
  if (new Int32Array(candidate.rows, 0, 16)[FORMAT_MARK] !== FORMAT_MARK_VALUE) {
    return 'rows does not carry the activity-log format mark';
  }
  if (typeof candidate.limits !== 'object') return 'limits are missing';
  return undefined;
}
