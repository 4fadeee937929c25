import type {
  EventGroup,
  LiveCheckRegistry,
  MetricGroup,
  RegistryAttribute,
  RegistryGroup,
  SpanGroup,
} from './registry.ts';

/** The registry entries that coverage is measured against, by category. */
export interface CoverageUniverse {
  readonly attributes: readonly string[];
  /** Span definitions by group id. */
  readonly spans: readonly string[];
  readonly metrics: readonly string[];
  readonly events: readonly string[];
}

/**
 * Lookups over one registry, computed once so that checking a sample costs a few map reads.
 */
export interface RegistryIndex {
  /** Every attribute of the registry by name (its definition: type, stability, deprecation). */
  readonly attributes: ReadonlyMap<string, RegistryAttribute>;
  /** Template attributes, longest name first so the most specific prefix wins. */
  readonly templates: readonly RegistryAttribute[];
  /**
   * Names of current (not deprecated, not template) attributes: a namespace may not reuse one. A
   * template's name is the namespace of its instances, so it is not among them.
   */
  readonly currentAttributeNames: ReadonlySet<string>;
  readonly spansByName: ReadonlyMap<string, readonly SpanGroup[]>;
  readonly metricsByName: ReadonlyMap<string, MetricGroup>;
  readonly eventsByName: ReadonlyMap<string, EventGroup>;
  readonly coverage: CoverageUniverse;
}

/**
 * The span name a definition/1 span group stands for. The format has no span-name field; the OTel
 * naming policy gives span groups the id `span.<name>.<kind>`, so the name is the id without the
 * `span.` prefix and the kind suffix.
 */
export function spanNameOf(group: SpanGroup): string {
  let name = group.id.startsWith('span.') ? group.id.slice('span.'.length) : group.id;
  const kindSuffix = `.${group.spanKind}`;
  if (name.endsWith(kindSuffix) && name.length > kindSuffix.length) {
    name = name.slice(0, -kindSuffix.length);
  }
  return name;
}

function catalogueAttributes(groups: readonly RegistryGroup[]): Map<string, RegistryAttribute> {
  const byName = new Map<string, RegistryAttribute>();
  // Attribute groups hold the definitions; signal groups only refine them, so they come second.
  const ordered = [
    ...groups.filter((group) => group.type === 'attribute_group'),
    ...groups.filter((group) => group.type !== 'attribute_group'),
  ];
  for (const group of ordered) {
    for (const attribute of group.attributes) {
      if (!byName.has(attribute.name)) byName.set(attribute.name, attribute);
    }
  }
  return byName;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export function indexRegistry(registry: LiveCheckRegistry): RegistryIndex {
  const attributes = catalogueAttributes(registry.groups);
  const spansByName = new Map<string, SpanGroup[]>();
  const metricsByName = new Map<string, MetricGroup>();
  const eventsByName = new Map<string, EventGroup>();
  for (const group of registry.groups) {
    if (group.type === 'span') pushTo(spansByName, spanNameOf(group), group);
    if (group.type === 'metric' && !metricsByName.has(group.metricName)) {
      metricsByName.set(group.metricName, group);
    }
    if (group.type === 'event' && !eventsByName.has(group.eventName)) {
      eventsByName.set(group.eventName, group);
    }
  }
  const current = [...attributes.values()].filter(
    (attribute) => attribute.deprecated === undefined,
  );
  const currentGroups = registry.groups.filter((group) => group.deprecated === undefined);
  return {
    attributes,
    templates: [...attributes.values()]
      .filter((attribute) => attribute.type.kind === 'template')
      .sort((a, b) => b.name.length - a.name.length),
    currentAttributeNames: new Set(
      current.filter((each) => each.type.kind !== 'template').map((each) => each.name),
    ),
    spansByName,
    metricsByName,
    eventsByName,
    coverage: {
      attributes: current.map((attribute) => attribute.name).sort(),
      spans: currentGroups.flatMap((group) => (group.type === 'span' ? [group.id] : [])).sort(),
      metrics: currentGroups
        .flatMap((group) => (group.type === 'metric' ? [group.metricName] : []))
        .sort(),
      events: currentGroups
        .flatMap((group) => (group.type === 'event' ? [group.eventName] : []))
        .sort(),
    },
  };
}
