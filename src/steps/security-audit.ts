import { resolve } from 'node:path';
import type { SecurityAuditStepSpec } from '../pipeline/index.ts';
import { findUnsafeCode } from './security-code.ts';
import { runNpmAudit } from './security-npm-audit.ts';
import { findSecrets } from './security-secrets.ts';
import { readSourceFiles } from './source-files.ts';
import type { Finding, StepContext, StepOutcome, SubCheck } from './types.ts';

function countedCheck(name: string, findings: readonly Finding[], whenNone: string): SubCheck {
  return findings.length === 0
    ? { name, status: 'pass', reason: whenNone, advisory: false }
    : { name, status: 'fail', reason: `${findings.length} found`, advisory: false };
}

async function npmAuditCheck(
  spec: SecurityAuditStepSpec,
  context: StepContext,
): Promise<{ check: SubCheck; findings: Finding[] }> {
  const mode = spec.npmAudit ?? 'required';
  if (mode === 'off') {
    return {
      check: {
        name: 'npm audit',
        status: 'off',
        reason: 'off in the pipeline file',
        advisory: true,
      },
      findings: [],
    };
  }
  const result = await runNpmAudit(context, spec.auditLevel ?? 'high');
  if (result.status !== 'inconclusive') {
    return {
      check: { name: 'npm audit', status: result.status, reason: result.reason, advisory: false },
      findings: result.findings,
    };
  }
  const advisory = mode === 'when-available';
  return {
    check: { name: 'npm audit', status: 'inconclusive', reason: result.reason, advisory },
    findings: [{ rule: 'npm-audit-unavailable', message: result.reason }],
  };
}

function describe(checks: readonly SubCheck[]): string {
  return checks
    .map((check) => {
      const note = check.advisory && check.status === 'inconclusive' ? ', not deciding' : '';
      return `${check.name}: ${check.status} (${check.reason}${note})`;
    })
    .join('; ');
}

/**
 * The feature's source holds no unsafe code patterns and no hard-coded secrets, and `npm audit`
 * finds no advisory at the configured level. Each part is reported as a sub-check.
 */
export async function runSecurityAuditStep(
  spec: SecurityAuditStepSpec,
  context: StepContext,
): Promise<StepOutcome> {
  const { projectRoot, feature } = context.pipeline;
  const files = await readSourceFiles(resolve(projectRoot, feature.source), projectRoot);
  const unsafe = findUnsafeCode(files);
  const secrets = findSecrets(files);
  const audit = await npmAuditCheck(spec, context);
  const checks = [
    countedCheck('unsafe code', unsafe, 'no non-null assertion, `as any` or `@ts-ignore`'),
    countedCheck('secrets', secrets, 'no hard-coded secret'),
    audit.check,
  ];
  const findings = [...unsafe, ...secrets, ...audit.findings];
  const details = { kind: 'checks', checks } as const;
  const reason = describe(checks);
  if (checks.some((check) => check.status === 'fail')) {
    return { status: 'fail', reason, findings, details };
  }
  if (checks.some((check) => check.status === 'inconclusive' && !check.advisory)) {
    return { status: 'inconclusive', reason, findings, details };
  }
  return { status: 'pass', reason, findings, details };
}
