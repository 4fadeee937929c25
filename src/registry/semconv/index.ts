/**
 * The vocabulary of OpenTelemetry semantic conventions (Weaver's `definition/1` and
 * `definition/2` formats): the value sets and the small value types shared by every stage.
 */

/** Stability levels; `experimental` is read as `development`, as Weaver does. */
export const stabilityLevels = [
  'stable',
  'development',
  'alpha',
  'beta',
  'release_candidate',
] as const;
export type Stability = (typeof stabilityLevels)[number] | 'deprecated';

export const spanKinds = ['client', 'server', 'producer', 'consumer', 'internal'] as const;
export type SpanKind = (typeof spanKinds)[number];

export const instruments = ['counter', 'updowncounter', 'gauge', 'histogram'] as const;
export type Instrument = (typeof instruments)[number];

/** Group types accepted in `definition/1`; `resource` is the old name of `entity`. */
export const groupTypes = [
  'attribute_group',
  'span',
  'event',
  'metric',
  'entity',
  'resource',
] as const;
export type GroupType = Exclude<(typeof groupTypes)[number], 'resource'>;

export const primitiveTypes = [
  'string',
  'int',
  'double',
  'boolean',
  'any',
  'string[]',
  'int[]',
  'double[]',
  'boolean[]',
] as const;
/** A primitive or array attribute type, as written in YAML. */
export type PrimitiveType = (typeof primitiveTypes)[number];

export const templateTypes = primitiveTypes.map((type) => `template[${type}]`);

export const deprecationReasons = ['renamed', 'obsoleted', 'uncategorized'] as const;

/** Why and how something is deprecated. */
export type Deprecation =
  | { readonly reason: 'renamed'; readonly renamedTo: string; readonly note?: string }
  | { readonly reason: 'obsoleted'; readonly note?: string }
  | { readonly reason: 'uncategorized'; readonly note?: string };

/**
 * How strongly an attribute is expected on its signal. `recommended` is the default when a
 * definition says nothing; the text of `conditionally_required` says when it is required.
 */
export type RequirementLevel =
  | { readonly level: 'required' }
  | { readonly level: 'recommended'; readonly text?: string }
  | { readonly level: 'opt_in'; readonly text?: string }
  | { readonly level: 'conditionally_required'; readonly text: string };

/** One member of an enum attribute type. */
export interface EnumMember {
  readonly id: string;
  /** The value sent on the wire: a string, or a number for numeric enums. */
  readonly value: string | number | boolean;
  readonly brief?: string;
  readonly note?: string;
  readonly stability?: Stability;
  readonly deprecated?: Deprecation;
}

/**
 * The type of an attribute: a primitive or array type; a template (`template[string]`: the
 * attribute name is a prefix and the key after it is free, e.g. `http.request.header.<key>`);
 * or an enum with its members.
 */
export type AttributeType =
  | { readonly kind: 'primitive'; readonly primitive: PrimitiveType }
  | { readonly kind: 'template'; readonly primitive: PrimitiveType }
  | { readonly kind: 'enum'; readonly members: readonly EnumMember[] };

/** The naming rule of the OpenTelemetry policy pack, shared by attributes, metrics and events. */
export const namePattern = /^[a-z][a-z0-9]*([._][a-z0-9]+)*$/;

/** `template[string[]]` → `string[]`; undefined for anything else. */
export function templateOf(written: string): PrimitiveType | undefined {
  const match = /^template\[(.+)\]$/.exec(written);
  const inner = match?.[1];
  return primitiveTypes.find((type) => type === inner);
}

/** Reads a written type string; undefined when it is not a known type. */
export function parseTypeName(written: string): AttributeType | undefined {
  const primitive = primitiveTypes.find((type) => type === written);
  if (primitive !== undefined) return { kind: 'primitive', primitive };
  const template = templateOf(written);
  return template === undefined ? undefined : { kind: 'template', primitive: template };
}

/** A type as written in YAML: `string`, `template[int]`, `enum {a, b}`. */
export function describeType(type: AttributeType): string {
  switch (type.kind) {
    case 'primitive':
      return type.primitive;
    case 'template':
      return `template[${type.primitive}]`;
    case 'enum':
      return `enum {${type.members.map((member) => member.id).join(', ')}}`;
  }
}
