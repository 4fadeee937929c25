import { exemptableChecks, type Exemption, type StepKind } from '../pipeline/index.ts';
import type { ExemptionStatus, ReportExemption, ReportTier } from './types.ts';

function kindOf(check: string): StepKind | undefined {
  const kinds = Object.keys(exemptableChecks) as (keyof typeof exemptableChecks)[];
  return kinds.find((kind) => (exemptableChecks[kind] as readonly string[]).includes(check));
}

/**
 * Each written exemption and what became of it: applied (it covers findings of this run), stale
 * (its step ran and it covered nothing), expired (past its date: the step reported it as a
 * finding), or not checked (no step that makes its check ran).
 */
export function reportExemptions(
  entries: readonly Exemption[],
  tiers: readonly ReportTier[],
  today: string,
): ReportExemption[] {
  const steps = tiers.flatMap((tier) => tier.steps);
  const ran = new Set(steps.filter((step) => step.status !== 'skipped').map((step) => step.kind));
  return entries.map((entry) => {
    const source = `${entry.source.file}:${entry.source.line}`;
    const findings = steps
      .flatMap((step) => step.findings)
      .filter((finding) => finding.exemption?.source === source).length;
    const kind = kindOf(entry.check);
    let status: ExemptionStatus;
    if (entry.expires < today) status = 'expired';
    else if (findings > 0) status = 'applied';
    else status = kind !== undefined && ran.has(kind) ? 'stale' : 'not-checked';
    const { check, file, match, reason, owner, expires } = entry;
    return {
      check,
      file,
      ...(match === undefined ? {} : { match }),
      reason,
      owner,
      expires,
      source,
      status,
      findings,
    };
  });
}
