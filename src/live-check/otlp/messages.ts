/**
 * The decoded OTLP export requests, as protobufjs builds them from the definitions (the same
 * objects for protobuf and JSON input). Only the fields the checks read are listed (and decoded
 * from protobuf, see `fieldsRead` in definitions.ts). Repeated fields are always arrays, unset
 * strings are '', unset messages are null, and int64 values are `Long` objects (or numbers when
 * no Long library is installed).
 */

/** protobufjs's 64-bit integer: a `Long` or, without the long package, a number. */
export type Int64 = number | { toNumber(): number; toString(): string };

/** The name of the field that holds an AnyValue's value, or undefined for an empty value. */
export type AnyValueCase =
  | 'stringValue'
  | 'boolValue'
  | 'intValue'
  | 'doubleValue'
  | 'arrayValue'
  | 'kvlistValue'
  | 'bytesValue';

export interface AnyValueMessage {
  readonly value?: AnyValueCase | undefined;
  readonly stringValue: string;
  readonly boolValue: boolean;
  readonly intValue: Int64;
  readonly doubleValue: number;
  readonly arrayValue: { readonly values: readonly AnyValueMessage[] } | null;
  readonly kvlistValue: { readonly values: readonly KeyValueMessage[] } | null;
  readonly bytesValue: Uint8Array;
}

export interface KeyValueMessage {
  readonly key: string;
  readonly value: AnyValueMessage | null;
}

interface WithAttributes {
  readonly attributes: readonly KeyValueMessage[];
}

export type ResourceMessage = WithAttributes;

export interface ScopeMessage extends WithAttributes {
  readonly name: string;
  readonly version: string;
}

export interface SpanEventMessage extends WithAttributes {
  readonly name: string;
}

export interface SpanMessage extends WithAttributes {
  readonly name: string;
  /** opentelemetry.proto.trace.v1.Span.SpanKind: 0 unspecified, 1 internal … 5 consumer. */
  readonly kind: number;
  readonly events: readonly SpanEventMessage[];
  readonly links: readonly WithAttributes[];
}

export interface TracesRequestMessage {
  readonly resourceSpans: readonly {
    readonly resource: ResourceMessage | null;
    readonly scopeSpans: readonly {
      readonly scope: ScopeMessage | null;
      readonly spans: readonly SpanMessage[];
    }[];
  }[];
}

export type DataPointMessage = WithAttributes;

interface DataPoints {
  readonly dataPoints: readonly DataPointMessage[];
}

export type MetricDataCase = 'gauge' | 'sum' | 'histogram' | 'exponentialHistogram' | 'summary';

export interface MetricMessage {
  readonly name: string;
  readonly unit: string;
  readonly data?: MetricDataCase | undefined;
  readonly gauge: DataPoints | null;
  readonly sum: (DataPoints & { readonly isMonotonic: boolean }) | null;
  readonly histogram: DataPoints | null;
  readonly exponentialHistogram: DataPoints | null;
  readonly summary: DataPoints | null;
}

export interface MetricsRequestMessage {
  readonly resourceMetrics: readonly {
    readonly resource: ResourceMessage | null;
    readonly scopeMetrics: readonly {
      readonly scope: ScopeMessage | null;
      readonly metrics: readonly MetricMessage[];
    }[];
  }[];
}

export interface LogRecordMessage extends WithAttributes {
  readonly eventName: string;
}

export interface LogsRequestMessage {
  readonly resourceLogs: readonly {
    readonly resource: ResourceMessage | null;
    readonly scopeLogs: readonly {
      readonly scope: ScopeMessage | null;
      readonly logRecords: readonly LogRecordMessage[];
    }[];
  }[];
}

/** A decoded export request of any signal. */
export type ExportRequest =
  | { readonly signal: 'traces'; readonly message: TracesRequestMessage }
  | { readonly signal: 'metrics'; readonly message: MetricsRequestMessage }
  | { readonly signal: 'logs'; readonly message: LogsRequestMessage };
