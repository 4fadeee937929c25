import { metrics } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { ExportTally, tallyMetricExporter, tallySpanExporter } from './export-tally.ts';

/** The demo's OpenTelemetry SDK and the tally of its exports. */
export interface DemoTelemetry {
  /** Ends the span batches and exports a last round of metrics. */
  shutdown(): Promise<void>;
  readonly tally: ExportTally;
  /** Where telemetry goes, for messages. */
  readonly endpoint: string;
}

/**
 * Sets up the SDK with the OTLP gRPC trace and metric exporters: a tracer provider (with the
 * async-local-storage context and W3C propagation) and a meter provider, registered globally.
 * The exporters read the standard `OTEL_EXPORTER_OTLP_ENDPOINT` (default `http://localhost:4317`)
 * and `OTEL_EXPORTER_OTLP_*` settings. Metrics are exported when the SDK shuts down (and every
 * minute before that).
 *
 * The resource is `service.name` and the SDK's `telemetry.sdk.*`, which the registry declares;
 * nothing is detected from the host or the process, so nothing undeclared is sent. (The
 * all-in-one `@opentelemetry/sdk-node` would install exporters for every protocol, Prometheus,
 * Zipkin and the instrumentation hooks, none of which the demo uses.)
 */
export function startTelemetry(): DemoTelemetry {
  const tally = new ExportTally();
  const resource = defaultResource().merge(
    resourceFromAttributes({ 'service.name': 'activity-log-demo' }),
  );
  const tracerProvider = new NodeTracerProvider({
    resource,
    spanProcessors: [
      new BatchSpanProcessor(tallySpanExporter(new OTLPTraceExporter(), tally.traces)),
    ],
  });
  tracerProvider.register();
  const meterProvider = new MeterProvider({
    resource,
    readers: [
      new PeriodicExportingMetricReader({
        exporter: tallyMetricExporter(new OTLPMetricExporter(), tally.metrics),
        exportIntervalMillis: 60_000,
      }),
    ],
  });
  metrics.setGlobalMeterProvider(meterProvider);
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4317';
  return {
    shutdown: async () => {
      await Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]);
    },
    tally,
    endpoint,
  };
}
