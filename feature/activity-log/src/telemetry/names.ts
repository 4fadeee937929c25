/**
 * Telemetry names, exactly as declared in the registry (`registry/*.yaml`); the feature's tests
 * read the registry and fail when these drift from it.
 */

/** Instrumentation scope of the tracer and meter. */
export const INSTRUMENTATION_SCOPE = 'activity-log';

/** Span of one `logEvent` call (`span.activity.log_event.internal`). */
export const SPAN_LOG_EVENT = 'activity.log_event';
/** Span of one `logBatch` call (`span.activity.log_batch.internal`). */
export const SPAN_LOG_BATCH = 'activity.log_batch';

/** Counter of stored events. */
export const METRIC_EVENTS_TOTAL = 'activity.events.total';
/** Counter of refused events. */
export const METRIC_EVENTS_REFUSED = 'activity.events.refused';
/** Histogram of call durations. */
export const METRIC_LOG_DURATION = 'activity.log_duration';

/** Attribute: the user id (int). */
export const ATTR_USER_ID = 'user.id';
/** Attribute: the action type (enum string). */
export const ATTR_ACTION_TYPE = 'action.type';
/** Attribute: the event timestamp (ISO-8601 string). */
export const ATTR_EVENT_TIMESTAMP = 'event.timestamp';
/** Attribute: whether an accepted event was a duplicate (boolean). */
export const ATTR_EVENT_DUPLICATE = 'activity.event.duplicate';
/** Attribute: which operation a duration belongs to (`log_event` or `log_batch`). */
export const ATTR_OPERATION = 'activity.operation';
/** Attribute: rows in a batch (int). */
export const ATTR_BATCH_SIZE = 'activity.batch.size';
/** Attribute: rows of a batch refused (int). */
export const ATTR_BATCH_REFUSED = 'activity.batch.refused';
/** Attribute: leading rows of a sequenced batch already stored, not stored again (int). */
export const ATTR_BATCH_DUPLICATES = 'activity.batch.duplicates';
/** Attribute: the refusal code (enum string). */
export const ATTR_ERROR_TYPE = 'error.type';
