import type { AttributeValueType } from '../sample/index.ts';

/**
 * The registry as the live checks need it: every group with its fully resolved attributes (refs
 * and `extends` already applied, requirement levels as the group overrides them). It is built from
 * the resolved registry of `certify registry check`; the checks never read YAML themselves.
 */

export type RegistryAttributeType =
  | { readonly kind: 'primitive'; readonly type: AttributeValueType | 'any' }
  | { readonly kind: 'template'; readonly type: AttributeValueType | 'any' }
  | { readonly kind: 'enum'; readonly members: readonly (string | number)[] };

export type RequirementLevel = 'required' | 'recommended' | 'opt_in' | 'conditionally_required';

export interface RegistryAttribute {
  readonly name: string;
  readonly type: RegistryAttributeType;
  readonly requirementLevel: RequirementLevel;
  /** undefined when the registry gives none. */
  readonly stability: string | undefined;
  /** The deprecation reason (`renamed`, `obsoleted`, `uncategorized`), undefined when current. */
  readonly deprecated: string | undefined;
}

export type RegistryGroupType = 'attribute_group' | 'span' | 'event' | 'metric' | 'entity';

export type RegistrySpanKind = 'client' | 'server' | 'producer' | 'consumer' | 'internal';

export type RegistryInstrument = 'counter' | 'updowncounter' | 'gauge' | 'histogram';

interface GroupBase {
  readonly id: string;
  readonly stability: string | undefined;
  readonly deprecated: string | undefined;
  readonly attributes: readonly RegistryAttribute[];
}

export type RegistryGroup =
  | (GroupBase & { readonly type: 'attribute_group' | 'entity' })
  | (GroupBase & { readonly type: 'span'; readonly spanKind: RegistrySpanKind })
  | (GroupBase & {
      readonly type: 'metric';
      readonly metricName: string;
      readonly instrument: RegistryInstrument;
      readonly unit: string;
    })
  | (GroupBase & { readonly type: 'event'; readonly eventName: string });

export interface LiveCheckRegistry {
  readonly groups: readonly RegistryGroup[];
}

export type SpanGroup = Extract<RegistryGroup, { type: 'span' }>;
export type MetricGroup = Extract<RegistryGroup, { type: 'metric' }>;
export type EventGroup = Extract<RegistryGroup, { type: 'event' }>;
/** A group that names a signal: what a span, metric or event sample is matched to. */
export type SignalGroup = SpanGroup | MetricGroup | EventGroup;
