import type { SourceLocation } from '../../yaml/index.ts';
import type { Diagnostic } from '../diagnostic/index.ts';
import { locationOf, type SpecGroup } from '../structure/index.ts';
import { definedAttribute, withOverrides } from './attributes.ts';
import type { Catalog } from './catalog.ts';
import type { ResolvedAttribute } from './model.ts';

type Relation = 'extends' | 'include';

interface Link {
  readonly relation: Relation;
  readonly target: string;
  readonly location: SourceLocation;
}

function linksOf(group: SpecGroup): { inherited: Link[]; included: Link[] } {
  const inherited: Link[] = [];
  if (group.extends !== undefined) {
    inherited.push({
      relation: 'extends',
      target: group.extends,
      location: locationOf(group.place, 'extends'),
    });
  }
  if (group.refines !== undefined) {
    inherited.push({
      relation: 'extends',
      target: group.refines,
      location: locationOf(group.place, 'ref'),
    });
  }
  const included = group.includes.map((include) => ({
    relation: 'include' as const,
    target: include.groupId,
    location: locationOf(include.place),
  }));
  return { inherited, included };
}

/**
 * Resolves each group's attribute list, depth first and memoised: inherited attributes, then
 * included groups, then the group's own entries (a `ref` takes the definition, or the inherited
 * view of it, with the entry's overrides). Reports unresolved references and cycles.
 */
class GroupResolver {
  readonly diagnostics: Diagnostic[] = [];
  readonly #catalog: Catalog;
  readonly #resolved = new Map<string, readonly ResolvedAttribute[]>();
  readonly #active: string[] = [];
  readonly #reportedCycles = new Set<string>();

  constructor(catalog: Catalog) {
    this.#catalog = catalog;
  }

  resolve(id: string, group: SpecGroup): readonly ResolvedAttribute[] {
    const known = this.#resolved.get(id);
    if (known !== undefined) return known;
    this.#active.push(id);
    const merged = new Map<string, ResolvedAttribute>();
    const { inherited, included } = linksOf(group);
    for (const link of [...inherited, ...included]) {
      for (const attribute of this.#follow(id, link)) merged.set(attribute.id, attribute);
    }
    for (const entry of group.attributes) {
      if (entry.kind === 'definition') {
        const defined = definedAttribute(entry);
        if (defined !== undefined) merged.set(entry.id, defined);
        continue;
      }
      const base = merged.get(entry.ref) ?? this.#catalog.attributes.get(entry.ref);
      if (base === undefined) {
        this.diagnostics.push({
          id: 'UnresolvedAttributeRef',
          level: 'error',
          message: `the attribute reference "${entry.ref}" in group "${id}" does not resolve: no attribute with that id is defined in the registry`,
          location: locationOf(entry.place, 'ref'),
          group: id,
          attribute: entry.ref,
        });
        continue;
      }
      merged.set(entry.ref, withOverrides(base, entry));
    }
    this.#active.pop();
    const attributes = [...merged.values()];
    this.#resolved.set(id, attributes);
    return attributes;
  }

  #follow(id: string, link: Link): readonly ResolvedAttribute[] {
    const target = this.#catalog.groups.get(link.target);
    if (target === undefined) {
      const isInclude = link.relation === 'include';
      this.diagnostics.push({
        id: isInclude ? 'UnresolvedIncludeRef' : 'UnresolvedExtendsRef',
        level: 'error',
        message: `the ${isInclude ? 'included' : 'extended'} group "${link.target}" of group "${id}" does not exist`,
        location: link.location,
        group: id,
      });
      return [];
    }
    const cycleStart = this.#active.indexOf(link.target);
    if (cycleStart !== -1) {
      this.#reportCycle(link, this.#active.slice(cycleStart));
      return [];
    }
    return this.resolve(link.target, target);
  }

  #reportCycle(link: Link, members: readonly string[]): void {
    const key = [...members].sort().join(' ');
    if (this.#reportedCycles.has(key)) return;
    this.#reportedCycles.add(key);
    const chain = [...members, link.target].join(' → ');
    const isInclude = link.relation === 'include';
    this.diagnostics.push({
      id: isInclude ? 'IncludeCycle' : 'ExtendsCycle',
      level: 'error',
      message: `circular ${isInclude ? 'include' : 'extends'}: ${chain}; a group cannot inherit from itself`,
      location: link.location,
      group: members.at(-1) ?? link.target,
    });
  }
}

export interface GroupResolution {
  /** Each group's resolved attributes, by group id. */
  readonly attributes: ReadonlyMap<string, readonly ResolvedAttribute[]>;
  readonly diagnostics: readonly Diagnostic[];
}

export function resolveGroups(catalog: Catalog): GroupResolution {
  const resolver = new GroupResolver(catalog);
  const attributes = new Map<string, readonly ResolvedAttribute[]>();
  for (const [id, group] of catalog.groups) attributes.set(id, resolver.resolve(id, group));
  return { attributes, diagnostics: resolver.diagnostics };
}
