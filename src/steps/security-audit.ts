import { resolve } from 'node:path';
import type { Pipeline, SecurityAuditStepSpec } from '../pipeline/index.ts';
import { counted, exemptionsFor, markExempted } from './exemptions.ts';
import { byLocation } from './findings.ts';
import { parseScript } from './script-source.ts';
import { findUnsafeCode } from './security-code.ts';
import { findExecution } from './security-execution.ts';
import { runNpmAudit } from './security-npm-audit.ts';
import { findSecrets } from './security-secrets.ts';
import { findSuppressions } from './security-suppressions.ts';
import { isScript, readSourceFiles } from './source-files.ts';
import type { Finding, StepContext, StepOutcome, SubCheck } from './types.ts';

/** A sub-check decided by its findings: it fails when one counts (no exemption covers it). */
function countedCheck(name: string, findings: readonly Finding[], whenNone: string): SubCheck {
  const failing = counted(findings).length;
  const exempted = findings.length - failing;
  const note = exempted === 0 ? '' : `, ${exempted} exempted`;
  return failing === 0
    ? { name, status: 'pass', reason: `${whenNone}${note}`, advisory: false }
    : { name, status: 'fail', reason: `${failing} found${note}`, advisory: false };
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

/** The checks of the feature's files: code in `feature.source`, suppressions in `feature.root`. */
async function codeChecks(
  pipeline: Pipeline,
): Promise<{ checks: SubCheck[]; findings: Finding[] }> {
  const { projectRoot, feature } = pipeline;
  const sources = await readSourceFiles(resolve(projectRoot, feature.source), projectRoot);
  const everything = await readSourceFiles(resolve(projectRoot, feature.root), projectRoot);
  const parsed = sources.filter((file) => isScript(file.path)).map(parseScript);
  const kind = feature.kind ?? 'library';
  const { active, expired } = exemptionsFor(pipeline.exemptionEntries, 'security-audit');
  const mark = (findings: readonly Finding[]) =>
    markExempted([...findings].sort(byLocation), active);
  const execution = mark(parsed.flatMap((source) => findExecution(source, kind)));
  const unsafe = mark(parsed.flatMap(findUnsafeCode));
  const suppressions = mark(findSuppressions(everything));
  const secrets = mark(findSecrets(sources));
  const checks = [
    countedCheck(
      'code execution',
      execution,
      `no eval, Function, vm or shell command${kind === 'library' ? ', no process started' : ''}`,
    ),
    countedCheck('unsafe code', unsafe, 'no non-null assertion or `any`'),
    countedCheck('suppressions', suppressions, 'no comment switches a check off'),
    countedCheck('secrets', secrets, 'no hard-coded secret'),
    ...(expired.length === 0 ? [] : [countedCheck('exemptions', expired, 'none expired')]),
  ];
  return { checks, findings: [...execution, ...unsafe, ...suppressions, ...secrets, ...expired] };
}

/**
 * The feature runs no string as code, starts no process (a library) and builds no shell command,
 * holds no unsafe code and no hard-coded secret in its source, silences none of its checks with a
 * comment anywhere in its folder, and `npm audit` finds no advisory at the configured level.
 * Each part is a sub-check; a finding that a written exemption covers is reported as exempted.
 */
export async function runSecurityAuditStep(
  spec: SecurityAuditStepSpec,
  context: StepContext,
): Promise<StepOutcome> {
  const code = await codeChecks(context.pipeline);
  const audit = await npmAuditCheck(spec, context);
  const checks = [...code.checks, audit.check];
  const findings = [...code.findings, ...audit.findings];
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
