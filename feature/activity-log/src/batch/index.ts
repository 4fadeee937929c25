export { appendBatch, type BatchOutcome } from './append-batch.ts';
export type { ActivityBatch, BatchRefusal, BatchResult } from './batch.ts';
export {
  allRowsValid,
  appendBatchRows,
  type BatchAppend,
  type BatchColumns,
  compactRows,
  copyRows,
  judgeRows,
  ROW_ACCEPTED,
  ROW_BAD_ACTION,
  ROW_BAD_TIMESTAMP,
  ROW_BAD_USER_ID,
  ROW_NO_ROOM,
  type StoreColumns,
} from './core.ts';
