/**
 * Where each part of a store lives. The columns the batch hot path writes (user ids, timestamps,
 * action codes) are in one shared memory, a `WebAssembly.Memory` where the engine has
 * WebAssembly, so the batch's row checks run in place over the rows just copied there. A
 * second shared buffer holds the header of `Atomics` counters, the extras offsets and the
 * event-id table; a third the variable-size extras (event ids and details).
 */

/** Header slot: the append lock (0 free, 1 held, 2 held with writers waiting). */
export const APPEND_LOCK = 0;
/** Header slot: rows written and visible to readers; rows are only written under the lock. */
export const COMMITTED_ROWS = 1;
/** Header slot: bytes of the extras buffer handed out so far. */
export const EXTRAS_USED = 2;
/** Header slot: a format marker, so attaching to something else fails loudly. */
export const FORMAT_MARK = 3;
/** Header slot: writers waiting for another writer's event id to settle. */
export const ID_WAITERS = 5;
/** Header slot: producers in the producer table (written under the append lock). */
export const PRODUCER_COUNT = 6;

/** The value of the format marker. */
export const FORMAT_MARK_VALUE = 0x41_4c_02; // "AL" v2
const HEADER_BYTES = 64;

/** Extras offset 0 means "no extras", so the first record starts after a small reserved gap. */
export const FIRST_EXTRAS_OFFSET = 16;

/**
 * The column memory starts with a scratch area for the row checks (counts and the refused rows
 * of one window, written only under the append lock): one WebAssembly page.
 */
export const SCRATCH_BYTES = 65_536;
/** Rows the row checks take at once: the scratch area lists at most this many refusals. */
export const WINDOW_ROWS = 4096;
/** WebAssembly's page size, the unit the column memory grows in. */
export const PAGE_BYTES = 65_536;
/** Spare bytes after the codes column, so a 16-byte vector read at its last row stays inside. */
const VECTOR_SLACK = 16;

/** Byte offsets of the hot columns in the column memory, for one capacity. */
export interface ColumnLayout {
  readonly userIdsOffset: number;
  readonly timestampsOffset: number;
  readonly actionCodesOffset: number;
  /** Whole pages. */
  readonly byteLength: number;
}

/** Byte offsets of the rest, in the rows buffer. */
export interface RowsLayout {
  readonly idSlotCount: number;
  readonly extrasRefsOffset: number;
  readonly idSlotsOffset: number;
  readonly producersOffset: number;
  readonly byteLength: number;
}

/**
 * Producers whose batch sequence numbers a store remembers (see `producers.ts`): a table of
 * twice as many slots, each a producer id and the next sequence expected from it (two float64s).
 */
export const MAX_PRODUCERS = 2048;
export const PRODUCER_SLOTS = MAX_PRODUCERS * 2;

/** The column memory's layout: 8-byte columns first, each aligned for its element size. */
export function columnLayoutFor(capacity: number): ColumnLayout {
  const userIdsOffset = SCRATCH_BYTES;
  const timestampsOffset = userIdsOffset + capacity * 8;
  const actionCodesOffset = timestampsOffset + capacity * 8;
  const end = actionCodesOffset + capacity + VECTOR_SLACK;
  return {
    userIdsOffset,
    timestampsOffset,
    actionCodesOffset,
    byteLength: Math.ceil(end / PAGE_BYTES) * PAGE_BYTES,
  };
}

/**
 * The rows buffer's layout. The id table has at least twice as many slots as events, a power of
 * two, so linear probing stays short and `hash & mask` picks a slot.
 */
export function rowsLayoutFor(capacity: number): RowsLayout {
  const idSlotCount = nextPowerOfTwo(Math.max(16, capacity * 2));
  const extrasRefsOffset = HEADER_BYTES;
  const idSlotsOffset = extrasRefsOffset + capacity * 4;
  const producersOffset = alignTo8(idSlotsOffset + idSlotCount * 4);
  return {
    idSlotCount,
    extrasRefsOffset,
    idSlotsOffset,
    producersOffset,
    byteLength: producersOffset + PRODUCER_SLOTS * 16,
  };
}

function alignTo8(value: number): number {
  return Math.ceil(value / 8) * 8;
}

function nextPowerOfTwo(value: number): number {
  return 2 ** Math.ceil(Math.log2(value));
}
