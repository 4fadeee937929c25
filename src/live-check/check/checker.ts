import type {
  ResolvedEventGroup,
  ResolvedMetricGroup,
  ResolvedRegistry,
  ResolvedSpanGroup,
} from '../../registry/index.ts';
import type {
  LogSample,
  MetricSample,
  Sample,
  SampleAttribute,
  SampleEntityKind,
  SampleInstrument,
  SpanEventSample,
  SpanSample,
} from '../sample/index.ts';
import { BoundedCache } from './cache.ts';
import { finding, noFindings, type Finding, type SignalRef, type SignalType } from './finding.ts';
import { metricNameFindings } from './naming.ts';
import { indexRegistry, type RegistryIndex } from './registry-index.ts';
import { lifecycleFindings } from './requirements.ts';
import { joined, SignalCache, type SignalHead } from './signal-cache.ts';

export type CoverageCategory = 'attributes' | 'spans' | 'metrics' | 'events';

/** Receives the outcome of the checks, entity by entity, as they are made. */
export interface CheckObserver {
  /** One entity checked, with its own findings (its attributes are reported as entities too). */
  entity(kind: SampleEntityKind, findings: readonly Finding[]): void;
  /** Something seen: the registry's name for it when `inRegistry`, else the name it arrived with. */
  seen(category: CoverageCategory, name: string, inRegistry: boolean): void;
}

/** Signals are cached by name; the cap keeps a stream of random names from growing memory. */
const signalLimit = 10_000;

function instrumentName(instrument: SampleInstrument): string {
  return typeof instrument === 'string' ? instrument : instrument.unsupported;
}

function spanHead(index: RegistryIndex, span: SpanSample, signal: SignalRef): SignalHead {
  const candidates = index.spansByName.get(span.name);
  if (candidates === undefined) {
    const message = `Span '${span.name}' is not defined in the registry.`;
    const missing = finding('missing_span', signal, message, { span_kind: span.spanKind });
    return { group: undefined, registryName: undefined, seenName: span.name, findings: [missing] };
  }
  const match = candidates.find((group) => group.spanKind === span.spanKind);
  if (match !== undefined) {
    return {
      group: match,
      registryName: match.id,
      seenName: span.name,
      findings: lifecycleFindings(match, signal),
    };
  }
  // A span of the wrong kind is still held to its definition's attributes.
  const definition: ResolvedSpanGroup | undefined = candidates[0];
  const expected = candidates.map((group) => group.spanKind).join("' or '");
  const message = `Span '${span.name}' has kind '${span.spanKind}'; the registry defines it as '${expected}'.`;
  const wrongKind = finding('unexpected_span_kind', signal, message, {
    span_kind: span.spanKind,
    expected,
  });
  const lifecycle = definition === undefined ? [] : lifecycleFindings(definition, signal);
  return {
    group: definition,
    registryName: undefined,
    seenName: span.name,
    findings: [wrongKind, ...lifecycle],
  };
}

function metricShapeFindings(
  metric: MetricSample,
  group: ResolvedMetricGroup,
  signal: SignalRef,
): Finding[] {
  const findings: Finding[] = [];
  const instrument = instrumentName(metric.instrument);
  if (instrument !== group.instrument) {
    const message =
      typeof metric.instrument === 'string'
        ? `Metric '${metric.name}' was recorded with ${/^[aeiou]/.test(instrument) ? 'an' : 'a'} ${instrument}; the registry says ${group.instrument}.`
        : `Metric '${metric.name}' arrived as a ${instrument}, which no registry instrument produces.`;
    findings.push(
      finding('unexpected_instrument', signal, message, { instrument, expected: group.instrument }),
    );
  }
  if (metric.unit !== group.unit) {
    const message = `Metric '${metric.name}' has unit '${metric.unit}'; the registry says '${group.unit}'.`;
    findings.push(
      finding('unit_mismatch', signal, message, { unit: metric.unit, expected: group.unit }),
    );
  }
  return findings;
}

function metricHead(index: RegistryIndex, metric: MetricSample, signal: SignalRef): SignalHead {
  const findings = metricNameFindings(metric.name, signal);
  const group = index.metricsByName.get(metric.name);
  if (group === undefined) {
    const message = `Metric '${metric.name}' is not defined in the registry.`;
    findings.push(finding('missing_metric', signal, message, { metric_name: metric.name }));
  } else {
    findings.push(
      ...metricShapeFindings(metric, group, signal),
      ...lifecycleFindings(group, signal),
    );
  }
  return { group, registryName: group?.metricName, seenName: metric.name, findings };
}

function eventHead(index: RegistryIndex, name: string, signal: SignalRef): SignalHead {
  const group: ResolvedEventGroup | undefined = index.eventsByName.get(name);
  const findings =
    group === undefined
      ? [
          finding('missing_event', signal, `Event '${name}' is not defined in the registry.`, {
            event_name: name,
          }),
        ]
      : lifecycleFindings(group, signal);
  return { group, registryName: group?.name, seenName: name, findings };
}

/**
 * Checks samples against one registry, with Weaver's findings, plus span matching (by name and
 * kind) and requirement levels on spans. Lookups are precomputed once per registry and outcomes
 * cached per signal (see SignalCache).
 */
export class LiveChecker {
  readonly index: RegistryIndex;
  /** Per signal type, then name: no key is built per sample. */
  private readonly signals = new Map<SignalType, BoundedCache<string, SignalCache>>();

  constructor(registry: ResolvedRegistry) {
    this.index = indexRegistry(registry);
  }

  check(sample: Sample, observer: CheckObserver): void {
    switch (sample.kind) {
      case 'resource':
        observer.entity('resource', noFindings);
        this.checkAttributes(sample.attributes, this.cacheFor('entity', null), observer);
        return;
      case 'span':
        this.checkSpan(sample, observer);
        return;
      case 'metric':
        this.checkMetric(sample, observer);
        return;
      case 'log':
        this.checkLog(sample, observer);
        return;
    }
  }

  private cacheFor(type: SignalType, name: string | null): SignalCache {
    let byName = this.signals.get(type);
    if (byName === undefined) {
      byName = new BoundedCache(signalLimit);
      this.signals.set(type, byName);
    }
    const key = name ?? '';
    return byName.get(key) ?? byName.set(key, new SignalCache(this.index, { type, name }));
  }

  private checkAttributes(
    attributes: readonly SampleAttribute[],
    cache: SignalCache,
    observer: CheckObserver,
  ) {
    for (const attribute of attributes) {
      const verdict = cache.attribute(attribute);
      observer.entity('attribute', verdict.findings);
      const registryName = verdict.registryName;
      observer.seen('attributes', registryName ?? attribute.name, registryName !== undefined);
    }
  }

  private checkSpan(span: SpanSample, observer: CheckObserver): void {
    const cache = this.cacheFor('span', span.name);
    const head =
      cache.heads.get(span.spanKind) ??
      cache.heads.set(span.spanKind, spanHead(this.index, span, cache.signal));
    observer.seen('spans', head.registryName ?? head.seenName, head.registryName !== undefined);
    const requirements =
      head.group === undefined ? noFindings : cache.requirementsOf(head.group, span.attributes);
    observer.entity('span', joined(head.findings, requirements));
    this.checkAttributes(span.attributes, cache, observer);
    for (const event of span.events) this.checkEvent(event, cache, observer);
    for (const link of span.links) {
      observer.entity('span_link', noFindings);
      this.checkAttributes(link.attributes, cache, observer);
    }
  }

  private checkEvent(
    event: SpanEventSample | LogSample,
    cache: SignalCache,
    observer: CheckObserver,
  ): void {
    const name = event.kind === 'log' ? event.eventName : event.name;
    const key = `event\u0000${name}`;
    const head =
      cache.heads.get(key) ?? cache.heads.set(key, eventHead(this.index, name, cache.signal));
    observer.seen('events', head.registryName ?? head.seenName, head.registryName !== undefined);
    const requirements =
      head.group === undefined ? noFindings : cache.requirementsOf(head.group, event.attributes);
    observer.entity(event.kind, joined(head.findings, requirements));
    this.checkAttributes(event.attributes, cache, observer);
  }

  private checkLog(log: LogSample, observer: CheckObserver): void {
    if (log.eventName !== '') {
      this.checkEvent(log, this.cacheFor('event', log.eventName), observer);
      return;
    }
    // A plain log record names no definition: only its attributes are checked.
    observer.entity('log', noFindings);
    this.checkAttributes(log.attributes, this.cacheFor('log', null), observer);
  }

  private checkMetric(metric: MetricSample, observer: CheckObserver): void {
    const cache = this.cacheFor('metric', metric.name);
    const key = `${instrumentName(metric.instrument)}\u0000${metric.unit}`;
    const head =
      cache.heads.get(key) ?? cache.heads.set(key, metricHead(this.index, metric, cache.signal));
    observer.seen('metrics', head.registryName ?? head.seenName, head.registryName !== undefined);
    observer.entity('metric', head.findings);
    for (const point of metric.dataPoints) {
      const requirements =
        head.group === undefined ? noFindings : cache.requirementsOf(head.group, point.attributes);
      observer.entity('data_point', requirements);
      this.checkAttributes(point.attributes, cache, observer);
    }
  }
}
