import {
  type Attributes,
  type Counter,
  type Histogram,
  type MeterProvider,
  metrics,
  trace,
  type Tracer,
  type TracerProvider,
  ValueType,
} from '@opentelemetry/api';
import { ACTION_TYPE_BY_CODE, type ActionType } from '../action-type.ts';
import type { LogErrorCode } from '../log-error.ts';
import {
  ATTR_ACTION_TYPE,
  ATTR_ERROR_TYPE,
  ATTR_OPERATION,
  INSTRUMENTATION_SCOPE,
  METRIC_EVENTS_REFUSED,
  METRIC_EVENTS_TOTAL,
  METRIC_LOG_DURATION,
} from './names.ts';

/** Where the log's telemetry goes; both default to the global providers of the API. */
export interface TelemetryProviders {
  readonly tracerProvider?: TracerProvider | undefined;
  readonly meterProvider?: MeterProvider | undefined;
}

/** The tracer and the three instruments of one log. */
export interface Instruments {
  readonly tracer: Tracer;
  readonly eventsTotal: Counter;
  readonly eventsRefused: Counter;
  readonly logDuration: Histogram;
}

/** Call durations run from microseconds (one event) to seconds (a huge batch). */
const DURATION_BUCKETS_MS = [
  0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 25, 50, 100, 250, 500,
  1000, 2500,
];

/** The tracer and instruments for `providers`. */
export function createInstruments(providers: TelemetryProviders): Instruments {
  const tracer = (providers.tracerProvider ?? trace.getTracerProvider()).getTracer(
    INSTRUMENTATION_SCOPE,
  );
  const meter = (providers.meterProvider ?? metrics.getMeterProvider()).getMeter(
    INSTRUMENTATION_SCOPE,
  );
  return {
    tracer,
    eventsTotal: meter.createCounter(METRIC_EVENTS_TOTAL, {
      description: 'Number of activity events accepted and stored.',
      unit: '{event}',
      valueType: ValueType.INT,
    }),
    eventsRefused: meter.createCounter(METRIC_EVENTS_REFUSED, {
      description: 'Number of activity events refused and not stored.',
      unit: '{event}',
      valueType: ValueType.INT,
    }),
    logDuration: meter.createHistogram(METRIC_LOG_DURATION, {
      description: 'Duration of one activity-log call, from the call to its result.',
      unit: 'ms',
      valueType: ValueType.DOUBLE,
      advice: { explicitBucketBoundaries: DURATION_BUCKETS_MS },
    }),
  };
}

/**
 * Attribute sets made once, so recording a measurement allocates nothing: one per action type,
 * per error code and per operation.
 */
export const ACTION_ATTRIBUTES: readonly Attributes[] = ACTION_TYPE_BY_CODE.map(
  (actionType: ActionType) => Object.freeze({ [ATTR_ACTION_TYPE]: actionType }),
);

/** The `error.type` attribute set of each error code. */
export const ERROR_ATTRIBUTES: Readonly<Record<LogErrorCode, Attributes>> = Object.freeze({
  INVALID_EVENT: errorAttributes('INVALID_EVENT'),
  INVALID_USER_ID: errorAttributes('INVALID_USER_ID'),
  INVALID_ACTION_TYPE: errorAttributes('INVALID_ACTION_TYPE'),
  INVALID_TIMESTAMP: errorAttributes('INVALID_TIMESTAMP'),
  INVALID_DETAILS: errorAttributes('INVALID_DETAILS'),
  CAPACITY_EXCEEDED: errorAttributes('CAPACITY_EXCEEDED'),
  SEQUENCE_GAP: errorAttributes('SEQUENCE_GAP'),
});

function errorAttributes(code: LogErrorCode): Attributes {
  return Object.freeze({ [ATTR_ERROR_TYPE]: code });
}

/** The `activity.operation` attribute set of `logEvent`. */
export const LOG_EVENT_ATTRIBUTES: Attributes = Object.freeze({ [ATTR_OPERATION]: 'log_event' });
/** The `activity.operation` attribute set of `logBatch`. */
export const LOG_BATCH_ATTRIBUTES: Attributes = Object.freeze({ [ATTR_OPERATION]: 'log_batch' });
