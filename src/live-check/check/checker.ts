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
import { checkAttribute, dependsOnValue, type AttributeVerdict } from './attributes.ts';
import { finding, type Finding, type SignalRef } from './finding.ts';
import { metricNameFindings } from './naming.ts';
import type {
  ResolvedMetricGroup,
  ResolvedRegistry,
  ResolvedSpanGroup,
} from '../../registry/index.ts';
import { indexRegistry, type RegistryIndex, type SignalGroup } from './registry-index.ts';
import { lifecycleFindings, requirementFindings } from './requirements.ts';

export type CoverageCategory = 'attributes' | 'spans' | 'metrics' | 'events';

/** Receives the outcome of the checks, entity by entity, as they are made. */
export interface CheckObserver {
  /** One entity checked, with its own findings (its attributes are reported as entities too). */
  entity(kind: SampleEntityKind, findings: readonly Finding[]): void;
  /** Something seen: the registry's name for it when `inRegistry`, else the name it arrived with. */
  seen(category: CoverageCategory, name: string, inRegistry: boolean): void;
}

/** Verdicts are cached per signal, name and type; the cap keeps random names from growing it. */
const verdictCacheLimit = 50_000;

function instrumentName(instrument: SampleInstrument): string {
  return typeof instrument === 'string' ? instrument : instrument.unsupported;
}

/**
 * Checks samples against one registry, with Weaver's findings, plus span matching (by name and
 * kind) and requirement levels on spans. Lookups are precomputed once per registry and verdicts are
 * cached, so a well-formed sample costs map reads and no allocation beyond its findings.
 */
export class LiveChecker {
  readonly index: RegistryIndex;
  private readonly verdicts = new Map<string, AttributeVerdict>();
  private readonly lifecycles = new Map<string, readonly Finding[]>();

  constructor(registry: ResolvedRegistry) {
    this.index = indexRegistry(registry);
  }

  check(sample: Sample, observer: CheckObserver): void {
    switch (sample.kind) {
      case 'resource':
        observer.entity('resource', []);
        this.checkAttributes(sample.attributes, { type: 'entity', name: null }, observer);
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

  private checkAttributes(
    attributes: readonly SampleAttribute[],
    signal: SignalRef,
    observer: CheckObserver,
  ): void {
    for (const attribute of attributes) {
      const verdict = this.verdictFor(attribute, signal);
      observer.entity('attribute', verdict.findings);
      observer.seen(
        'attributes',
        verdict.registryName ?? attribute.name,
        verdict.registryName !== undefined,
      );
    }
  }

  private verdictFor(attribute: SampleAttribute, signal: SignalRef): AttributeVerdict {
    let key = `${signal.type}\u0000${signal.name ?? ''}\u0000${attribute.name}\u0000${attribute.type ?? ''}`;
    if (dependsOnValue(this.index, attribute.name))
      key += `\u0000${JSON.stringify(attribute.value)}`;
    let verdict = this.verdicts.get(key);
    if (verdict === undefined) {
      if (this.verdicts.size >= verdictCacheLimit) this.verdicts.clear();
      verdict = checkAttribute(this.index, attribute, signal);
      this.verdicts.set(key, verdict);
    }
    return verdict;
  }

  /** deprecated / not_stable for a matched definition, the same for every sample of that signal. */
  private lifecycleOf(group: SignalGroup, signal: SignalRef): readonly Finding[] {
    const key = `${group.id}\u0000${signal.type}\u0000${signal.name ?? ''}`;
    let findings = this.lifecycles.get(key);
    if (findings === undefined) {
      if (this.lifecycles.size >= verdictCacheLimit) this.lifecycles.clear();
      findings = lifecycleFindings(group, signal);
      this.lifecycles.set(key, findings);
    }
    return findings;
  }

  private matchSpan(
    span: SpanSample,
    signal: SignalRef,
    findings: Finding[],
  ): ResolvedSpanGroup | undefined {
    const candidates = this.index.spansByName.get(span.name);
    if (candidates === undefined) {
      findings.push(
        finding('missing_span', signal, `Span '${span.name}' is not defined in the registry.`, {
          span_kind: span.spanKind,
        }),
      );
      return undefined;
    }
    const match = candidates.find((group) => group.spanKind === span.spanKind);
    if (match !== undefined) return match;
    const expected = candidates.map((group) => group.spanKind).join("' or '");
    findings.push(
      finding(
        'unexpected_span_kind',
        signal,
        `Span '${span.name}' has kind '${span.spanKind}'; the registry defines it as '${expected}'.`,
        { span_kind: span.spanKind, expected },
      ),
    );
    return undefined;
  }

  private checkSpan(span: SpanSample, observer: CheckObserver): void {
    const signal: SignalRef = { type: 'span', name: span.name };
    const findings: Finding[] = [];
    const match = this.matchSpan(span, signal, findings);
    observer.seen('spans', match?.id ?? span.name, match !== undefined);
    // A span of the wrong kind is still held to its definition's attributes.
    const definition = match ?? this.index.spansByName.get(span.name)?.[0];
    if (definition !== undefined) {
      findings.push(...this.lifecycleOf(definition, signal));
      findings.push(...requirementFindings(definition, span.attributes, signal));
    }
    observer.entity('span', findings);
    this.checkAttributes(span.attributes, signal, observer);
    for (const event of span.events) this.checkEvent(event, signal, observer);
    for (const link of span.links) {
      observer.entity('span_link', []);
      this.checkAttributes(link.attributes, signal, observer);
    }
  }

  private checkEvent(
    event: SpanEventSample | LogSample,
    signal: SignalRef,
    observer: CheckObserver,
  ) {
    const name = event.kind === 'log' ? event.eventName : event.name;
    const group = this.index.eventsByName.get(name);
    observer.seen('events', name, group !== undefined);
    const findings: Finding[] = [];
    if (group === undefined) {
      findings.push(
        finding('missing_event', signal, `Event '${name}' is not defined in the registry.`, {
          event_name: name,
        }),
      );
    } else {
      findings.push(...this.lifecycleOf(group, signal));
      findings.push(...requirementFindings(group, event.attributes, signal));
    }
    observer.entity(event.kind, findings);
    this.checkAttributes(event.attributes, signal, observer);
  }

  private checkLog(log: LogSample, observer: CheckObserver): void {
    if (log.eventName !== '') {
      this.checkEvent(log, { type: 'event', name: log.eventName }, observer);
      return;
    }
    // A plain log record names no definition: only its attributes are checked.
    observer.entity('log', []);
    this.checkAttributes(log.attributes, { type: 'log', name: null }, observer);
  }

  private metricShapeFindings(metric: MetricSample, group: ResolvedMetricGroup, signal: SignalRef) {
    const findings: Finding[] = [];
    const instrument = instrumentName(metric.instrument);
    if (instrument !== group.instrument) {
      const message =
        typeof metric.instrument === 'string'
          ? `Metric '${metric.name}' was recorded with a ${instrument}; the registry says ${group.instrument}.`
          : `Metric '${metric.name}' arrived as a ${instrument}, which no registry instrument produces.`;
      findings.push(
        finding('unexpected_instrument', signal, message, {
          instrument,
          expected: group.instrument,
        }),
      );
    }
    if (metric.unit !== group.unit) {
      findings.push(
        finding(
          'unit_mismatch',
          signal,
          `Metric '${metric.name}' has unit '${metric.unit}'; the registry says '${group.unit}'.`,
          { unit: metric.unit, expected: group.unit },
        ),
      );
    }
    return findings;
  }

  private checkMetric(metric: MetricSample, observer: CheckObserver): void {
    const signal: SignalRef = { type: 'metric', name: metric.name };
    const findings = metricNameFindings(metric.name, signal);
    const group = this.index.metricsByName.get(metric.name);
    observer.seen('metrics', metric.name, group !== undefined);
    if (group === undefined) {
      findings.push(
        finding(
          'missing_metric',
          signal,
          `Metric '${metric.name}' is not defined in the registry.`,
          {
            metric_name: metric.name,
          },
        ),
      );
    } else {
      findings.push(...this.metricShapeFindings(metric, group, signal));
      findings.push(...this.lifecycleOf(group, signal));
    }
    observer.entity('metric', findings);
    for (const point of metric.dataPoints) {
      observer.entity(
        'data_point',
        group === undefined ? [] : requirementFindings(group, point.attributes, signal),
      );
      this.checkAttributes(point.attributes, signal, observer);
    }
  }
}
