import { SpanKind } from '@opentelemetry/api';
import type { MetricData } from '@opentelemetry/sdk-metrics';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import {
  attributeDefinitions,
  metricDefinitions,
  type RegistryAttribute,
  type RegistryGroup,
  spanDefinitions,
} from './registry.ts';
import { instrumentOf } from './telemetry.ts';

/**
 * Everything about emitted telemetry that disagrees with the registry, as readable lines: an
 * empty list means the spans and metrics are exactly what `registry/` declares.
 */
export function registryMismatches(spans: ReadableSpan[], metrics: MetricData[]): string[] {
  return [
    ...spans.flatMap((span) => spanMismatches(span)),
    ...metrics.flatMap((metric) => metricMismatches(metric)),
  ];
}

function spanMismatches(span: ReadableSpan): string[] {
  const group = spanDefinitions().get(span.name);
  if (group === undefined) return [`span ${span.name} is not in the registry`];
  const where = `span ${span.name}`;
  const kind = SpanKind[span.kind].toLowerCase();
  return [
    ...(kind === group.span_kind ? [] : [`${where}: kind ${kind}, registry ${group.span_kind}`]),
    ...attributeMismatches(where, group, span.attributes),
  ];
}

function metricMismatches(metric: MetricData): string[] {
  const { name, unit } = metric.descriptor;
  const group = metricDefinitions().get(name);
  if (group === undefined) return [`metric ${name} is not in the registry`];
  const where = `metric ${name}`;
  const instrument = instrumentOf(metric);
  return [
    ...(unit === group.unit ? [] : [`${where}: unit ${unit}, registry ${group.unit}`]),
    ...(instrument === group.instrument
      ? []
      : [`${where}: instrument ${instrument}, registry ${group.instrument}`]),
    ...metric.dataPoints.flatMap((point) => attributeMismatches(where, group, point.attributes)),
  ];
}

/** Attributes not referenced by the group, of the wrong type, or required but missing. */
function attributeMismatches(
  where: string,
  group: RegistryGroup,
  attributes: Record<string, unknown>,
): string[] {
  const refs = new Map((group.attributes ?? []).map((ref) => [ref.ref ?? '', ref]));
  const definitions = attributeDefinitions();
  const problems = Object.entries(attributes).flatMap(([key, value]) => {
    if (!refs.has(key)) return [`${where}: attribute ${key} is not in its registry group`];
    const typeProblem = valueProblem(definitions.get(key), value);
    return typeProblem === undefined ? [] : [`${where}: attribute ${key} ${typeProblem}`];
  });
  const missing = [...refs.values()]
    .filter((ref) => ref.requirement_level === 'required' && !(String(ref.ref) in attributes))
    .map((ref) => `${where}: required attribute ${String(ref.ref)} is missing`);
  return [...problems, ...missing];
}

function valueProblem(
  definition: RegistryAttribute | undefined,
  value: unknown,
): string | undefined {
  const type = definition?.type;
  if (type === undefined) return 'has no definition';
  if (typeof type === 'object') {
    const values = type.members.map((member) => member.value);
    return values.includes(value as string)
      ? undefined
      : `value ${String(value)} is not an enum member`;
  }
  const matches: Record<string, boolean> = {
    int: typeof value === 'number' && Number.isInteger(value),
    double: typeof value === 'number',
    string: typeof value === 'string',
    boolean: typeof value === 'boolean',
  };
  return matches[type] === true ? undefined : `is ${typeof value}, registry type ${type}`;
}

/** Registry entries (spans, metrics, attributes) that none of the telemetry used. */
export function unusedRegistryEntries(spans: ReadableSpan[], metrics: MetricData[]): string[] {
  const seen = new Set<string>();
  for (const span of spans) {
    seen.add(`span ${span.name}`);
    for (const key of Object.keys(span.attributes)) seen.add(`attribute ${key}`);
  }
  for (const metric of metrics) {
    seen.add(`metric ${metric.descriptor.name}`);
    for (const point of metric.dataPoints) {
      for (const key of Object.keys(point.attributes)) seen.add(`attribute ${key}`);
    }
  }
  const declared = [
    ...[...spanDefinitions().keys()].map((name) => `span ${name}`),
    ...[...metricDefinitions().keys()].map((name) => `metric ${name}`),
    ...[...attributeDefinitions().keys()].map((id) => `attribute ${id}`),
  ];
  return declared.filter((entry) => !seen.has(entry));
}
