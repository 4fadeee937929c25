/**
 * Where each column lives inside the store's `SharedArrayBuffer`. One buffer holds a small
 * header of `Atomics` counters, the fixed-size columns (struct of arrays) and the event-id
 * table; a second buffer holds the variable-size extras (event ids and details).
 */

/** Header slot: rows handed out to writers so far. */
export const RESERVED_ROWS = 0;
/** Header slot: rows fully written and visible to readers; always a prefix of the reserved rows. */
export const COMMITTED_ROWS = 1;
/** Header slot: bytes of the extras buffer handed out so far. */
export const EXTRAS_USED = 2;
/** Header slot: a format marker, so attaching to something else fails loudly. */
export const FORMAT_MARK = 3;

/** Header slot: writers waiting for earlier rows to be published (0 spares the wake-up call). */
export const ROW_WAITERS = 4;
/** Header slot: writers waiting for another writer's event id to settle. */
export const ID_WAITERS = 5;

/** The value of the format marker. */
export const FORMAT_MARK_VALUE = 0x41_4c_01; // "AL" v1
const HEADER_BYTES = 64;

/** Extras offset 0 means "no extras", so the first record starts after a small reserved gap. */
export const FIRST_EXTRAS_OFFSET = 16;

/** Byte offsets and sizes of every column for one capacity. */
export interface StoreLayout {
  readonly capacity: number;
  readonly idSlotCount: number;
  readonly userIdsOffset: number;
  readonly timestampsOffset: number;
  readonly extrasRefsOffset: number;
  readonly idSlotsOffset: number;
  readonly actionCodesOffset: number;
  readonly byteLength: number;
}

/**
 * The layout for `capacity` events. 8-byte columns come first so every column is aligned for
 * its element size. The id table has at least twice as many slots as events, a power of two, so
 * linear probing stays short and `hash & mask` picks a slot.
 */
export function layoutFor(capacity: number): StoreLayout {
  const idSlotCount = nextPowerOfTwo(Math.max(16, capacity * 2));
  const userIdsOffset = HEADER_BYTES;
  const timestampsOffset = userIdsOffset + capacity * 8;
  const extrasRefsOffset = timestampsOffset + capacity * 8;
  const idSlotsOffset = extrasRefsOffset + capacity * 4;
  const actionCodesOffset = idSlotsOffset + idSlotCount * 4;
  const byteLength = actionCodesOffset + alignTo8(capacity);
  return {
    capacity,
    idSlotCount,
    userIdsOffset,
    timestampsOffset,
    extrasRefsOffset,
    idSlotsOffset,
    actionCodesOffset,
    byteLength,
  };
}

function nextPowerOfTwo(value: number): number {
  return 2 ** Math.ceil(Math.log2(value));
}

function alignTo8(value: number): number {
  return Math.ceil(value / 8) * 8;
}
