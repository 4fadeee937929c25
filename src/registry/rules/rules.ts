import type { Diagnostic } from '../diagnostic/index.ts';
import type { SpecFile, SpecGroup } from '../structure/index.ts';
import { definitionRules, structuredDeprecation } from './attribute-rules.ts';
import { groupRules } from './group-rules.ts';
import { toDiagnostic } from './report.ts';

function groupFindings(group: SpecGroup): Diagnostic[] {
  const name = group.id === undefined ? '(without id)' : `"${group.id}"`;
  const findings = [
    ...groupRules.flatMap((rule) => rule(group, name)),
    ...group.attributes.flatMap((attribute) => [
      ...structuredDeprecation(attribute, name),
      ...(attribute.kind === 'definition'
        ? definitionRules.flatMap((rule) => rule(attribute, name))
        : []),
    ]),
  ];
  return findings.map((finding) => toDiagnostic(finding, group.id));
}

/**
 * Stage 3: Weaver's per-group validation rules on definition/1 groups (definition/2 files are
 * held to their schema, as in Weaver, which has no further validation for them).
 */
export function checkRules(files: readonly SpecFile[]): Diagnostic[] {
  return files.flatMap((file) => (file.format === 1 ? file.groups.flatMap(groupFindings) : []));
}
