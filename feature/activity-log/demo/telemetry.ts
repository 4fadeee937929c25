import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-grpc';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { ExportTally, tallyMetricExporter, tallySpanExporter } from './export-tally.ts';

/** The demo's OpenTelemetry SDK and the tally of its exports. */
export interface DemoTelemetry {
  readonly sdk: NodeSDK;
  readonly tally: ExportTally;
  /** Where telemetry goes, for messages. */
  readonly endpoint: string;
}

/**
 * Starts the SDK with the OTLP gRPC trace and metric exporters. They read the standard
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (default `http://localhost:4317`) and `OTEL_EXPORTER_OTLP_*`
 * settings. Metrics are exported when the SDK shuts down (and every minute before that).
 */
export function startTelemetry(): DemoTelemetry {
  const tally = new ExportTally();
  const sdk = new NodeSDK({
    serviceName: 'activity-log-demo',
    traceExporter: tallySpanExporter(new OTLPTraceExporter(), tally.traces),
    metricReaders: [
      new PeriodicExportingMetricReader({
        exporter: tallyMetricExporter(new OTLPMetricExporter(), tally.metrics),
        exportIntervalMillis: 60_000,
      }),
    ],
    logRecordProcessors: [],
    instrumentations: [],
  });
  sdk.start();
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT ?? 'http://localhost:4317';
  return { sdk, tally, endpoint };
}
