/**
 * The activity-log library: validates user activity events, stores them in shared typed-array
 * columns, and reports through `@opentelemetry/api`. See the feature's README.
 */
export { ActionType, ACTION_TYPE_BY_CODE, actionCodeOf } from './action-type.ts';
export { ActivityLog, type LogResult } from './activity-log.ts';
export type { ActivityBatch, BatchRefusal, BatchResult } from './batch/index.ts';
export type { ActivityEvent } from './event.ts';
export { DEFAULT_LIMITS, type ActivityLogLimits } from './limits.ts';
export { LogError, LogErrorCode, type LogErrorField } from './log-error.ts';
export {
  DEFAULT_CAPACITY,
  DEFAULT_EXTRAS_BYTES,
  MAX_CAPACITY,
  MAX_EXTRAS_BYTES,
  type ActivityLogOptions,
} from './options.ts';
export { MAX_PRODUCERS, SHARED_STORE_FORMAT, type SharedActivityStore } from './store/index.ts';
