import type { YamlDocument, YamlPath } from '../../yaml/index.ts';
import { groupTypes, instruments, spanKinds } from '../semconv/index.ts';
import {
  asFields,
  asList,
  attributeTypeOf,
  defined,
  deprecationOf,
  flag,
  membersWithoutStability,
  oneOf,
  requirementLevelOf,
  stabilityOf,
  text,
  type Fields,
} from './read-values.ts';
import {
  importKinds,
  type SpecAnyValue,
  type SpecAttribute,
  type SpecGroup,
  type SpecImport,
  type SpecInclude,
  type SpecPlace,
} from './spec.ts';

/** The fields every attribute form shares, read from definition/1 or definition/2. */
export function attributeCommonOf(fields: Fields, place: SpecPlace) {
  const legacy = fields.deprecated;
  return {
    place,
    present: new Set(Object.keys(fields)),
    ...defined({
      brief: text(fields, 'brief'),
      note: text(fields, 'note'),
      examples: fields.examples,
      tag: text(fields, 'tag'),
      requirementLevel: requirementLevelOf(fields.requirement_level),
      samplingRelevant: flag(fields, 'sampling_relevant'),
      stability: stabilityOf(fields),
      deprecated: deprecationOf(fields),
      legacyDeprecated: typeof legacy === 'string' ? legacy : undefined,
      annotations: asFields(fields.annotations),
      role: oneOf(fields, 'role', ['identifying', 'descriptive'] as const),
    }),
  };
}

export function attributeOf(value: unknown, place: SpecPlace): SpecAttribute | undefined {
  const fields = asFields(value);
  if (fields === undefined) return undefined;
  const common = attributeCommonOf(fields, place);
  const ref = text(fields, 'ref');
  if (ref !== undefined) return { kind: 'reference', ref, ...common };
  const id = text(fields, 'id') ?? text(fields, 'key');
  if (id === undefined) return undefined;
  const typeFields = asFields(fields.type);
  return {
    kind: 'definition',
    id,
    membersWithoutStability: membersWithoutStability(fields.type),
    allowCustomValues: typeFields?.allow_custom_values !== undefined,
    ...common,
    ...defined({ type: attributeTypeOf(fields.type) }),
  };
}

function anyValueOf(value: unknown, place: SpecPlace): SpecAnyValue | undefined {
  const fields = asFields(value);
  if (fields === undefined) return undefined;
  return {
    place,
    hasExamples: fields.examples !== undefined,
    fields: asList(fields.fields)
      .map((field, index) =>
        anyValueOf(field, { ...place, path: [...place.path, 'fields', index] }),
      )
      .filter((field) => field !== undefined),
    ...defined({
      id: text(fields, 'id'),
      type: text(fields, 'type'),
      stability: stabilityOf(fields),
    }),
  };
}

function attributesOf(fields: Fields, place: SpecPlace): SpecAttribute[] {
  return asList(fields.attributes)
    .map((item, index) =>
      attributeOf(item, { ...place, path: [...place.path, 'attributes', index] }),
    )
    .filter((attribute) => attribute !== undefined);
}

function includesOf(fields: Fields, place: SpecPlace): SpecInclude[] {
  return asList(fields.constraints).flatMap((item, index) => {
    const constraint = asFields(item);
    const groupId = constraint === undefined ? undefined : text(constraint, 'include');
    if (groupId === undefined) return [];
    return [
      { groupId, place: { ...place, path: [...place.path, 'constraints', index, 'include'] } },
    ];
  });
}

function groupOf(value: unknown, place: SpecPlace): SpecGroup | undefined {
  const fields = asFields(value);
  if (fields === undefined) return undefined;
  const writtenType = oneOf(fields, 'type', groupTypes);
  const legacy = fields.deprecated;
  const bodyPlace = { ...place, path: [...place.path, 'body'] };
  return {
    place,
    present: new Set(Object.keys(fields)),
    format: 1,
    attributes: attributesOf(fields, place),
    includes: includesOf(fields, place),
    usesConstraints: fields.constraints !== undefined,
    spanEvents: asList(fields.events).filter((item) => typeof item === 'string'),
    ...defined({
      id: text(fields, 'id'),
      type: writtenType === 'resource' ? 'entity' : writtenType,
      brief: text(fields, 'brief'),
      note: text(fields, 'note'),
      stability: stabilityOf(fields),
      deprecated: deprecationOf(fields),
      legacyDeprecated: typeof legacy === 'string' ? legacy : undefined,
      extends: text(fields, 'extends'),
      prefix: text(fields, 'prefix'),
      spanKind: oneOf(fields, 'span_kind', spanKinds),
      metricName: text(fields, 'metric_name'),
      instrument: oneOf(fields, 'instrument', instruments),
      unit: text(fields, 'unit'),
      name: text(fields, 'name'),
      displayName: text(fields, 'display_name'),
      body: anyValueOf(fields.body, bodyPlace),
      annotations: asFields(fields.annotations),
    }),
  };
}

/** The `imports:` wildcards of a file (both formats use the same block). */
export function importsOf(document: YamlDocument): SpecImport[] {
  const root = asFields(document.value);
  const block = root === undefined ? undefined : asFields(root.imports);
  if (block === undefined) return [];
  return importKinds.flatMap((kind) =>
    asList(block[kind]).flatMap((pattern, index) => {
      if (typeof pattern !== 'string') return [];
      const path: YamlPath = ['imports', kind, index];
      return [{ kind, pattern, place: { document, path } }];
    }),
  );
}

/** The groups of a definition/1 file. */
export function readGroupsV1(document: YamlDocument): SpecGroup[] {
  const root = asFields(document.value);
  if (root === undefined) return [];
  return asList(root.groups)
    .map((item, index) => groupOf(item, { document, path: ['groups', index] }))
    .filter((group) => group !== undefined);
}
