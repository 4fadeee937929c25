import type { Deprecation } from '../../registry/index.ts';

/**
 * Findings, shaped like Weaver's PolicyFinding (id, level, message, context, signal_type,
 * signal_name) so that JSON consumers of Weaver can read them.
 */

export type FindingLevel = 'violation' | 'improvement' | 'information';

/** From the most to the least severe. */
export const findingLevels: readonly FindingLevel[] = ['violation', 'improvement', 'information'];

/** Weaver's live-check finding ids with their default levels, then the project's own. */
export const defaultLevels = {
  missing_attribute: 'violation',
  type_mismatch: 'violation',
  undefined_enum_variant: 'information',
  deprecated: 'violation',
  not_stable: 'improvement',
  template_attribute: 'information',
  missing_metric: 'violation',
  unexpected_instrument: 'violation',
  unit_mismatch: 'violation',
  missing_event: 'violation',
  required_attribute_not_present: 'violation',
  recommended_attribute_not_present: 'improvement',
  opt_in_attribute_not_present: 'information',
  conditionally_required_attribute_not_present: 'information',
  missing_namespace: 'improvement',
  invalid_format: 'violation',
  illegal_namespace: 'violation',
  // Beyond Weaver: spans are matched to span definitions by name and kind.
  missing_span: 'violation',
  unexpected_span_kind: 'violation',
} as const satisfies Record<string, FindingLevel>;

export type FindingId = keyof typeof defaultLevels;

/** What a finding is about: Weaver's signal types ("entity" is a resource). */
export type SignalType = 'span' | 'metric' | 'event' | 'log' | 'entity';

export interface Finding {
  readonly id: FindingId;
  readonly level: FindingLevel;
  readonly message: string;
  readonly context: Readonly<Record<string, unknown>>;
  readonly signal_type: SignalType | null;
  readonly signal_name: string | null;
}

/** The signal a sample belongs to; nested entities (attributes, data points) report their parent. */
export interface SignalRef {
  readonly type: SignalType;
  readonly name: string | null;
}

/** No findings: one shared empty list, so that a conforming sample allocates nothing. */
export const noFindings: readonly Finding[] = Object.freeze([]);

export function finding(
  id: FindingId,
  signal: SignalRef,
  message: string,
  context: Readonly<Record<string, unknown>>,
): Finding {
  return {
    id,
    level: defaultLevels[id],
    message,
    context,
    signal_type: signal.type,
    signal_name: signal.name,
  };
}

/** `renamed to x.y`, `obsoleted`: a deprecation in a few words. */
export function deprecationText(deprecation: Deprecation): string {
  return deprecation.reason === 'renamed'
    ? `renamed to '${deprecation.renamedTo}'`
    : deprecation.reason;
}

/** The most severe level among findings, or undefined when there are none. */
export function highestLevel(findings: readonly Finding[]): FindingLevel | undefined {
  let highest: FindingLevel | undefined;
  for (const { level } of findings) {
    if (level === 'violation') return level;
    if (level === 'improvement' || highest === undefined) highest = level;
  }
  return highest;
}
