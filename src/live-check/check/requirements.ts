import type { SampleAttribute } from '../sample/index.ts';
import type { RequirementLevel } from '../../registry/index.ts';
import {
  deprecationText,
  finding,
  type Finding,
  type FindingId,
  type SignalRef,
} from './finding.ts';
import type { SignalGroup } from './registry-index.ts';

const absenceFinding: Readonly<
  Record<RequirementLevel['level'], { id: FindingId; label: string }>
> = {
  required: { id: 'required_attribute_not_present', label: 'Required' },
  recommended: { id: 'recommended_attribute_not_present', label: 'Recommended' },
  opt_in: { id: 'opt_in_attribute_not_present', label: 'Opt-in' },
  conditionally_required: {
    id: 'conditionally_required_attribute_not_present',
    label: 'Conditionally required',
  },
};

/** A linear scan: signals carry a handful of attributes, and this path allocates nothing. */
export function isPresent(
  attributes: readonly SampleAttribute[],
  key: string,
  template: boolean,
): boolean {
  for (const attribute of attributes) {
    if (template ? attribute.name.startsWith(key) : attribute.name === key) return true;
  }
  return false;
}

/**
 * Which of the group's attributes the sample lacks, as their positions (`1,3,`), for a group too
 * large for a bit mask (see GroupRequirements). '' when nothing is missing.
 */
export function missingPositions(
  group: SignalGroup,
  attributes: readonly SampleAttribute[],
): string {
  let key = '';
  const expected = group.attributes;
  for (let index = 0; index < expected.length; index += 1) {
    const attribute = expected[index];
    if (attribute === undefined) continue;
    if (!isPresent(attributes, attribute.id, attribute.type.kind === 'template'))
      key += `${index},`;
  }
  return key;
}

/**
 * One finding per attribute of the group at `positions` (ascending), at the level its requirement
 * level gives (required → violation, recommended → improvement, opt-in and conditional →
 * information).
 */
export function requirementFindings(
  group: SignalGroup,
  positions: readonly number[],
  signal: SignalRef,
): Finding[] {
  const findings: Finding[] = [];
  for (const position of positions) {
    const expected = group.attributes[position];
    if (expected === undefined) continue;
    const { id, label } = absenceFinding[expected.requirementLevel.level];
    findings.push(
      finding(id, signal, `${label} attribute '${expected.id}' is not present.`, {
        attribute_name: expected.id,
      }),
    );
  }
  return findings;
}

/** `deprecated` and `not_stable` for a matched signal definition (a span, metric or event group). */
export function lifecycleFindings(group: SignalGroup, signal: SignalRef): Finding[] {
  const findings: Finding[] = [];
  const context = { group_id: group.id };
  if (group.deprecated !== undefined) {
    findings.push(
      finding(
        'deprecated',
        signal,
        `The definition '${group.id}' is deprecated (${deprecationText(group.deprecated)}).`,
        { ...context, deprecation: group.deprecated.reason },
      ),
    );
  }
  if (group.stability !== 'stable') {
    findings.push(
      finding(
        'not_stable',
        signal,
        `The definition '${group.id}' is not stable (stability: ${group.stability}).`,
        { ...context, stability: group.stability },
      ),
    );
  }
  return findings;
}
