export { appendBatch, type BatchOutcome } from './append-batch.ts';
export type { ActivityBatch, BatchRefusal, BatchResult } from './batch.ts';
export {
  appendBatchRows,
  type BatchAppend,
  type BatchColumns,
  compactRows,
  copyRows,
  countStoredActions,
  judgeRows,
  ROW_ACCEPTED,
  ROW_BAD_ACTION,
  ROW_BAD_TIMESTAMP,
  ROW_BAD_USER_ID,
  ROW_NO_ROOM,
  type StoreColumns,
} from './core.ts';
export { scanRows, scanRowsJs, scanRowsSimd, simdScanAvailable } from './scan/index.ts';
