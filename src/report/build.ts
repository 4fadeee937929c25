import { relative } from 'node:path';
import type { Pipeline } from '../pipeline/index.ts';
import type { RunResult, StepResult } from '../runner/index.ts';
import { describeEnvironment } from './environment.ts';
import { reportExemptions } from './exemptions.ts';
import type { CertificationReport, GitSummary, ReportStep, RunOptions, Signer } from './types.ts';
import { verdictOf } from './verdict.ts';

export interface BuildReportInput {
  readonly pipeline: Pipeline;
  readonly run: RunResult;
  readonly options: RunOptions;
  readonly signer: Signer;
  readonly git: GitSummary;
}

function reportStep(step: StepResult): ReportStep {
  const base = {
    id: step.id,
    name: step.name,
    kind: step.kind,
    status: step.status,
    reason: step.reason,
    durationMs: step.durationMs,
  };
  if (step.status === 'skipped') return { ...base, findings: [] };
  return {
    ...base,
    findings: step.findings ?? [],
    ...(step.details === undefined ? {} : { details: step.details }),
    // Output is kept where it helps a person see why: for steps that did not pass.
    ...(step.status !== 'pass' && step.outputTail !== undefined
      ? { outputTail: step.outputTail }
      : {}),
  };
}

/** The certification report for a finished run: everything the Markdown, JUnit and signature use. */
export function buildReport(input: BuildReportInput): CertificationReport {
  const { pipeline, run } = input;
  const tiers = run.tiers.map((tier) => ({
    id: tier.id,
    name: tier.name,
    status: tier.status,
    durationMs: tier.durationMs,
    steps: tier.steps.map(reportStep),
  }));
  const exemptions = reportExemptions(
    pipeline.exemptionEntries,
    tiers,
    run.startedAt.toISOString().slice(0, 10),
  );
  return {
    reportVersion: 1,
    feature: pipeline.feature,
    registry: pipeline.registry,
    pipeline: relative(pipeline.projectRoot, pipeline.file),
    ...(pipeline.exemptions === undefined ? {} : { exemptions }),
    budgets: pipeline.budgets,
    verdict: verdictOf(tiers, exemptions),
    startedAt: run.startedAt.toISOString(),
    finishedAt: run.finishedAt.toISOString(),
    durationMs: run.finishedAt.getTime() - run.startedAt.getTime(),
    environment: describeEnvironment(),
    signer: input.signer,
    git: input.git,
    run: input.options,
    tiers,
  };
}
