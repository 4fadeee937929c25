import type { Diagnostic } from '../diagnostic/index.ts';
import { locationOf, type SpecFile, type SpecGroup } from '../structure/index.ts';
import { definedAttribute } from './attributes.ts';
import type { ResolvedAttribute } from './model.ts';

export interface Catalog {
  readonly groups: ReadonlyMap<string, SpecGroup>;
  readonly attributes: ReadonlyMap<string, ResolvedAttribute>;
  readonly diagnostics: readonly Diagnostic[];
}

function where(group: SpecGroup): string {
  const { file, line } = locationOf(group.place);
  return `${file}:${line}`;
}

/**
 * Indexes groups by id and attribute definitions by attribute id, reporting ids declared twice
 * (Weaver's DuplicateGroupId and DuplicateAttributeId) at the second declaration.
 */
export function buildCatalog(files: readonly SpecFile[]): Catalog {
  const groups = new Map<string, SpecGroup>();
  const attributes = new Map<string, ResolvedAttribute>();
  const definingGroup = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  for (const group of files.flatMap((file) => file.groups)) {
    const { id } = group;
    if (id === undefined) continue;
    const first = groups.get(id);
    if (first === undefined) groups.set(id, group);
    else {
      diagnostics.push({
        id: 'DuplicateGroupId',
        level: 'error',
        message: `the group id "${id}" is declared more than once; it is also declared at ${where(first)}`,
        location: locationOf(group.place, group.format === 1 ? 'id' : undefined),
        group: id,
      });
    }
    for (const spec of group.attributes) {
      if (spec.kind !== 'definition') continue;
      const defined = definedAttribute(spec);
      if (defined === undefined) continue;
      const owner = definingGroup.get(spec.id);
      if (owner === undefined) {
        attributes.set(spec.id, defined);
        definingGroup.set(spec.id, id);
        continue;
      }
      diagnostics.push({
        id: 'DuplicateAttributeId',
        level: 'error',
        message: `the attribute id "${spec.id}" is declared more than once: in group "${owner}" and in group "${id}"; define it once and use \`ref: ${spec.id}\` elsewhere`,
        location: locationOf(spec.place),
        group: id,
        attribute: spec.id,
      });
    }
  }
  return { groups, attributes, diagnostics };
}
