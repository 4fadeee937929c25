import type {
  AttributeType,
  Deprecation,
  EnumMember,
  RequirementLevel,
  Stability,
} from '../semconv/index.ts';
import { parseTypeName, stabilityLevels } from '../semconv/index.ts';

/** Tolerant readers: each returns undefined for a value of the wrong shape (the schema reports it). */
export type Fields = Readonly<Record<string, unknown>>;

export function asFields(value: unknown): Fields | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Fields)
    : undefined;
}

export function asList(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? (value as unknown[]) : [];
}

export function text(fields: Fields, key: string): string | undefined {
  const value = fields[key];
  return typeof value === 'string' ? value : undefined;
}

export function flag(fields: Fields, key: string): boolean | undefined {
  const value = fields[key];
  return typeof value === 'boolean' ? value : undefined;
}

export function oneOf<T extends string>(
  fields: Fields,
  key: string,
  allowed: readonly T[],
): T | undefined {
  const value = fields[key];
  return allowed.find((candidate) => candidate === value);
}

export function stabilityOf(fields: Fields): Stability | undefined {
  const value = fields.stability;
  if (value === 'experimental') return 'development';
  if (value === 'deprecated') return 'deprecated';
  return stabilityLevels.find((level) => level === value);
}

export function deprecationOf(fields: Fields): Deprecation | undefined {
  const value = asFields(fields.deprecated);
  if (value === undefined) return undefined;
  const note = text(value, 'note');
  const withNote = note === undefined ? {} : { note };
  switch (value.reason) {
    case 'renamed': {
      const renamedTo = text(value, 'renamed_to');
      return renamedTo === undefined ? undefined : { reason: 'renamed', renamedTo, ...withNote };
    }
    case 'obsoleted':
      return { reason: 'obsoleted', ...withNote };
    case 'uncategorized':
      return { reason: 'uncategorized', ...withNote };
    default:
      return undefined;
  }
}

export function requirementLevelOf(value: unknown): RequirementLevel | undefined {
  if (value === 'required') return { level: 'required' };
  if (value === 'recommended' || value === 'opt_in') return { level: value };
  const fields = asFields(value);
  if (fields === undefined) return undefined;
  const condition = text(fields, 'conditionally_required');
  if (condition !== undefined) return { level: 'conditionally_required', text: condition };
  const recommended = text(fields, 'recommended');
  if (recommended !== undefined) return { level: 'recommended', text: recommended };
  const optIn = text(fields, 'opt_in');
  if (optIn !== undefined) return { level: 'opt_in', text: optIn };
  return undefined;
}

function enumMemberOf(value: unknown): EnumMember | undefined {
  const fields = asFields(value);
  if (fields === undefined) return undefined;
  const id = text(fields, 'id');
  const raw = fields.value;
  const memberValue =
    typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean'
      ? raw
      : undefined;
  if (id === undefined || memberValue === undefined) return undefined;
  return {
    id,
    value: memberValue,
    ...defined({
      brief: text(fields, 'brief'),
      note: text(fields, 'note'),
      stability: stabilityOf(fields),
      deprecated: deprecationOf(fields),
    }),
  };
}

export function attributeTypeOf(value: unknown): AttributeType | undefined {
  if (typeof value === 'string') return parseTypeName(value);
  const fields = asFields(value);
  if (fields === undefined || !Array.isArray(fields.members)) return undefined;
  const members = asList(fields.members)
    .map(enumMemberOf)
    .filter((member) => member !== undefined);
  return { kind: 'enum', members };
}

/** Enum members that do not say their stability: their id and index under `members`. */
export function membersWithoutStability(value: unknown): { id: string; index: number }[] {
  const fields = asFields(value);
  if (fields === undefined) return [];
  return asList(fields.members).flatMap((item, index) => {
    const member = asFields(item);
    if (member === undefined || member.stability !== undefined) return [];
    const id = member.id;
    return [{ id: typeof id === 'string' ? id : `#${index}`, index }];
  });
}

/** Drops undefined entries, so optional properties stay absent (exactOptionalPropertyTypes). */
export function defined<T extends object>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  // A plain loop: this runs for every attribute and member of a registry, and building entry
  // pairs for Object.fromEntries cost a noticeable share of the check's time.
  const kept: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item: unknown = value[key as keyof T];
    if (item !== undefined) kept[key] = item;
  }
  return kept as { [K in keyof T]?: Exclude<T[K], undefined> };
}
