import type { StepResult, TierResult, TierStatus } from './types.ts';

export function seconds(durationMs: number): string {
  return `${(durationMs / 1000).toFixed(1)} s`;
}

/** A step's status and duration: `eslint: FAIL (4.2 s)`. */
export function stepHeadline(result: StepResult): string {
  return `${result.name}: ${result.status.toUpperCase()} (${seconds(result.durationMs)})`;
}

function count(results: readonly StepResult[], status: StepResult['status']): number {
  return results.filter((result) => result.status === status).length;
}

/** A tier's status from its steps': any failure fails it; nothing run skips it. */
export function tierStatusOf(steps: readonly StepResult[]): TierStatus {
  if (steps.some((step) => step.status === 'fail')) return 'fail';
  if (steps.some((step) => step.status === 'inconclusive')) return 'inconclusive';
  if (steps.every((step) => step.status === 'skipped')) return 'skipped';
  return steps.some((step) => step.status === 'skipped') ? 'inconclusive' : 'pass';
}

/** `2 passed, 1 failed` for a tier's steps, leaving out the statuses that do not occur. */
export function tally(steps: readonly StepResult[]): string {
  const parts = (['pass', 'fail', 'inconclusive', 'skipped'] as const)
    .map((status) => [status, count(steps, status)] as const)
    .filter(([, n]) => n > 0)
    .map(
      ([status, n]) =>
        `${n} ${status === 'pass' ? 'passed' : status === 'fail' ? 'failed' : status}`,
    );
  return parts.join(', ');
}

/** The steps of a tier that kept it from passing: `failed: eslint, prettier`. */
export function blockers(result: TierResult): string {
  return (['fail', 'inconclusive', 'skipped'] as const)
    .map((status) => [status, result.steps.filter((step) => step.status === status)] as const)
    .filter(([, steps]) => steps.length > 0)
    .map(
      ([status, steps]) =>
        `${status === 'fail' ? 'failed' : status}: ${steps.map((s) => s.id).join(', ')}`,
    )
    .join('; ');
}

export function describeTier(result: TierResult): string {
  return `${result.name}: ${result.status.toUpperCase()} (${seconds(result.durationMs)}) ${tally(result.steps)}`;
}
