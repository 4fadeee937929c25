import { resolve } from 'node:path';
import { runLiveCheck, type LiveCheckDocument } from '../live-check/index.ts';
import type { LiveCheckStepSpec } from '../pipeline/index.ts';
import { createTail } from '../common/index.ts';
import type { Finding, StepContext, StepOutcome } from './types.ts';

/** How many of the command's last output lines a step that did not pass keeps. */
const TAIL_LINES = 40;

/** Every OTLP receiver on loopback, each on a free port: nothing else on the machine is disturbed. */
const loopbackReceivers = {
  kind: 'otlp',
  address: '127.0.0.1',
  grpcPort: 0,
  httpPort: 0,
  adminPort: 0,
} as const;

function findingsOf(document: LiveCheckDocument): Finding[] {
  return document.findings.map(({ finding, count }) => {
    const signal =
      finding.signal_type === null
        ? ''
        : ` [${[finding.signal_type, finding.signal_name].filter((part) => part !== null).join(' ')}]`;
    const times = count > 1 ? ` (${count} times)` : '';
    return { rule: finding.id, message: `${finding.level}: ${finding.message}${signal}${times}` };
  });
}

function summaryOf(document: LiveCheckDocument): string {
  const stats = document.statistics;
  const { violation, improvement, information } = stats.findings_by_level;
  return (
    `${stats.total_entities} entities checked: ${violation} violations, ${improvement} improvements, ` +
    `${information} information; registry coverage ${stats.registry_coverage.toFixed(1)}%`
  );
}

/**
 * Tier 1's live check, in-process: receivers on loopback first, then the feature's workload
 * command pointed at them, then the verdict once it has exited and its telemetry has gone quiet.
 * Findings at the step's level or coverage under the pipeline's budget fail it; so does a command
 * that fails or sends nothing.
 */
export async function runLiveCheckStep(
  spec: LiveCheckStepSpec,
  context: StepContext,
): Promise<StepOutcome> {
  const { projectRoot, budgets } = context.pipeline;
  const tail = createTail(TAIL_LINES, context.progress);
  const result = await runLiveCheck({
    registry: resolve(projectRoot, context.pipeline.registry),
    input: loopbackReceivers,
    inactivityTimeoutSeconds: 0,
    command: spec.command,
    commandCwd: projectRoot,
    commandEnv: context.env,
    commandOutput: tail.push,
    failOn: spec.failOn ?? 'violation',
    failOnCoverageBelow: budgets.liveCheckCoverage,
    stopSignal: context.signal,
  });
  if (!result.ok) {
    const { kind, message } = result.error;
    const reason = `the live check could not run: ${message}`;
    return kind === 'registry' ? { status: 'fail', reason } : { status: 'inconclusive', reason };
  }
  const { document } = result;
  const details = {
    kind: 'telemetry',
    coveragePercent: document.statistics.registry_coverage,
    coverageBudget: budgets.liveCheckCoverage,
    violations: document.statistics.findings_by_level.violation,
  } as const;
  const findings = findingsOf(document);
  const summary = summaryOf(document);
  if (document.verdict === 'pass') return { status: 'pass', reason: summary, details, findings };
  return {
    status: 'fail',
    reason: `${document.reasons.join('; ')} (${summary})`,
    details,
    findings,
    outputTail: tail.end(),
  };
}
