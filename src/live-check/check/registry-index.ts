import type {
  ResolvedAttribute,
  ResolvedEventGroup,
  ResolvedMetricGroup,
  ResolvedRegistry,
  ResolvedSpanGroup,
} from '../../registry/index.ts';

/** A group that names a signal: what a span, metric or event sample is matched to. */
export type SignalGroup = ResolvedSpanGroup | ResolvedMetricGroup | ResolvedEventGroup;

/** The registry entries that coverage is measured against, by category. */
export interface CoverageUniverse {
  readonly attributes: readonly string[];
  /** Span definitions by group id. */
  readonly spans: readonly string[];
  readonly metrics: readonly string[];
  readonly events: readonly string[];
}

/**
 * Lookups over one resolved registry, computed once so that checking a sample costs a few map
 * reads.
 */
export interface RegistryIndex {
  /** Every attribute the registry defines, by id (its definition: type, stability, deprecation). */
  readonly attributes: ReadonlyMap<string, ResolvedAttribute>;
  /** Template attributes, longest id first so the most specific prefix wins. */
  readonly templates: readonly ResolvedAttribute[];
  /**
   * Ids of current (not deprecated, not template) attributes: a namespace may not reuse one. A
   * template's id is the namespace of its instances, so it is not among them.
   */
  readonly currentAttributeNames: ReadonlySet<string>;
  readonly spansByName: ReadonlyMap<string, readonly ResolvedSpanGroup[]>;
  readonly metricsByName: ReadonlyMap<string, ResolvedMetricGroup>;
  readonly eventsByName: ReadonlyMap<string, ResolvedEventGroup>;
  readonly coverage: CoverageUniverse;
}

/**
 * The span name a definition/1 span group stands for. The format has no span-name field; the OTel
 * naming policy gives span groups the id `span.<name>.<kind>`, so the name is the id without the
 * `span.` prefix and the kind suffix.
 */
export function spanNameOf(group: ResolvedSpanGroup): string {
  let name = group.id.startsWith('span.') ? group.id.slice('span.'.length) : group.id;
  const kindSuffix = `.${group.spanKind}`;
  if (name.endsWith(kindSuffix) && name.length > kindSuffix.length) {
    name = name.slice(0, -kindSuffix.length);
  }
  return name;
}

function isCurrent(entry: { readonly deprecated?: unknown }): boolean {
  return entry.deprecated === undefined;
}

function firstByKey<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const byKey = new Map<string, T>();
  for (const item of items) {
    const key = keyOf(item);
    if (!byKey.has(key)) byKey.set(key, item);
  }
  return byKey;
}

function spansByName(spans: readonly ResolvedSpanGroup[]): Map<string, ResolvedSpanGroup[]> {
  const byName = new Map<string, ResolvedSpanGroup[]>();
  for (const span of spans) {
    const name = spanNameOf(span);
    byName.set(name, [...(byName.get(name) ?? []), span]);
  }
  return byName;
}

export function indexRegistry(registry: ResolvedRegistry): RegistryIndex {
  const attributes = [...registry.attributes.values()];
  const current = attributes.filter(isCurrent);
  const sorted = (names: readonly string[]) => [...names].sort();
  return {
    attributes: registry.attributes,
    templates: attributes
      .filter((attribute) => attribute.type.kind === 'template')
      .sort((a, b) => b.id.length - a.id.length),
    currentAttributeNames: new Set(
      current.filter((each) => each.type.kind !== 'template').map((each) => each.id),
    ),
    spansByName: spansByName(registry.spans),
    metricsByName: firstByKey(registry.metrics, (metric) => metric.metricName),
    eventsByName: firstByKey(registry.events, (event) => event.name),
    coverage: {
      attributes: sorted(current.map((attribute) => attribute.id)),
      spans: sorted(registry.spans.filter(isCurrent).map((span) => span.id)),
      // A refinement shares its base's metric name: one entry per name.
      metrics: sorted([
        ...new Set(registry.metrics.filter(isCurrent).map((metric) => metric.metricName)),
      ]),
      events: sorted(registry.events.filter(isCurrent).map((event) => event.name)),
    },
  };
}
