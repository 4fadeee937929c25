import {
  AggregationTemporality,
  DataPointType,
  InMemoryMetricExporter,
  MeterProvider,
  type MetricData,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';

/** The real SDK wired to in-memory exporters, for a log under test. */
export class InMemoryTelemetry {
  readonly spanExporter = new InMemorySpanExporter();
  readonly metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  readonly tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor(this.spanExporter)],
  });
  readonly #reader = new PeriodicExportingMetricReader({
    exporter: this.metricExporter,
    exportIntervalMillis: 3_600_000,
  });
  readonly meterProvider = new MeterProvider({ readers: [this.#reader] });

  /** Spans ended so far. */
  spans(): ReadableSpan[] {
    return this.spanExporter.getFinishedSpans();
  }

  /** Exports the metrics now and returns the latest export's metrics. */
  async metrics(): Promise<MetricData[]> {
    await this.#reader.forceFlush();
    const exports = this.metricExporter.getMetrics();
    return exports.at(-1)?.scopeMetrics.flatMap((scope) => scope.metrics) ?? [];
  }

  async shutdown(): Promise<void> {
    await this.tracerProvider.shutdown();
    await this.meterProvider.shutdown();
  }
}

/** The registry's instrument name for an exported metric (monotonic sum = counter). */
export function instrumentOf(metric: MetricData): string {
  switch (metric.dataPointType) {
    case DataPointType.SUM:
      return metric.isMonotonic ? 'counter' : 'updowncounter';
    case DataPointType.GAUGE:
      return 'gauge';
    case DataPointType.HISTOGRAM:
    case DataPointType.EXPONENTIAL_HISTOGRAM:
      return 'histogram';
  }
}

/** A metric's data points as `[attributes, value]`, the value a sum or a histogram's count. */
export function pointsOf(metric: MetricData | undefined): [Record<string, unknown>, number][] {
  if (metric === undefined) return [];
  return metric.dataPoints.map((point) => {
    const value: unknown = point.value;
    const number =
      typeof value === 'number' ? value : ((value as { count?: number }).count ?? Number.NaN);
    return [{ ...point.attributes }, number];
  });
}
