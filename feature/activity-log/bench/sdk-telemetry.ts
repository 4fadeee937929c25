/**
 * The SDK side of `telemetry.ts`, which loads it only for the cases that use it.
 */
import { logs } from '@opentelemetry/api-logs';
import { metrics, trace } from '@opentelemetry/api';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import { ProtobufLogsSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import {
  BatchLogRecordProcessor,
  LoggerProvider,
  type LogRecordExporter,
  type ReadableLogRecord,
} from '@opentelemetry/sdk-logs';
import { MeterProvider, MetricReader, type MetricData } from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  BatchSpanProcessor,
  type ReadableSpan,
  type SpanExporter,
} from '@opentelemetry/sdk-trace-base';

/** What an exporter has encoded since it was made. */
export interface EncodedTotals {
  /** OTLP requests encoded: one per batch the processor exported. */
  readonly requests: number;
  /** Spans or log records in those requests. */
  readonly items: number;
  readonly bytes: number;
}

export type MetricsByName = ReadonlyMap<string, MetricData>;

export interface ExportingTelemetryOptions {
  /**
   * Spans or log records per exported batch: the case's events per timed call, so that every
   * call ends exactly one batch. The batch span processor exports inside the call that fills a
   * batch, so every sample, hence the median, carries one export. (With the default batch of
   * 512 and 32 events per call, one call in sixteen would carry it and the median none.)
   */
  readonly itemsPerBatch: number;
}

export interface ExportingTelemetry {
  readonly tracerProvider: BasicTracerProvider;
  readonly meterProvider: MeterProvider;
  readonly loggerProvider: LoggerProvider;
  /** Everything encoded since the start. */
  readonly encodedSpans: EncodedTotals;
  readonly encodedLogRecords: EncodedTotals;
  /** Every metric the SDK aggregated so far, by name. */
  readonly collectMetrics: () => Promise<MetricsByName>;
  /** Exports what the batch processors still hold. */
  readonly flush: () => Promise<void>;
  /** Sets the providers as the global ones, for code that uses the API's globals. */
  readonly registerGlobally: () => void;
  readonly shutdown: () => Promise<void>;
}

/**
 * A reader that exports nowhere: the case collects from it when it checks its counts. An
 * application's periodic reader exports once a minute by default: a cost per interval, not per
 * event, so a per-event figure leaves it out; recording into the aggregations is measured.
 */
class OnDemandMetricReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }

  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

/**
 * Encodes each batch as the OTLP/HTTP-protobuf and OTLP/gRPC exporters do, synchronously inside
 * `export`, and reports success at once instead of sending the bytes. (The SDK's in-memory span
 * exporter reports on a timer, which an OTLP exporter's send also does, later still: the batch
 * processor then holds the next batches until that report and exports them from a callback,
 * outside the call that filled them. Reporting at once charges every export to the call that
 * filled its batch, as when no earlier export is still being sent.)
 */
const succeeded: ExportResult = { code: ExportResultCode.SUCCESS };

class OtlpEncodingExporter<Item> implements EncodedTotals {
  requests = 0;
  items = 0;
  bytes = 0;
  #stopped = false;
  readonly #encode: (items: Item[]) => Uint8Array | undefined;

  constructor(encode: (items: Item[]) => Uint8Array | undefined) {
    this.#encode = encode;
  }

  export(items: Item[], resultCallback: (result: ExportResult) => void): void {
    const request = this.#stopped ? undefined : this.#encode(items);
    if (request === undefined) {
      const reason = this.#stopped ? 'the exporter was shut down' : 'the batch did not encode';
      resultCallback({ code: ExportResultCode.FAILED, error: new Error(reason) });
      return;
    }
    this.requests += 1;
    this.items += items.length;
    this.bytes += request.byteLength;
    resultCallback(succeeded);
  }

  shutdown(): Promise<void> {
    this.#stopped = true;
    return Promise.resolve();
  }

  forceFlush(): Promise<void> {
    return Promise.resolve();
  }
}

/** The providers, with the batch processors, the OTLP-encoding exporters and the reader. */
export function startSdk(options: ExportingTelemetryOptions): ExportingTelemetry {
  const batch = { maxExportBatchSize: options.itemsPerBatch };
  const spans = new OtlpEncodingExporter<ReadableSpan>((items) =>
    ProtobufTraceSerializer.serializeRequest(items),
  );
  const logRecords = new OtlpEncodingExporter<ReadableLogRecord>((items) =>
    ProtobufLogsSerializer.serializeRequest(items),
  );
  const reader = new OnDemandMetricReader();
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new BatchSpanProcessor(spans satisfies SpanExporter, batch)],
  });
  const meterProvider = new MeterProvider({ readers: [reader] });
  const loggerProvider = new LoggerProvider({
    processors: [
      new BatchLogRecordProcessor({ exporter: logRecords satisfies LogRecordExporter, ...batch }),
    ],
  });
  let registered = false;
  return {
    tracerProvider,
    meterProvider,
    loggerProvider,
    encodedSpans: spans,
    encodedLogRecords: logRecords,
    collectMetrics: async (): Promise<MetricsByName> => {
      const { resourceMetrics, errors } = await reader.collect();
      if (errors.length > 0) throw new AggregateError(errors, 'metric collection failed');
      const all = resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics);
      return new Map(all.map((metric) => [metric.descriptor.name, metric]));
    },
    flush: async () => {
      await Promise.all([tracerProvider.forceFlush(), loggerProvider.forceFlush()]);
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
