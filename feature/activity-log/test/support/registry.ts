import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/** The project's registry folder. */
export const registryDir = resolve(import.meta.dirname, '../../../../registry');

/** One attribute of a group: a definition (`id`) or a reference (`ref`). */
export interface RegistryAttribute {
  readonly id?: string;
  readonly ref?: string;
  readonly type?: string | { readonly members: readonly { readonly value: string }[] };
  readonly requirement_level?: string | Record<string, string>;
}

/** One group, with the fields the feature's tests compare against. */
export interface RegistryGroup {
  readonly id: string;
  readonly type: string;
  readonly span_kind?: string;
  readonly stability?: string;
  readonly metric_name?: string;
  readonly instrument?: string;
  readonly unit?: string;
  readonly attributes?: readonly RegistryAttribute[];
}

let parsed: Map<string, unknown> | undefined;

/** Every registry file, parsed (once per test file), by file name. */
export function registryFiles(): Map<string, unknown> {
  if (parsed !== undefined) return parsed;
  const files = readdirSync(registryDir).filter((name) => name.endsWith('.yaml'));
  parsed = new Map(
    files.map((name) => [name, parse(readFileSync(join(registryDir, name), 'utf8')) as unknown]),
  );
  return parsed;
}

/** Every group of the registry. */
export function registryGroups(): RegistryGroup[] {
  return [...registryFiles().values()].flatMap(
    (file) => (file as { groups?: RegistryGroup[] }).groups ?? [],
  );
}

/** The attribute definitions of the registry, by id. */
export function attributeDefinitions(): Map<string, RegistryAttribute> {
  const definitions = registryGroups()
    .flatMap((group) => group.attributes ?? [])
    .filter((attribute) => attribute.id !== undefined);
  return new Map(definitions.map((attribute) => [attribute.id ?? '', attribute]));
}

/** The span groups, keyed by the span name they describe (`span.<name>.<kind>`). */
export function spanDefinitions(): Map<string, RegistryGroup> {
  return new Map(
    registryGroups()
      .filter((group) => group.type === 'span')
      .map((group) => [group.id.replace(/^span\./, '').replace(/\.[a-z]+$/, ''), group]),
  );
}

/** The metric groups, keyed by metric name. */
export function metricDefinitions(): Map<string, RegistryGroup> {
  return new Map(
    registryGroups()
      .filter((group) => group.type === 'metric')
      .map((group) => [group.metric_name ?? '', group]),
  );
}

/** The referenced attribute ids of a group. */
export function refsOf(group: RegistryGroup | undefined): string[] {
  return (group?.attributes ?? []).map((attribute) => attribute.ref ?? '').sort();
}
