/**
 * The peers the activity log is measured beside, in the same run: the tutorial's code, the
 * OpenTelemetry Logs SDK emitting one record per event, and the bare telemetry a logged event
 * costs (a span, a counter and a histogram, recorded and exported by the real SDK).
 */
import { SpanKind } from '@opentelemetry/api';
import { SeverityNumber } from '@opentelemetry/api-logs';
import type { BenchCase, BenchCaseRun } from '../../../src/bench/index.ts';
import {
  counterTotal,
  exportProblems,
  histogramCount,
  startExportingTelemetry,
  type ExportingTelemetry,
} from './telemetry.ts';
import { TutorialActivityLogger } from './tutorial-port.ts';
import {
  actionTypeOf,
  actionTypes,
  eventsPerCall,
  makeWorkload,
  type Workload,
} from './workload.ts';

const expectCount = (what: string, got: number | undefined, expected: number): string[] =>
  got === expected ? [] : [`${what}: ${String(got)}, expected ${expected}`];

function tutorialPortRun(workload: Workload, telemetry?: ExportingTelemetry): BenchCaseRun {
  telemetry?.registerGlobally();
  const logger = new TutorialActivityLogger();
  const { size, userIds, actionCodes, timestamps } = workload;
  let runs = 0;
  return {
    beforeRun: () => {
      logger.clear();
    },
    run: () => {
      runs += 1;
      for (let index = 0; index < size; index += 1) {
        logger.logEvent({
          userId: userIds[index] ?? 0,
          actionType: actionTypeOf(actionCodes[index] ?? 0),
          timestamp: new Date(timestamps[index] ?? 0),
        });
      }
      return logger.countEvents();
    },
    verify: async () => {
      if (telemetry === undefined) return [];
      await telemetry.flush();
      return exportProblems('spans', telemetry.encodedSpans, { runs, itemsPerRun: size });
    },
    close: () => telemetry?.shutdown(),
  };
}

/**
 * The Logs SDK's batch processor exports after an `await`, so its export (the OTLP encoding)
 * runs after the timed call, between samples: this peer's figure leaves it out, where the span
 * processor's export is inside the activity log's figures. The peer is flattered, not the log.
 */
async function logsSdkRun(workload: Workload): Promise<BenchCaseRun> {
  const telemetry = await startExportingTelemetry({ itemsPerBatch: workload.size });
  const logger = telemetry.loggerProvider.getLogger('activity-log-peer');
  const { size, userIds, actionCodes, timestamps } = workload;
  let runs = 0;
  return {
    run: () => {
      runs += 1;
      let emitted = 0;
      for (let index = 0; index < size; index += 1) {
        emitted += 1;
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
      return emitted;
    },
    verify: async () => {
      await telemetry.flush();
      return exportProblems('log records', telemetry.encodedLogRecords, {
        runs,
        itemsPerRun: size,
      });
    },
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
async function spanCounterHistogramRun(workload: Workload): Promise<BenchCaseRun> {
  const telemetry = await startExportingTelemetry({ itemsPerBatch: workload.size });
  const tracer = telemetry.tracerProvider.getTracer('activity-log-peer');
  const meter = telemetry.meterProvider.getMeter('activity-log-peer');
  const events = meter.createCounter('activity.events.total', { unit: '{event}' });
  const durations = meter.createHistogram('activity.log_duration', { unit: 'ms' });
  const { size, userIds, actionCodes, timestamps } = workload;
  let runs = 0;
  return {
    run: () => {
      runs += 1;
      const exportedBefore = telemetry.encodedSpans.items;
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
      return telemetry.encodedSpans.items - exportedBefore;
    },
    verify: async () => {
      await telemetry.flush();
      const recorded = await telemetry.collectMetrics();
      return [
        ...exportProblems('spans', telemetry.encodedSpans, { runs, itemsPerRun: size }),
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
    opsPerRun: eventsPerCall.tutorialApiOnly,
    setup: () => tutorialPortRun(makeWorkload(eventsPerCall.tutorialApiOnly)),
  },
  {
    name: 'activity-log/peers/tutorial-port/sdk',
    opsPerRun: eventsPerCall.tutorialSdk,
    setup: async () =>
      tutorialPortRun(
        makeWorkload(eventsPerCall.tutorialSdk),
        await startExportingTelemetry({ itemsPerBatch: eventsPerCall.tutorialSdk }),
      ),
  },
  {
    name: 'activity-log/peers/otel-logs-sdk',
    opsPerRun: eventsPerCall.logsSdk,
    setup: () => logsSdkRun(makeWorkload(eventsPerCall.logsSdk)),
  },
  {
    name: 'activity-log/peers/span-counter-histogram',
    opsPerRun: eventsPerCall.spanCounterHistogram,
    setup: () => spanCounterHistogramRun(makeWorkload(eventsPerCall.spanCounterHistogram)),
  },
];
