/**
 * The real OpenTelemetry SDK, recording in memory so that nothing leaves the process: spans to an
 * in-memory exporter through the simple (synchronous) processor, metrics aggregated by the SDK and
 * read on demand, log records to an in-memory exporter.
 */
import { logs } from '@opentelemetry/api-logs';
import { metrics, trace } from '@opentelemetry/api';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  SimpleLogRecordProcessor,
} from '@opentelemetry/sdk-logs';
import { MeterProvider, MetricReader, type MetricData } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** A reader that exports nowhere: the case collects from it when it checks its counts. */
class OnDemandMetricReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }

  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

export interface RecordingTelemetry {
  readonly tracerProvider: BasicTracerProvider;
  readonly meterProvider: MeterProvider;
  readonly loggerProvider: LoggerProvider;
  readonly spans: InMemorySpanExporter;
  readonly logRecords: InMemoryLogRecordExporter;
  /** Every metric the SDK aggregated so far, by name. */
  readonly collectMetrics: () => Promise<ReadonlyMap<string, MetricData>>;
  /** Forgets exported spans and log records (between samples, outside the timed region). */
  readonly clearExported: () => void;
  /** Sets the providers as the global ones, for code that uses the API's globals. */
  readonly registerGlobally: () => void;
  readonly shutdown: () => Promise<void>;
}

export function startRecordingTelemetry(): RecordingTelemetry {
  const spans = new InMemorySpanExporter();
  const logRecords = new InMemoryLogRecordExporter();
  const reader = new OnDemandMetricReader();
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(spans)],
  });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const loggerProvider = new LoggerProvider({
    processors: [new SimpleLogRecordProcessor({ exporter: logRecords })],
  });
  let registered = false;
  return {
    tracerProvider,
    meterProvider,
    loggerProvider,
    spans,
    logRecords,
    collectMetrics: async () => {
      const { resourceMetrics, errors } = await reader.collect();
      if (errors.length > 0) throw new AggregateError(errors, 'metric collection failed');
      const all = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
      return new Map(all.map((metric) => [metric.descriptor.name, metric]));
    },
    clearExported: () => {
      spans.reset();
      logRecords.reset();
    },
    registerGlobally: () => {
      registered =
        trace.setGlobalTracerProvider(tracerProvider) &&
        metrics.setGlobalMeterProvider(meterProvider);
      if (!registered) throw new Error('another telemetry provider is already registered globally');
    },
    shutdown: async () => {
      if (registered) {
        trace.disable();
        metrics.disable();
        logs.disable();
      }
      await Promise.all([
        tracerProvider.shutdown(),
        meterProvider.shutdown(),
        loggerProvider.shutdown(),
      ]);
    },
  };
}

/** The sum a counter recorded over all its attribute sets, or undefined when it recorded nothing. */
export function counterTotal(metric: MetricData | undefined): number | undefined {
  if (metric === undefined) return undefined;
  return metric.dataPoints.reduce(
    (sum, point) => sum + (typeof point.value === 'number' ? point.value : 0),
    0,
  );
}

/** How many values a histogram recorded over all its attribute sets. */
export function histogramCount(metric: MetricData | undefined): number | undefined {
  if (metric === undefined) return undefined;
  return metric.dataPoints.reduce(
    (sum, point) =>
      sum + (typeof point.value === 'object' && 'count' in point.value ? point.value.count : 0),
    0,
  );
}
