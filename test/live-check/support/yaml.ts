import { indent } from './registry.ts';

/** YAML for one attribute definition (stable, with a brief), plus any extra lines. */
export function attr(id: string, type: string, extra = ''): string {
  return `- id: ${id}
  type: ${type}
  stability: stable
  brief: A test attribute.
${extra === '' ? '' : indent(extra, 2)}`;
}

/** YAML for an enum type with the given string members. */
export function enumType(...values: string[]): string {
  const members = values
    .map((value) => `      - id: ${value}\n        value: ${value}\n        stability: stable`)
    .join('\n');
  return `\n    members:\n${members}`;
}

/** A reference with a requirement level, as a signal group lists it. */
export function ref(id: string, requirementLevel: string): string {
  return `- ref: ${id}\n  requirement_level: ${requirementLevel}`;
}

interface SignalOptions {
  readonly stability?: string;
  readonly extra?: string;
  readonly attributes?: readonly string[];
}

function signalAttributes(attributes: readonly string[] | undefined): string {
  if (attributes === undefined || attributes.length === 0) return '';
  return `\n    attributes:\n${indent(attributes.join('\n'), 6)}`;
}

function signal(head: string, options: SignalOptions): string {
  const extra = options.extra === undefined ? '' : `\n${indent(options.extra, 4)}`;
  return `  - ${head}
    stability: ${options.stability ?? 'stable'}
    brief: A test signal.${extra}${signalAttributes(options.attributes)}`;
}

export function spanYaml(id: string, kind: string, options: SignalOptions = {}): string {
  return signal(`id: ${id}\n    type: span\n    span_kind: ${kind}`, options);
}

export function metricYaml(
  name: string,
  instrument: string,
  unit: string,
  options: SignalOptions = {},
): string {
  return signal(
    `id: metric.${name}\n    type: metric\n    metric_name: ${name}\n    instrument: ${instrument}\n    unit: '${unit}'`,
    options,
  );
}

export function eventYaml(name: string, options: SignalOptions = {}): string {
  return signal(`id: event.${name}\n    type: event\n    name: ${name}`, options);
}

/** A whole registry file: an attribute group with `attributes`, then signal groups. */
export function registryYaml(attributes: readonly string[], ...signals: string[]): string {
  const group = `  - id: registry.test
    type: attribute_group
    brief: Attributes for a test.
    attributes:
${indent(attributes.join('\n'), 6)}`;
  return `groups:\n${[group, ...signals].join('\n')}\n`;
}
