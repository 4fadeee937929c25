import type { SourceLocation } from '../../yaml/index.ts';
import type {
  AttributeType,
  Deprecation,
  Instrument,
  RequirementLevel,
  SpanKind,
  Stability,
} from '../semconv/index.ts';

/**
 * The registry after resolution, as Weaver's resolver produces it: every `ref` replaced by the
 * attribute it names (with the group's overrides applied), every `extends`, `include` and
 * definition/2 `ref_group` or refinement flattened into the group's own attribute list.
 * Both file formats resolve into this one model; nothing here says which engine or format was
 * used except `format`.
 *
 * Only a registry with no errors is handed out (see `loadResolvedRegistry`), so the fields a
 * valid registry must have are typed as always present.
 */
export interface ResolvedRegistry {
  /** The registry folder, as it was given. */
  readonly root: string;
  /** Every group, in file order (files sorted by path). */
  readonly groups: readonly ResolvedGroup[];
  readonly groupsById: ReadonlyMap<string, ResolvedGroup>;
  /**
   * Every attribute defined in the registry (each `id:` definition), by attribute id, as defined:
   * without any group's overrides. Its `requirementLevel` is the definition's own (usually
   * `recommended`); a group's view of the attribute is in that group's `attributes`.
   */
  readonly attributes: ReadonlyMap<string, ResolvedAttribute>;
  readonly attributeGroups: readonly ResolvedAttributeGroup[];
  readonly spans: readonly ResolvedSpanGroup[];
  readonly metrics: readonly ResolvedMetricGroup[];
  readonly events: readonly ResolvedEventGroup[];
  readonly entities: readonly ResolvedEntityGroup[];
}

/** A value written under `examples:`: a scalar, or a list of scalars for an array attribute. */
export type ExampleValue = string | number | boolean | readonly (string | number | boolean)[];

/** One attribute as a group sees it (or, in `ResolvedRegistry.attributes`, as defined). */
export interface ResolvedAttribute {
  /**
   * The attribute's name on the wire, e.g. `http.request.method`. For a template type the id is
   * a prefix: `http.request.header` covers `http.request.header.<key>` for any key.
   */
  readonly id: string;
  readonly type: AttributeType;
  /** Empty only for a deprecated attribute that gives no brief. */
  readonly brief: string;
  /** Empty when the registry gives no note. */
  readonly note: string;
  /** Absent when the definition does not say (Weaver warns about that). */
  readonly stability?: Stability;
  /** Present when the attribute is deprecated; says why and what replaces it. */
  readonly deprecated?: Deprecation;
  /** How strongly the group expects the attribute; `recommended` when nothing is said. */
  readonly requirementLevel: RequirementLevel;
  /** Example values, each a scalar or (for array types) a list; empty when none are given. */
  readonly examples: readonly ExampleValue[];
  /** Whether the attribute matters for sampling decisions (should be set at span start). */
  readonly samplingRelevant: boolean;
  readonly tag?: string;
  /** On entities: whether the attribute identifies the entity or only describes it. */
  readonly role?: 'identifying' | 'descriptive';
  readonly annotations?: Readonly<Record<string, unknown>>;
  /** Where the attribute is defined (its `id:`/`key:` entry). */
  readonly definedAt: SourceLocation;
}

interface ResolvedGroupBase {
  readonly id: string;
  readonly brief: string;
  /** Empty when the registry gives no note. */
  readonly note: string;
  readonly deprecated?: Deprecation;
  /**
   * The group's attributes after resolution: inherited ones first (from `extends`, a refined
   * signal, included groups), then the group's own, each id once; an own entry overrides an
   * inherited one field by field.
   */
  readonly attributes: readonly ResolvedAttribute[];
  /** The group this one extends (definition/1 `extends`). */
  readonly extends?: string;
  /** definition/2 refinements: the id of the signal group refined (`span.…`, `metric.…`). */
  readonly refines?: string;
  readonly annotations?: Readonly<Record<string, unknown>>;
  /** Where the group is written. */
  readonly definedAt: SourceLocation;
  /** The file format the group was written in. */
  readonly format: 1 | 2;
}

/** A set of attributes to be referenced or extended (the attribute registry is made of these). */
export interface ResolvedAttributeGroup extends ResolvedGroupBase {
  readonly type: 'attribute_group';
  readonly stability?: Stability;
  readonly displayName?: string;
  /** definition/2: `internal` groups only serve to compose other groups. */
  readonly visibility?: 'internal' | 'public';
}

/** A span definition. definition/1 has no span name field; definition/2 describes the name. */
export interface ResolvedSpanGroup extends ResolvedGroupBase {
  readonly type: 'span';
  readonly stability: Stability;
  readonly spanKind: SpanKind;
  /** definition/2 `name: {note: …}`: how instrumentation should build the span name. */
  readonly spanName?: { readonly note: string };
  /** definition/1 `events:`: ids of event groups this span may carry. */
  readonly events: readonly string[];
}

/** A metric definition: a metric point is matched to it by `metricName`. */
export interface ResolvedMetricGroup extends ResolvedGroupBase {
  readonly type: 'metric';
  readonly stability: Stability;
  /** The instrument name, e.g. `http.server.request.duration`. Refinements share their base's. */
  readonly metricName: string;
  readonly instrument: Instrument;
  /** UCUM unit, e.g. `s`, `By`, `{request}`; `1` for dimensionless. */
  readonly unit: string;
}

/** An event (a log record with `event.name`), matched by `name`. */
export interface ResolvedEventGroup extends ResolvedGroupBase {
  readonly type: 'event';
  readonly stability: Stability;
  /** The event name, e.g. `session.start`. */
  readonly name: string;
}

/** An entity (resource): its identifying and descriptive attributes (`role`). */
export interface ResolvedEntityGroup extends ResolvedGroupBase {
  readonly type: 'entity';
  readonly stability: Stability;
  readonly name?: string;
}

export type ResolvedGroup =
  | ResolvedAttributeGroup
  | ResolvedSpanGroup
  | ResolvedMetricGroup
  | ResolvedEventGroup
  | ResolvedEntityGroup;
