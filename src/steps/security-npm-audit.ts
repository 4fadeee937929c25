import type { AuditLevel } from '../pipeline/index.ts';
import { runProcess } from './process.ts';
import type { Finding, StepContext } from './types.ts';

const severities = ['info', 'low', 'moderate', 'high', 'critical'] as const;
type Severity = (typeof severities)[number];

/** What `npm audit` concluded: it answered (with what it found) or it could not. */
export type NpmAuditResult =
  | { readonly status: 'pass' | 'fail'; readonly reason: string; readonly findings: Finding[] }
  | { readonly status: 'inconclusive'; readonly reason: string };

interface AuditReport {
  readonly vulnerabilities: Record<
    string,
    { readonly severity: Severity; readonly range?: string }
  >;
  readonly metadata: { readonly vulnerabilities: Record<Severity, number> };
}

function isAuditReport(value: unknown): value is AuditReport {
  if (typeof value !== 'object' || value === null) return false;
  const { metadata, vulnerabilities } = value as Record<string, unknown>;
  const counts = (metadata as { vulnerabilities?: unknown } | undefined)?.vulnerabilities;
  return (
    typeof vulnerabilities === 'object' &&
    vulnerabilities !== null &&
    typeof counts === 'object' &&
    counts !== null &&
    severities.every(
      (severity) => typeof (counts as Record<string, unknown>)[severity] === 'number',
    )
  );
}

/** npm's own words for why it could not audit, from its JSON error or its output. */
function whyUnavailable(document: unknown, outputTail: readonly string[]): string {
  if (typeof document === 'object' && document !== null) {
    const { message, error } = document as { message?: unknown; error?: { summary?: unknown } };
    if (typeof message === 'string') return message;
    if (typeof error?.summary === 'string' && error.summary !== '') return error.summary;
  }
  return outputTail.find((line) => line.includes('npm error')) ?? 'npm audit printed no report';
}

function parse(stdout: string): unknown {
  try {
    return JSON.parse(stdout);
  } catch {
    // Not JSON: npm failed before it could report; the caller says so with npm's output.
    return undefined;
  }
}

/**
 * `npm audit` against the registry. A registry that does not answer (offline, a mirror without the
 * audit endpoint) makes the result inconclusive, never a pass.
 */
export async function runNpmAudit(
  context: StepContext,
  level: AuditLevel,
): Promise<NpmAuditResult> {
  // `--audit=true`: a user's npmrc may say audit=false, which must not quietly skip the check.
  const run = await runProcess(['npm', 'audit', '--json', '--audit=true'], {
    cwd: context.pipeline.projectRoot,
    signal: context.signal,
    env: context.env,
    captureStdout: true,
  });
  if (run.startError !== undefined) return { status: 'inconclusive', reason: run.startError };
  const document = parse(run.stdout);
  if (!isAuditReport(document)) {
    return {
      status: 'inconclusive',
      reason: `npm audit could not run: ${whyUnavailable(document, run.outputTail)}`,
    };
  }
  const failing = severities.slice(severities.indexOf(level));
  const findings = Object.entries(document.vulnerabilities)
    .filter(([, entry]) => failing.includes(entry.severity))
    .map(([name, entry]) => ({
      rule: 'npm-audit',
      message: `${name}${entry.range ? ` ${entry.range}` : ''}: ${entry.severity} severity advisory`,
      file: 'package-lock.json',
    }));
  const counts = severities
    .filter((severity) => document.metadata.vulnerabilities[severity] > 0)
    .map((severity) => `${document.metadata.vulnerabilities[severity]} ${severity}`);
  if (findings.length > 0) {
    return {
      status: 'fail',
      reason: `npm audit: ${counts.join(', ')} (fails at ${level} and above)`,
      findings,
    };
  }
  const below = counts.length === 0 ? '' : ` (${counts.join(', ')}, all below ${level})`;
  return {
    status: 'pass',
    reason: `npm audit: no advisory at ${level} or above${below}`,
    findings,
  };
}
