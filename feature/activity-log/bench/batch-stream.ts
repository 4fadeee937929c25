/**
 * The batches the hot-path cases log, built once from the shared workload, and what a store
 * must hold after logging them: every stored row, in store order, to check the work was done.
 */
import type { ActivityBatch } from '../src/index.ts';
import type { Workload } from './workload.ts';

/** Thousands of events per batch, as the batch API is meant to be called. */
export const BATCH_ROWS = 4096;
/**
 * Batches per timed call: 65,536 events, 100 to 300 µs per call at 1.5 to 4.5 ns per event, so a
 * sample stays at or above ticks.md's 100 µs even when the machine is quiet.
 */
export const BATCHES_PER_RUN = 16;

/** One stored event as the guard checks it. */
export interface StoredRow {
  readonly userId: number;
  readonly actionCode: number;
  readonly timeMs: number;
}

/** A batch with, for each row, whether a store keeps it (valid and not a duplicate). */
export interface PlannedBatch {
  readonly batch: ActivityBatch;
  /** Rows of this batch a store keeps when the batch is not a repeat (its first rows stored too). */
  readonly kept: readonly StoredRow[];
  /** Of those, the ones among the leading `overlap` rows (the repeat of the previous batch's end). */
  readonly keptInOverlap: number;
}

function rowOf(workload: Workload, index: number): StoredRow {
  return {
    userId: workload.userIds[index] ?? 0,
    actionCode: workload.actionCodes[index] ?? 0,
    timeMs: workload.timestamps[index] ?? 0,
  };
}

/** The workload's rows `first` to `first + BATCH_ROWS` (wrapping around) as a batch. */
function batchFrom(workload: Workload, first: number): { batch: ActivityBatch; rows: StoredRow[] } {
  const rows = Array.from({ length: BATCH_ROWS }, (_, row) =>
    rowOf(workload, (first + row) % workload.size),
  );
  const batch = {
    userIds: BigUint64Array.from(rows, (row) => BigInt(row.userId)),
    actionCodes: Uint8Array.from(rows, (row) => row.actionCode),
    timestamps: Float64Array.from(rows, (row) => row.timeMs),
  };
  return { batch, rows };
}

/** Sixteen batches of valid rows, one after another through the workload. */
export function plainBatches(workload: Workload): PlannedBatch[] {
  return Array.from({ length: BATCHES_PER_RUN }, (_, index) => {
    const { batch, rows } = batchFrom(workload, index * BATCH_ROWS);
    return { batch, kept: rows, keptInOverlap: 0 };
  });
}

/** A realistic mix: how a mixed batch differs from a clean one. */
export interface Mix {
  /** Leading rows of each batch that repeat the previous batch's last rows (a retry's overlap). */
  readonly overlap: number;
  /** Rows per batch spoiled, one rule each in turn: user id 0, action code 7, a future time, NaN. */
  readonly refusedPerBatch: number;
}

/** About 1 row in 100 a duplicate and 1 in 1,000 refused. */
export const REALISTIC_MIX: Mix = { overlap: 41, refusedPerBatch: 4 };

/** Spoils one row so that the store refuses it; `rule` picks which rule it breaks. */
function spoil(batch: ActivityBatch, row: number, rule: number, nowMs: number): void {
  if (rule === 0) batch.userIds[row] = 0n;
  else if (rule === 1) batch.actionCodes[row] = 7;
  else if (rule === 2) batch.timestamps[row] = nowMs + 3_600_000;
  else batch.timestamps[row] = Number.NaN;
}

/**
 * Sixteen sequenced batches whose leading `overlap` rows repeat the end of the batch before (the
 * last batch's end for the first, as a stream going round), each with `refusedPerBatch` spoiled
 * rows outside the overlap, spread over the batch.
 */
export function mixedBatches(workload: Workload, mix: Mix, nowMs: number): PlannedBatch[] {
  const step = BATCH_ROWS - mix.overlap;
  const streamRows = step * BATCHES_PER_RUN;
  return Array.from({ length: BATCHES_PER_RUN }, (_, index) => {
    const first = (index * step - mix.overlap + streamRows) % streamRows;
    const { batch, rows } = batchFrom(
      { ...workload, size: Math.min(workload.size, streamRows) },
      first,
    );
    const spoiled = new Set<number>();
    for (let k = 0; k < mix.refusedPerBatch; k++) {
      const row = mix.overlap + Math.floor(((k + 0.5) * step) / mix.refusedPerBatch);
      spoil(batch, row, (index + k) % 4, nowMs);
      spoiled.add(row);
    }
    const kept = rows.filter((_, row) => !spoiled.has(row));
    return { batch, kept, keptInOverlap: mix.overlap };
  });
}
