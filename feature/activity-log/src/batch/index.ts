export { appendBatch, type BatchOutcome } from './append-batch.ts';
export type { ActivityBatch, BatchRefusal, BatchResult } from './batch.ts';
export {
  appendBatchRows,
  type BatchAppend,
  type BatchColumns,
  type BatchTarget,
  batchTargetFor,
  VERDICT_NO_ROOM,
} from './core.ts';
export {
  jsRowChecker,
  rowCheckerFor,
  type RowChecker,
  SCRATCH_LIST,
  SCRATCH_REFUSALS,
  simdRowChecksAvailable,
  wasmRowChecker,
} from './rows/index.ts';
