import { findingLevels, type FindingLevel } from '../check/index.ts';
import type { LiveCheckReport } from '../report/index.ts';
import { plural } from '../../common/index.ts';

export interface VerdictRules {
  readonly failOn: FindingLevel | 'none';
  readonly failOnCoverageBelow?: number | undefined;
  /** The reason given when no telemetry arrived at all (nothing checked is never a pass). */
  readonly whenNothingReceived?: string | undefined;
}

/** The reasons a report fails the rules: findings at or above `failOn`, coverage below the floor. */
export function failureReasons(report: LiveCheckReport, rules: VerdictRules): string[] {
  const reasons: string[] = [];
  const stats = report.statistics;
  if (rules.failOn !== 'none') {
    const failing = findingLevels.slice(0, findingLevels.indexOf(rules.failOn) + 1);
    const counted = failing
      .filter((level) => stats.findings_by_level[level] > 0)
      .map((level) =>
        plural(
          stats.findings_by_level[level],
          level === 'information' ? 'information finding' : level,
        ),
      );
    if (counted.length > 0) {
      reasons.push(`${counted.join(', ')} (--fail-on ${rules.failOn})`);
    }
  }
  const floor = rules.failOnCoverageBelow;
  if (floor !== undefined && stats.registry_coverage < floor) {
    reasons.push(
      `registry coverage ${stats.registry_coverage.toFixed(1)}% is below ${floor}% (--fail-on-coverage-below)`,
    );
  }
  if (stats.total_entities === 0) {
    reasons.push(rules.whenNothingReceived ?? 'no telemetry was received, so nothing was checked');
  }
  return reasons;
}
