/** The columns a batch is read from, checked to be exactly these typed arrays, equally long. */
export interface BatchColumns {
  readonly userIds: BigUint64Array;
  readonly actionCodes: Uint8Array;
  readonly timestamps: Float64Array;
}

/**
 * Rows `from` to `from + rows` of a column: the column itself when that is all of it (no view is
 * made, as for a whole batch), else a view, never a copy.
 */
export function rowsOf<T extends BigUint64Array | Float64Array | Uint8Array>(
  column: T,
  from: number,
  rows: number,
): T {
  if (from === 0 && column.length === rows) return column;
  return column.subarray(from, from + rows) as T;
}
