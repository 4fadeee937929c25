import type {
  LiveCheckRegistry,
  RegistryAttribute,
  RegistryGroup,
} from '../../../src/live-check/check/index.ts';

/** Tiny registries for the checks, built in code so each test shows exactly what it relies on. */

type AttributeOptions = Partial<Omit<RegistryAttribute, 'name'>>;

export function attribute(name: string, options: AttributeOptions = {}): RegistryAttribute {
  return {
    name,
    type: { kind: 'primitive', type: 'string' },
    requirementLevel: 'recommended',
    stability: 'stable',
    deprecated: undefined,
    ...options,
  };
}

const groupDefaults = { stability: 'stable', deprecated: undefined } as const;

export function attributeGroup(id: string, attributes: RegistryAttribute[]): RegistryGroup {
  return { ...groupDefaults, id, type: 'attribute_group', attributes };
}

export function spanGroup(
  id: string,
  spanKind: Extract<RegistryGroup, { type: 'span' }>['spanKind'],
  attributes: RegistryAttribute[] = [],
  options: { stability?: string; deprecated?: string } = {},
): RegistryGroup {
  return { ...groupDefaults, ...options, id, type: 'span', spanKind, attributes };
}

export function metricGroup(
  metricName: string,
  instrument: Extract<RegistryGroup, { type: 'metric' }>['instrument'],
  unit: string,
  attributes: RegistryAttribute[] = [],
  options: { stability?: string; deprecated?: string } = {},
): RegistryGroup {
  return {
    ...groupDefaults,
    ...options,
    id: `metric.${metricName}`,
    type: 'metric',
    metricName,
    instrument,
    unit,
    attributes,
  };
}

export function eventGroup(
  eventName: string,
  attributes: RegistryAttribute[] = [],
  options: { stability?: string; deprecated?: string } = {},
): RegistryGroup {
  return {
    ...groupDefaults,
    ...options,
    id: `event.${eventName}`,
    type: 'event',
    eventName,
    attributes,
  };
}

export function registry(...groups: RegistryGroup[]): LiveCheckRegistry {
  return { groups };
}
