import { ACTION_TYPE_BY_CODE, type SharedActivityStore } from '../../src/index.ts';

/** One worker's share of a concurrent workload. */
export interface WorkloadTask {
  readonly store: SharedActivityStore;
  /** A shared Int32 flag the main thread raises to start every worker at once. */
  readonly gate: SharedArrayBuffer;
  readonly worker: number;
  readonly rows: number;
  readonly chunk: number;
  /** Every how many chunks one goes through `logEvent` instead of `logBatch`. */
  readonly singleEvery: number;
  readonly users: number;
  readonly baseMs: number;
  /** When set, every worker uses the same event ids (a race on idempotency). */
  readonly sharedIds: boolean;
}

/** What a worker reports back. */
export interface WorkloadReport {
  readonly worker: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly refused: number;
}

/** The shape of a workload, the same for every worker. */
export type WorkloadShape = Omit<WorkloadTask, 'store' | 'gate' | 'worker'>;

/** The user of row `index` (of any worker): users take turns, 1, 2, …, users, 1, … */
export function userOfRow(shape: WorkloadShape, index: number): number {
  return (index % shape.users) + 1;
}

/** The action code of row `index`: the four codes in turn. */
export function actionCodeOfRow(index: number): number {
  return index % ACTION_TYPE_BY_CODE.length;
}

/** The timestamp of row `index` of `worker`: unique across workers, so it identifies the row. */
export function timeOfRow(shape: WorkloadShape, worker: number, index: number): number {
  return shape.baseMs + worker * shape.rows + index;
}

/** Which worker's which row a stored timestamp belongs to (the inverse of `timeOfRow`). */
export function rowOfTime(shape: WorkloadShape, timeMs: number): { worker: number; index: number } {
  const offset = timeMs - shape.baseMs;
  return { worker: Math.floor(offset / shape.rows), index: offset % shape.rows };
}

/** The event id of row `index` of `worker`: shared by all workers when `sharedIds` is set. */
export function eventIdOfRow(shape: WorkloadShape, worker: number, index: number): string {
  return shape.sharedIds ? `shared-${index}` : `w${worker}-${index}`;
}

/** Row `index` of `worker` as an event for `logEvent`. */
export function eventOfRow(shape: WorkloadShape, worker: number, index: number) {
  const actionType = ACTION_TYPE_BY_CODE[actionCodeOfRow(index)];
  if (actionType === undefined) throw new Error(`no action type for row ${index}`);
  return {
    userId: userOfRow(shape, index),
    actionType,
    timestamp: new Date(timeOfRow(shape, worker, index)),
    eventId: eventIdOfRow(shape, worker, index),
  };
}
