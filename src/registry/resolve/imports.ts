import type { Diagnostic } from '../diagnostic/index.ts';
import { locationOf, type ImportKind, type SpecFile, type SpecGroup } from '../structure/index.ts';

/** A wildcard as Weaver's imports accept it (`*` any run of characters, `?` one character). */
function wildcardPattern(wildcard: string): RegExp {
  const escaped = wildcard
    .split('')
    .map((char) => {
      if (char === '*') return '.*';
      if (char === '?') return '.';
      return char.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${escaped}$`);
}

/** The names an import of each kind is matched against. */
function namesOf(kind: ImportKind, group: SpecGroup): readonly string[] {
  switch (kind) {
    case 'metrics':
      return group.type === 'metric' && group.metricName !== undefined ? [group.metricName] : [];
    case 'events':
      return group.type === 'event' && group.name !== undefined ? [group.name] : [];
    case 'entities':
      return group.type === 'entity' && group.name !== undefined ? [group.name] : [];
    case 'spans':
      return group.type === 'span' && group.id !== undefined
        ? [group.id, group.id.replace(/^span\./, '')]
        : [];
    case 'attribute_groups':
      return group.type === 'attribute_group' && group.id !== undefined ? [group.id] : [];
  }
}

/**
 * Every `imports:` wildcard must match something (Weaver's UnmatchedImport). The built-in engine
 * does not load dependency registries, so an import can only match this registry's own groups.
 */
export function checkImports(files: readonly SpecFile[]): Diagnostic[] {
  const groups = files.flatMap((file) => file.groups);
  return files.flatMap((file) =>
    file.imports.flatMap((item) => {
      const pattern = wildcardPattern(item.pattern);
      const matched = groups.some((group) =>
        namesOf(item.kind, group).some((name) => pattern.test(name)),
      );
      if (matched) return [];
      return [
        {
          id: 'UnmatchedImport',
          level: 'error' as const,
          message: `the import "${item.pattern}" (${item.kind}) matches nothing; the built-in engine does not load dependency registries, so an import must match a group of this registry (or check with --engine weaver)`,
          location: locationOf(item.place),
          context: { signal: item.kind, import: item.pattern },
        },
      ];
    }),
  );
}
