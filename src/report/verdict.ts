import { plural } from '../common/index.ts';
import type { ReportExemption, ReportTier, Verdict } from './types.ts';

function idsWith(tiers: readonly ReportTier[], status: string): string[] {
  return tiers.flatMap((tier) => tier.steps.filter((s) => s.status === status).map((s) => s.id));
}

/** Advisory sub-checks that could not be made: never passed, so they are said aloud. */
function advisoryNotes(tiers: readonly ReportTier[]): string[] {
  return tiers.flatMap((tier) =>
    tier.steps.flatMap((step) =>
      step.details?.kind === 'checks'
        ? step.details.checks
            .filter((check) => check.advisory && check.status === 'inconclusive')
            .map(
              (check) =>
                `${step.id}: ${check.name} could not be checked (${check.reason}); it did not decide the step`,
            )
        : [],
    ),
  );
}

/** Every exempted finding, said aloud: an exemption is never a silent pass. */
function exemptedNotes(tiers: readonly ReportTier[]): string[] {
  return tiers.flatMap((tier) =>
    tier.steps.flatMap((step) =>
      step.findings.flatMap((finding) => {
        const exemption = finding.exemption;
        if (exemption === undefined) return [];
        const where = [finding.file, finding.line].filter((part) => part !== undefined).join(':');
        return [
          `${step.id}: exempted ${finding.rule}${where === '' ? '' : ` at ${where}`}: ${exemption.reason} (${exemption.owner}, until ${exemption.expires}, ${exemption.source})`,
        ];
      }),
    ),
  );
}

function staleNotes(exemptions: readonly ReportExemption[]): string[] {
  return exemptions
    .filter((exemption) => exemption.status === 'stale')
    .map(
      (exemption) =>
        `the exemption at ${exemption.source} (${exemption.check} in ${exemption.file}) matched no finding in this run: remove it when it is no longer needed`,
    );
}

/** Certified only when every step of every tier passed; otherwise, which steps did not. */
export function verdictOf(
  tiers: readonly ReportTier[],
  exemptions: readonly ReportExemption[] = [],
): Verdict {
  const steps = tiers.flatMap((tier) => tier.steps);
  const exempted = exemptedNotes(tiers);
  const notes = [...advisoryNotes(tiers), ...exempted, ...staleNotes(exemptions)];
  if (steps.length > 0 && steps.every((step) => step.status === 'pass')) {
    const withExempted =
      exempted.length === 0 ? '' : `, with ${plural(exempted.length, 'exempted finding')}`;
    return {
      certified: true,
      summary: `CERTIFIED: all ${steps.length} steps passed${withExempted}`,
      notes,
    };
  }
  const parts = [
    ['failed', idsWith(tiers, 'fail')],
    ['inconclusive', idsWith(tiers, 'inconclusive')],
    ['skipped', idsWith(tiers, 'skipped')],
  ] as const;
  const described = parts
    .filter(([, ids]) => ids.length > 0)
    .map(([what, ids]) => `${ids.length} ${what} (${ids.join(', ')})`);
  const passed = steps.filter((step) => step.status === 'pass').length;
  return {
    certified: false,
    summary: `NOT CERTIFIED: ${passed} of ${steps.length} steps passed; ${described.join(', ')}`,
    notes,
  };
}
