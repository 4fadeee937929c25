import type { ReportTier, Verdict } from './types.ts';

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

/** Certified only when every step of every tier passed; otherwise, which steps did not. */
export function verdictOf(tiers: readonly ReportTier[]): Verdict {
  const steps = tiers.flatMap((tier) => tier.steps);
  const notes = advisoryNotes(tiers);
  if (steps.length > 0 && steps.every((step) => step.status === 'pass')) {
    return { certified: true, summary: `CERTIFIED: all ${steps.length} steps passed`, notes };
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
