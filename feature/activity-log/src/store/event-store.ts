import type { ActivityLogLimits } from '../limits.ts';
import { type ColumnMemory, columnMemoryProblem, createColumnMemory } from './column-memory.ts';
import {
  type ColumnLayout,
  columnLayoutFor,
  EXTRAS_USED,
  FIRST_EXTRAS_OFFSET,
  FORMAT_MARK,
  FORMAT_MARK_VALUE,
  PRODUCER_SLOTS,
  rowsLayoutFor,
  type RowsLayout,
} from './layout.ts';

/** The format tag of a shared-store handle. */
export const SHARED_STORE_FORMAT = 'activity-log.store/2';

/**
 * A handle to an activity-log store that lives in shared memory. Send it to a worker with
 * `postMessage` (the memory stays shared, nothing is copied) and attach there with
 * `new ActivityLog({ store })`; every attached log appends to and reads the same events.
 */
export interface SharedActivityStore {
  /** The format tag, `'activity-log.store/2'`. */
  readonly format: typeof SHARED_STORE_FORMAT;
  /** Most events the store holds. */
  readonly capacity: number;
  /** User ids, timestamps and action codes: a shared `WebAssembly.Memory` where there is one. */
  readonly columns: ColumnMemory;
  /** The header, the extras offsets, the event-id table and the batch producers. */
  readonly rows: SharedArrayBuffer;
  /** Event ids and details. */
  readonly extras: SharedArrayBuffer;
  /** The validation limits every attached log applies. */
  readonly limits: ActivityLogLimits;
}

/**
 * Typed views over a store's shared memory: the columns of a struct of arrays, pre-sized to the
 * capacity. Plain data, no behaviour: the functions beside it do the appending and reading.
 */
export class EventStore {
  readonly capacity: number;
  readonly limits: ActivityLogLimits;
  /** The memory of the hot columns (for the batch row checks) and their offsets in it. */
  readonly columns: ColumnMemory;
  readonly columnLayout: ColumnLayout;
  /** `Atomics` counters and the append lock, see `layout.ts`. */
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
  /** Producers of sequenced batches: `[id, next sequence]` per slot, id 0 for an empty slot. */
  readonly producers: Float64Array;
  /** The extras buffer as bytes. */
  readonly extrasBytes: Uint8Array;
  /** The extras buffer as 32-bit words, for record headers. */
  readonly extrasWords: Int32Array;
  readonly #handle: SharedActivityStore;

  private constructor(handle: SharedActivityStore, rowsLayout: RowsLayout) {
    const { rows, extras, capacity, columns } = handle;
    const layout = columnLayoutFor(capacity);
    const memory = columns.buffer;
    this.#handle = handle;
    this.capacity = capacity;
    this.limits = handle.limits;
    this.columns = columns;
    this.columnLayout = layout;
    this.header = new Int32Array(rows, 0, 16);
    this.userIds = new BigUint64Array(memory, layout.userIdsOffset, capacity);
    this.userWords = new Uint32Array(memory, layout.userIdsOffset, capacity * 2);
    this.timestamps = new Float64Array(memory, layout.timestampsOffset, capacity);
    this.actionCodes = new Uint8Array(memory, layout.actionCodesOffset, capacity);
    this.extrasRefs = new Int32Array(rows, rowsLayout.extrasRefsOffset, capacity);
    this.idSlots = new Int32Array(rows, rowsLayout.idSlotsOffset, rowsLayout.idSlotCount);
    this.producers = new Float64Array(rows, rowsLayout.producersOffset, PRODUCER_SLOTS * 2);
    this.extrasBytes = new Uint8Array(extras);
    this.extrasWords = new Int32Array(extras, 0, Math.floor(extras.byteLength / 4));
  }

  /** A new, empty store in fresh shared memory. */
  static create(capacity: number, extrasBytes: number, limits: ActivityLogLimits): EventStore {
    const rowsLayout = rowsLayoutFor(capacity);
    const handle: SharedActivityStore = Object.freeze({
      format: SHARED_STORE_FORMAT,
      capacity,
      columns: createColumnMemory(columnLayoutFor(capacity).byteLength),
      rows: new SharedArrayBuffer(rowsLayout.byteLength),
      extras: new SharedArrayBuffer(Math.ceil(extrasBytes / 4) * 4 + FIRST_EXTRAS_OFFSET),
      limits,
    });
    const store = new EventStore(handle, rowsLayout);
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
    return new EventStore(handle, rowsLayoutFor(handle.capacity));
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
  const capacity = candidate.capacity;
  if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 1) {
    return 'capacity is not a positive integer';
  }
  const columns = columnMemoryProblem(candidate.columns, columnLayoutFor(capacity).byteLength);
  if (columns !== undefined) return columns;
  if (!(candidate.rows instanceof SharedArrayBuffer)) return 'rows is not a SharedArrayBuffer';
  if (!(candidate.extras instanceof SharedArrayBuffer)) return 'extras is not a SharedArrayBuffer';
  if (candidate.rows.byteLength !== rowsLayoutFor(capacity).byteLength) {
    return `rows holds ${candidate.rows.byteLength} bytes, not the layout of ${capacity} events`;
  }
  if (new Int32Array(candidate.rows, 0, 16)[FORMAT_MARK] !== FORMAT_MARK_VALUE) {
    return 'rows does not carry the activity-log format mark';
  }
  if (typeof candidate.limits !== 'object') return 'limits are missing';
  return undefined;
}
