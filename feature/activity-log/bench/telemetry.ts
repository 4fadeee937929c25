/**
 * The real OpenTelemetry SDK, exporting as an application would but without a network: spans and
 * log records go through the SDK's batch processors to exporters that encode every batch into an
 * OTLP protobuf request, with the serializer the OTLP exporters use, and drop the bytes where an
 * OTLP exporter would hand them to its transport. Metrics are aggregated by the SDK and read on
 * demand. The SDK itself is in `sdk-telemetry.ts`, loaded by the cases that use it: the other
 * cases' measuring processes start about 0.3 s sooner.
 */
import type { MetricData } from '@opentelemetry/sdk-metrics';
import type {
  EncodedTotals,
  ExportingTelemetry,
  ExportingTelemetryOptions,
} from './sdk-telemetry.ts';

export type { EncodedTotals, ExportingTelemetry, ExportingTelemetryOptions };

/** Loads the SDK and sets up its providers, exporters and reader. */
export async function startExportingTelemetry(
  options: ExportingTelemetryOptions,
): Promise<ExportingTelemetry> {
  const { startSdk } = await import('./sdk-telemetry.ts');
  return startSdk(options);
}

/**
 * The guard's check of what one case exported, after its last call: every item of every call
 * was encoded, in one request per call.
 */
export function exportProblems(
  what: string,
  encoded: EncodedTotals,
  expected: { readonly runs: number; readonly itemsPerRun: number },
): string[] {
  const items = expected.runs * expected.itemsPerRun;
  if (encoded.items === items && encoded.requests === expected.runs && encoded.bytes > 0) return [];
  return [
    `${what}: ${encoded.items} encoded in ${encoded.requests} OTLP requests (${encoded.bytes} bytes), ` +
      `expected ${items} in ${expected.runs}, one per call`,
  ];
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
