/**
 * The peers the activity log is measured beside, in the same run: the tutorial's code, the
 * OpenTelemetry Logs SDK emitting one record per event, and the bare telemetry a logged event
 * costs (a span, a counter and a histogram, recorded by the real SDK).
 */
import { SpanKind } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import type { BenchCase, BenchCaseRun } from '../../../src/bench/index.ts';
import {
  counterTotal,
  histogramCount,
  startRecordingTelemetry,
  type RecordingTelemetry,
} from './telemetry.ts';
import { TutorialActivityLogger } from './tutorial-port.ts';
import { actionTypeOf, actionTypes, makeWorkload, type Workload } from './workload.ts';

/** About a millisecond of work per sample for the per-event cases, which cost about a microsecond. */
const eventsPerRun = 1000;

const expectCount = (what: string, got: number | undefined, expected: number): string[] =>
  got === expected ? [] : [`${what}: ${String(got)}, expected ${expected}`];

function tutorialPortRun(workload: Workload, telemetry?: RecordingTelemetry): BenchCaseRun {
  telemetry?.registerGlobally();
  const logger = new TutorialActivityLogger();
  const { size, userIds, actionCodes, timestamps } = workload;
  return {
    beforeRun: () => {
      logger.clear();
      telemetry?.clearExported();
    },
    run: () => {
      for (let index = 0; index < size; index += 1) {
        logger.logEvent({
          userId: userIds[index] ?? 0,
          actionType: actionTypeOf(actionCodes[index] ?? 0),
          timestamp: new Date(timestamps[index] ?? 0),
        });
      }
      return logger.countEvents();
    },
    expected: size,
    verify: () =>
      telemetry === undefined
        ? []
        : expectCount(
            'spans exported by the last run',
            telemetry.spans.getFinishedSpans().length,
            size,
          ),
    close: () => telemetry?.shutdown(),
  };
}

function logsSdkRun(workload: Workload): BenchCaseRun {
  const telemetry = startRecordingTelemetry();
  const logger = telemetry.loggerProvider.getLogger('activity-log-peer');
  const { size, userIds, actionCodes, timestamps } = workload;
  return {
    beforeRun: telemetry.clearExported,
    run: () => {
      for (let index = 0; index < size; index += 1) {
        logger.emit({
          timestamp: timestamps[index] ?? 0,
          severityNumber: SeverityNumber.INFO,
          severityText: 'INFO',
          body: 'activity event',
          attributes: {
            'user.id': userIds[index] ?? 0,
            'action.type': actionTypeOf(actionCodes[index] ?? 0),
          },
        });
      }
      return telemetry.logRecords.getFinishedLogRecords().length;
    },
    expected: size,
    close: telemetry.shutdown,
  };
}

/** Attribute sets made once, as an instrumented library would: one per action type. */
const actionAttributes = actionTypes.map((actionType) =>
  Object.freeze({ 'action.type': actionType }),
);
const logEventOperation = Object.freeze({ 'activity.operation': 'log_event' });

/**
 * The telemetry the registry asks of one logged event, emitted directly with nothing else around
 * it: the `activity.log_event` span with its attributes, the events counter and the call-duration
 * histogram (two clock reads). The reference for the 1.25× rule on `logEvent`.
 */
function spanCounterHistogramRun(workload: Workload): BenchCaseRun {
  const telemetry = startRecordingTelemetry();
  const tracer = telemetry.tracerProvider.getTracer('activity-log-peer');
  const meter = telemetry.meterProvider.getMeter('activity-log-peer');
  const events = meter.createCounter('activity.events.total', { unit: '{event}' });
  const durations = meter.createHistogram('activity.log_duration', { unit: 'ms' });
  const { size, userIds, actionCodes, timestamps } = workload;
  let runs = 0;
  return {
    beforeRun: telemetry.clearExported,
    run: () => {
      runs += 1;
      for (let index = 0; index < size; index += 1) {
        const started = performance.now();
        const code = actionCodes[index] ?? 0;
        const span = tracer.startSpan('activity.log_event', {
          kind: SpanKind.INTERNAL,
          attributes: {
            'user.id': userIds[index] ?? 0,
            'action.type': actionTypeOf(code),
            'event.timestamp': new Date(timestamps[index] ?? 0).toISOString(),
            'activity.event.duplicate': false,
          },
        });
        events.add(1, actionAttributes[code]);
        span.end();
        durations.record(performance.now() - started, logEventOperation);
      }
      return telemetry.spans.getFinishedSpans().length;
    },
    expected: size,
    verify: async () => {
      const recorded = await telemetry.collectMetrics();
      return [
        ...expectCount(
          'activity.events.total',
          counterTotal(recorded.get('activity.events.total')),
          runs * size,
        ),
        ...expectCount(
          'activity.log_duration count',
          histogramCount(recorded.get('activity.log_duration')),
          runs * size,
        ),
      ];
    },
    close: telemetry.shutdown,
  };
}

export const peerCases: readonly BenchCase[] = [
  {
    name: 'activity-log/peers/tutorial-port/api-only',
    opsPerRun: eventsPerRun,
    setup: () => tutorialPortRun(makeWorkload(eventsPerRun)),
  },
  {
    name: 'activity-log/peers/tutorial-port/sdk',
    opsPerRun: eventsPerRun,
    setup: () => tutorialPortRun(makeWorkload(eventsPerRun), startRecordingTelemetry()),
  },
  {
    name: 'activity-log/peers/otel-logs-sdk',
    opsPerRun: eventsPerRun,
    setup: () => logsSdkRun(makeWorkload(eventsPerRun)),
  },
  {
    name: 'activity-log/peers/span-counter-histogram',
    opsPerRun: eventsPerRun,
    setup: () => spanCounterHistogramRun(makeWorkload(eventsPerRun)),
  },
];
