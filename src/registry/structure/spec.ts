import type { SourceLocation, YamlDocument, YamlPath } from '../../yaml/index.ts';
import type {
  AttributeType,
  Deprecation,
  GroupType,
  Instrument,
  RequirementLevel,
  SpanKind,
  Stability,
} from '../semconv/index.ts';

/**
 * The registry as written, file by file, read into typed objects ("specs") that the rules and
 * the resolver work on. Both file formats read into the same shapes (`definition/2` signals
 * become groups, as in Weaver). Values of the wrong type are left out here: the schema has
 * already reported them, and leaving them out lets the other stages carry on without crashing.
 */

/** Where a spec element is written. */
export interface SpecPlace {
  readonly document: YamlDocument;
  readonly path: YamlPath;
}

export function locationOf(place: SpecPlace, key?: string): SourceLocation {
  return key === undefined
    ? place.document.locate(place.path)
    : place.document.locate([...place.path, key]);
}

interface SpecAttributeCommon {
  readonly place: SpecPlace;
  /** The keys written, valid or not: "missing" rules must not fire for a value that is wrong. */
  readonly present: ReadonlySet<string>;
  readonly brief?: string;
  readonly note?: string;
  readonly examples?: unknown;
  readonly tag?: string;
  readonly requirementLevel?: RequirementLevel;
  readonly samplingRelevant?: boolean;
  readonly stability?: Stability;
  readonly deprecated?: Deprecation;
  /** `deprecated: "some text"`, the unstructured legacy form. */
  readonly legacyDeprecated?: string;
  readonly annotations?: Readonly<Record<string, unknown>>;
  readonly role?: 'identifying' | 'descriptive';
}

export interface SpecAttributeDefinition extends SpecAttributeCommon {
  readonly kind: 'definition';
  readonly id: string;
  readonly type?: AttributeType;
  /** Enum members without a stability (a warning in Weaver): id and index under `members`. */
  readonly membersWithoutStability: readonly { readonly id: string; readonly index: number }[];
  readonly allowCustomValues: boolean;
}

export interface SpecAttributeReference extends SpecAttributeCommon {
  readonly kind: 'reference';
  readonly ref: string;
}

export type SpecAttribute = SpecAttributeDefinition | SpecAttributeReference;

/** A group pulled in whole: `constraints: [{include: id}]` in definition/1, `ref_group` in definition/2. */
export interface SpecInclude {
  readonly groupId: string;
  readonly place: SpecPlace;
}

/** An event body (`body:` on an event group), kept for its rules. */
export interface SpecAnyValue {
  readonly place: SpecPlace;
  readonly id?: string;
  readonly type?: string;
  readonly stability?: Stability;
  readonly hasExamples: boolean;
  readonly fields: readonly SpecAnyValue[];
}

export interface SpecGroup {
  readonly place: SpecPlace;
  /** The keys written, valid or not: "missing" rules must not fire for a value that is wrong. */
  readonly present: ReadonlySet<string>;
  readonly format: 1 | 2;
  readonly id?: string;
  /** `resource` is read as `entity`. */
  readonly type?: GroupType;
  readonly brief?: string;
  readonly note?: string;
  readonly stability?: Stability;
  readonly deprecated?: Deprecation;
  readonly legacyDeprecated?: string;
  readonly extends?: string;
  readonly prefix?: string;
  readonly spanKind?: SpanKind;
  readonly metricName?: string;
  readonly instrument?: Instrument;
  readonly unit?: string;
  readonly name?: string;
  readonly displayName?: string;
  readonly attributes: readonly SpecAttribute[];
  readonly includes: readonly SpecInclude[];
  readonly usesConstraints: boolean;
  /** `events:` on a definition/1 span (event ids). */
  readonly spanEvents: readonly string[];
  readonly body?: SpecAnyValue;
  readonly annotations?: Readonly<Record<string, unknown>>;
  /** definition/2 refinements: the group id of the signal refined. */
  readonly refines?: string;
  /** definition/2 span name guidance (`name: {note: …}`). */
  readonly spanNameNote?: string;
  /** definition/2 attribute groups: `internal` ones are only for composing other groups. */
  readonly visibility?: 'internal' | 'public';
}

export const importKinds = ['metrics', 'events', 'entities', 'spans', 'attribute_groups'] as const;
export type ImportKind = (typeof importKinds)[number];

/** One `imports:` wildcard. */
export interface SpecImport {
  readonly kind: ImportKind;
  readonly pattern: string;
  readonly place: SpecPlace;
}

export interface SpecFile {
  readonly display: string;
  readonly document: YamlDocument;
  readonly format: 1 | 2;
  readonly groups: readonly SpecGroup[];
  readonly imports: readonly SpecImport[];
}
