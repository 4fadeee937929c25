/**
 * Samples: what the receiver saw, one entity at a time, independent of how it arrived (gRPC,
 * HTTP protobuf, HTTP JSON or a file). Attribute values keep the type they were sent with.
 */

/** The attribute types of the OpenTelemetry data model, as they can arrive on the wire. */
export type AttributeValueType =
  'string' | 'int' | 'double' | 'boolean' | 'string[]' | 'int[]' | 'double[]' | 'boolean[]';

/** An attribute value as received: scalars, arrays, nested maps (kvlist) or null for empty. */
export type SampleValue =
  | string
  | number
  | boolean
  | null
  | readonly SampleValue[]
  | { readonly [key: string]: SampleValue };

export interface SampleAttribute {
  readonly name: string;
  /** undefined when the value has no single attribute type (empty, mixed array, map, bytes). */
  readonly type: AttributeValueType | undefined;
  readonly value: SampleValue;
}

export type SpanKindName =
  'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';

/** The instrument a metric's data reveals: a monotonic Sum is a counter, a non-monotonic one an updowncounter. */
export type SampleInstrument =
  'counter' | 'updowncounter' | 'gauge' | 'histogram' | { readonly unsupported: string };

export interface ResourceSample {
  readonly kind: 'resource';
  readonly attributes: readonly SampleAttribute[];
}

export interface SpanEventSample {
  readonly kind: 'span_event';
  readonly name: string;
  readonly attributes: readonly SampleAttribute[];
}

export interface SpanLinkSample {
  readonly kind: 'span_link';
  readonly attributes: readonly SampleAttribute[];
}

export interface SpanSample {
  readonly kind: 'span';
  readonly name: string;
  readonly spanKind: SpanKindName;
  readonly attributes: readonly SampleAttribute[];
  readonly events: readonly SpanEventSample[];
  readonly links: readonly SpanLinkSample[];
}

export interface DataPointSample {
  readonly kind: 'data_point';
  readonly attributes: readonly SampleAttribute[];
}

export interface MetricSample {
  readonly kind: 'metric';
  readonly name: string;
  readonly unit: string;
  readonly instrument: SampleInstrument;
  readonly dataPoints: readonly DataPointSample[];
}

/** A log record; with an event name it is an event. */
export interface LogSample {
  readonly kind: 'log';
  /** '' for a plain log record. */
  readonly eventName: string;
  readonly attributes: readonly SampleAttribute[];
}

/** A top-level sample: the unit the checks take, in the order it was received. */
export type Sample = ResourceSample | SpanSample | MetricSample | LogSample;

/** Any sample entity, nested ones included (each is counted and may carry findings). */
export type SampleEntity = Sample | SpanEventSample | SpanLinkSample | DataPointSample;

export type SampleEntityKind = SampleEntity['kind'] | 'attribute';
