import type { SpecAttribute, SpecAttributeDefinition } from '../structure/index.ts';
import { locationOf } from '../structure/index.ts';
import type { ExampleValue, ResolvedAttribute } from './model.ts';

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function isExample(value: unknown): value is ExampleValue {
  return isScalar(value) || (Array.isArray(value) && value.every(isScalar));
}

/** `examples:` as a list of example values (a single value is a list of one). */
export function examplesOf(written: unknown): ExampleValue[] {
  if (written === undefined) return [];
  if (Array.isArray(written)) {
    // A flat list of scalars is a list of examples; a list of lists is examples of an array type.
    return written.filter(isExample);
  }
  return isExample(written) ? [written] : [];
}

function optional<T>(key: string, value: T | undefined): Record<string, T> {
  return value === undefined ? {} : { [key]: value };
}

/** An attribute as its `id:` entry defines it. Undefined when its type could not be read. */
export function definedAttribute(spec: SpecAttributeDefinition): ResolvedAttribute | undefined {
  if (spec.type === undefined) return undefined;
  return {
    id: spec.id,
    type: spec.type,
    brief: spec.brief ?? '',
    note: spec.note ?? '',
    requirementLevel: spec.requirementLevel ?? { level: 'recommended' },
    examples: examplesOf(spec.examples),
    samplingRelevant: spec.samplingRelevant ?? false,
    definedAt: locationOf(spec.place),
    ...optional('stability', spec.stability),
    ...optional('deprecated', spec.deprecated),
    ...optional('tag', spec.tag),
    ...optional('role', spec.role),
    ...optional('annotations', spec.annotations),
  };
}

/**
 * `base` with a group's entry applied on top: every field the entry sets wins, the others are
 * kept. For a `ref`, `base` is the definition (or the inherited view of it).
 */
export function withOverrides(base: ResolvedAttribute, entry: SpecAttribute): ResolvedAttribute {
  return {
    ...base,
    ...optional('brief', entry.brief),
    ...optional('note', entry.note),
    ...optional('requirementLevel', entry.requirementLevel),
    ...(entry.examples === undefined ? {} : { examples: examplesOf(entry.examples) }),
    ...optional('samplingRelevant', entry.samplingRelevant),
    ...optional('stability', entry.stability),
    ...optional('deprecated', entry.deprecated),
    ...optional('tag', entry.tag),
    ...optional('role', entry.role),
    ...optional('annotations', entry.annotations),
  };
}
