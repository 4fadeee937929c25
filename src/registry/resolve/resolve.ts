import type { Diagnostic } from '../diagnostic/index.ts';
import { locationOf, type SpecFile, type SpecGroup } from '../structure/index.ts';
import { buildRegistry } from './build.ts';
import { buildCatalog } from './catalog.ts';
import { resolveGroups } from './groups.ts';
import { checkImports } from './imports.ts';
import type { ResolvedRegistry } from './model.ts';

export interface ResolveResult {
  readonly registry: ResolvedRegistry;
  readonly diagnostics: readonly Diagnostic[];
}

/** Two metric groups with one metric name (refinements share their base's name on purpose). */
function duplicateMetricNames(files: readonly SpecFile[]): Diagnostic[] {
  const first = new Map<string, SpecGroup>();
  const diagnostics: Diagnostic[] = [];
  for (const group of files.flatMap((file) => file.groups)) {
    const name = group.metricName;
    if (group.type !== 'metric' || name === undefined || group.refines !== undefined) continue;
    const earlier = first.get(name);
    if (earlier === undefined) {
      first.set(name, group);
      continue;
    }
    diagnostics.push({
      id: 'DuplicateMetricName',
      level: 'error',
      message: `the metric name "${name}" is declared by group "${earlier.id ?? '?'}" and again by group "${group.id ?? '?'}"`,
      location: locationOf(group.place, group.format === 1 ? 'metric_name' : 'name'),
      ...(group.id === undefined ? {} : { group: group.id }),
    });
  }
  return diagnostics;
}

/**
 * Stage 4: specs → the resolved registry. Reports what Weaver's resolver reports: references
 * (`ref`, `extends`, `include`, `ref_group`, refinements) that do not resolve, ids and metric
 * names declared twice, imports that match nothing; and, as errors of their own, inheritance
 * cycles (Weaver leaves them as unresolved references).
 */
export function resolveRegistry(root: string, files: readonly SpecFile[]): ResolveResult {
  const catalog = buildCatalog(files);
  const resolution = resolveGroups(catalog);
  return {
    registry: buildRegistry(root, catalog, resolution),
    diagnostics: [
      ...catalog.diagnostics,
      ...duplicateMetricNames(files),
      ...resolution.diagnostics,
      ...checkImports(files),
    ],
  };
}
