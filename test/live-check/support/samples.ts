import type {
  LogSample,
  MetricSample,
  ResourceSample,
  SampleAttribute,
  SampleInstrument,
  SpanKindName,
  SpanSample,
} from '../../../src/live-check/sample/index.ts';

/** Samples written out directly, for checks that need exactly one entity of a given shape. */

type Scalar = string | number | boolean;
type PlainValue = Scalar | readonly Scalar[];

function isList(value: PlainValue): value is readonly Scalar[] {
  return Array.isArray(value);
}

function typeOf(value: PlainValue): SampleAttribute['type'] {
  if (!isList(value)) return scalarType(value);
  const first = value[0];
  return first === undefined ? undefined : `${scalarType(first)}[]`;
}

function scalarType(value: Scalar): 'string' | 'int' | 'double' | 'boolean' {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'boolean';
  return Number.isInteger(value) ? 'int' : 'double';
}

/** Attributes typed the way OpenTelemetry JS sends them (an integral number is an int). */
export function attrs(values: Readonly<Record<string, PlainValue>> = {}): SampleAttribute[] {
  return Object.entries(values).map(([name, value]) => ({ name, type: typeOf(value), value }));
}

export function span(
  name: string,
  spanKind: SpanKindName,
  attributes: Readonly<Record<string, PlainValue>> = {},
  events: SpanSample['events'] = [],
): SpanSample {
  return { kind: 'span', name, spanKind, attributes: attrs(attributes), events, links: [] };
}

export function metric(
  name: string,
  instrument: SampleInstrument,
  unit: string,
  points: readonly Readonly<Record<string, PlainValue>>[] = [{}],
): MetricSample {
  return {
    kind: 'metric',
    name,
    unit,
    instrument,
    dataPoints: points.map((point) => ({ kind: 'data_point', attributes: attrs(point) })),
  };
}

export function log(
  eventName: string,
  attributes: Readonly<Record<string, PlainValue>> = {},
): LogSample {
  return { kind: 'log', eventName, attributes: attrs(attributes) };
}

export function resource(attributes: Readonly<Record<string, PlainValue>>): ResourceSample {
  return { kind: 'resource', attributes: attrs(attributes) };
}
