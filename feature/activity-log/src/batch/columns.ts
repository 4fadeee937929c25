/** The columns a batch is read from. User ids are pairs of 32-bit words, so no BigInt is made. */
export interface BatchColumns {
  readonly userWords: Uint32Array;
  readonly actionCodes: Uint8Array;
  readonly timestamps: Float64Array;
}

/** The store columns a batch is written to (the same shapes, sized to the capacity). */
export type StoreColumns = BatchColumns;

/**
 * Rows `from` to `from + rows` of a column holding `width` elements per row: the column itself
 * when that is all of it (no view is made, as for a whole batch), else a view, never a copy.
 */
export function rowsOf<T extends Uint32Array | Float64Array | Uint8Array>(
  column: T,
  from: number,
  rows: number,
  width: number,
): T {
  if (from === 0 && column.length === rows * width) return column;
  return column.subarray(from * width, (from + rows) * width) as T;
}
