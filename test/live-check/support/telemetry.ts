import { SpanKind, type Attributes } from '@opentelemetry/api';
import type { AnyValueMap } from '@opentelemetry/api-logs';
import {
  JsonLogsSerializer,
  JsonMetricsSerializer,
  JsonTraceSerializer,
  ProtobufLogsSerializer,
  ProtobufMetricsSerializer,
  ProtobufTraceSerializer,
} from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemoryLogRecordExporter,
  LoggerProvider,
  SimpleLogRecordProcessor,
  type ReadableLogRecord,
} from '@opentelemetry/sdk-logs';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type ResourceMetrics,
} from '@opentelemetry/sdk-metrics';
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace-base';

/**
 * Telemetry made by the real OpenTelemetry SDK and captured in memory, so that the very same
 * samples can be sent over every transport.
 */

export const testResource = resourceFromAttributes({ 'service.name': 'live-check-test' });

export interface SpanSpec {
  readonly name: string;
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  readonly events?: readonly { name: string; attributes?: Attributes }[];
}

export function makeSpans(specs: readonly SpanSpec[]): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const provider = new BasicTracerProvider({
    resource: testResource,
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('live-check-test');
  for (const spec of specs) {
    const span = tracer.startSpan(spec.name, {
      kind: spec.kind ?? SpanKind.INTERNAL,
      ...(spec.attributes === undefined ? {} : { attributes: spec.attributes }),
    });
    for (const event of spec.events ?? []) span.addEvent(event.name, event.attributes);
    span.end();
  }
  return exporter.getFinishedSpans();
}

export type MetricRecorder = (meter: ReturnType<MeterProvider['getMeter']>) => void;

export async function makeMetrics(record: MetricRecorder): Promise<ResourceMetrics> {
  const exporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({ exporter, exportIntervalMillis: 3_600_000 });
  const provider = new MeterProvider({ resource: testResource, readers: [reader] });
  record(provider.getMeter('live-check-test'));
  await reader.forceFlush();
  const [metrics] = exporter.getMetrics();
  await provider.shutdown();
  if (metrics === undefined) throw new Error('the SDK exported no metrics');
  return metrics;
}

export interface LogSpec {
  readonly eventName?: string;
  readonly attributes?: AnyValueMap;
}

export function makeLogs(specs: readonly LogSpec[]): ReadableLogRecord[] {
  const exporter = new InMemoryLogRecordExporter();
  const provider = new LoggerProvider({
    resource: testResource,
    processors: [new SimpleLogRecordProcessor({ exporter })],
  });
  const logger = provider.getLogger('live-check-test');
  for (const spec of specs) {
    logger.emit({
      body: 'test',
      ...(spec.eventName === undefined ? {} : { eventName: spec.eventName }),
      ...(spec.attributes === undefined ? {} : { attributes: spec.attributes }),
    });
  }
  return exporter.getFinishedLogRecords();
}

/** One export request, encoded both ways, ready to send. */
export interface EncodedRequest {
  readonly signal: 'traces' | 'metrics' | 'logs';
  readonly protobuf: Uint8Array;
  readonly json: string;
}

function must(bytes: Uint8Array | undefined): Uint8Array {
  if (bytes === undefined) throw new Error('the OTLP serializer produced nothing');
  return bytes;
}

export function encodeSpans(spans: ReadableSpan[]): EncodedRequest {
  return {
    signal: 'traces',
    protobuf: must(ProtobufTraceSerializer.serializeRequest(spans)),
    json: Buffer.from(must(JsonTraceSerializer.serializeRequest(spans))).toString('utf8'),
  };
}

export function encodeMetrics(metrics: ResourceMetrics): EncodedRequest {
  return {
    signal: 'metrics',
    protobuf: must(ProtobufMetricsSerializer.serializeRequest(metrics)),
    json: Buffer.from(must(JsonMetricsSerializer.serializeRequest(metrics))).toString('utf8'),
  };
}

export function encodeLogs(logs: ReadableLogRecord[]): EncodedRequest {
  return {
    signal: 'logs',
    protobuf: must(ProtobufLogsSerializer.serializeRequest(logs)),
    json: Buffer.from(must(JsonLogsSerializer.serializeRequest(logs))).toString('utf8'),
  };
}
