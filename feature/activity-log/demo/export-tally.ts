import type { PushMetricExporter, ResourceMetrics } from '@opentelemetry/sdk-metrics';
import { ExportResultCode } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

type ExportResult = Parameters<Parameters<SpanExporter['export']>[1]>[0];

/** One signal's exports: how many succeeded, and why the failed ones failed. */
export interface SignalTally {
  succeeded: number;
  readonly failures: string[];
}

/**
 * Counts successful and failed exports per signal. The SDK only logs export failures, so the
 * demo wraps its exporters to see them and can exit non-zero instead of pretending.
 */
export class ExportTally {
  readonly traces: SignalTally = { succeeded: 0, failures: [] };
  readonly metrics: SignalTally = { succeeded: 0, failures: [] };

  /** Problems worth a non-zero exit: failed exports, or a signal never exported at all. */
  problems(): string[] {
    return (['traces', 'metrics'] as const).flatMap((signal) => {
      const { succeeded, failures } = this[signal];
      const failed = failures.map((reason) => `${signal} export failed: ${reason}`);
      const none = succeeded === 0 && failures.length === 0 ? [`no ${signal} were exported`] : [];
      return [...failed, ...none];
    });
  }
}

function note(tally: SignalTally, result: ExportResult): void {
  if (result.code === ExportResultCode.SUCCESS) tally.succeeded++;
  else tally.failures.push(result.error?.message ?? 'unknown error');
}

/** `inner`, with every export's result counted in `tally`. */
export function tallySpanExporter(inner: SpanExporter, tally: SignalTally): SpanExporter {
  return {
    export: (spans: ReadableSpan[], done) => {
      inner.export(spans, (result) => {
        note(tally, result);
        done(result);
      });
    },
    shutdown: () => inner.shutdown(),
    forceFlush: () => inner.forceFlush?.() ?? Promise.resolve(),
  };
}

/** `inner`, with every export's result counted in `tally`; aggregation choices delegated. */
export function tallyMetricExporter(
  inner: PushMetricExporter,
  tally: SignalTally,
): PushMetricExporter {
  const exporter: PushMetricExporter = {
    export: (metrics: ResourceMetrics, done) => {
      inner.export(metrics, (result) => {
        note(tally, result);
        done(result);
      });
    },
    forceFlush: () => inner.forceFlush(),
    shutdown: () => inner.shutdown(),
  };
  if (inner.selectAggregationTemporality !== undefined) {
    exporter.selectAggregationTemporality = inner.selectAggregationTemporality.bind(inner);
  }
  if (inner.selectAggregation !== undefined) {
    exporter.selectAggregation = inner.selectAggregation.bind(inner);
  }
  return exporter;
}
