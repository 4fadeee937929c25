import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LiveCheckStepSpec } from '../../src/pipeline/index.ts';
import { runStep, type StepOutcome } from '../../src/steps/index.ts';
import { attr, ref, registryYaml, spanYaml } from '../live-check/support/yaml.ts';
import { isAlive, processTreeScript, treePids } from '../support/process-tree.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';
import { stepContext } from './step-context.ts';

const sendSpans = resolve(import.meta.dirname, '../live-check/fixtures/send-spans.mjs');

const jobsRegistry = registryYaml(
  [attr('job.id', 'string'), attr('service.name', 'string')],
  spanYaml('span.job.run.internal', 'internal', { attributes: [ref('job.id', 'required')] }),
);

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
});

interface Run {
  readonly command: LiveCheckStepSpec['command'];
  readonly coverage?: number;
  readonly registry?: string;
  readonly signal?: AbortSignal;
}

async function liveCheck(run: Run): Promise<StepOutcome & { lines: readonly string[] }> {
  project = createTempProject({ 'registry/registry.yaml': run.registry ?? jobsRegistry });
  const context = stepContext(project.root, run.signal === undefined ? {} : { signal: run.signal });
  const pipeline = {
    ...context.pipeline,
    budgets: { ...context.pipeline.budgets, liveCheckCoverage: run.coverage ?? 100 },
  };
  const outcome = await runStep(
    { id: 'live-check', kind: 'live-check', timeoutSeconds: 60, command: run.command },
    { ...context, pipeline },
  );
  return { ...outcome, lines: context.lines };
}

describe('the live-check step', () => {
  it('passes when the command sends telemetry matching the registry, with full coverage', async () => {
    const outcome = await liveCheck({ command: ['node', sendSpans, '3', '0'] });
    expect(outcome).toMatchObject({
      status: 'pass',
      reason:
        '8 entities checked: 0 violations, 0 improvements, 0 information; registry coverage 100.0%',
      details: { kind: 'telemetry', coveragePercent: 100, coverageBudget: 100, violations: 0 },
    });
  });

  it('fails on a violation, naming the finding and its signal', async () => {
    const registry = registryYaml(
      [attr('job.id', 'int'), attr('service.name', 'string')],
      spanYaml('span.job.run.internal', 'internal', { attributes: [ref('job.id', 'required')] }),
    );
    const outcome = await liveCheck({ command: ['node', sendSpans, '2', '0'], registry });
    expect(outcome.status).toBe('fail');
    if (outcome.status !== 'fail') return;
    expect(outcome.reason).toMatch(/^2 violations \(--fail-on violation\) \(6 entities checked/);
    const mismatch = outcome.findings?.find((finding) => finding.rule === 'type_mismatch');
    expect(mismatch?.message).toMatch(/^violation: .*job\.id.*\[span job\.run\] \(2 times\)$/);
  });

  it('fails when coverage is under the pipeline budget', async () => {
    const registry = registryYaml(
      [attr('job.id', 'string'), attr('job.owner', 'string'), attr('service.name', 'string')],
      spanYaml('span.job.run.internal', 'internal', { attributes: [ref('job.id', 'required')] }),
    );
    const outcome = await liveCheck({ command: ['node', sendSpans, '1', '0'], registry });
    expect(outcome).toMatchObject({ status: 'fail', details: { coverageBudget: 100 } });
    expect(outcome.reason).toMatch(/registry coverage 75\.0% is below 100%/);
  });

  it('fails when the command fails, keeping the end of its output', async () => {
    const outcome = await liveCheck({
      command: ['node', '-e', 'console.log("starting the workload"); process.exit(3)'],
    });
    expect(outcome.status).toBe('fail');
    if (outcome.status !== 'fail') return;
    expect(outcome.reason).toContain('exited with code 3');
    expect(outcome.reason).toContain('sent no telemetry');
    expect(outcome.outputTail).toEqual(['starting the workload']);
    expect(outcome.lines).toEqual(['starting the workload']);
  });

  it('fails, not errs, when the registry has errors', async () => {
    const outcome = await liveCheck({
      command: ['node', sendSpans, '1', '0'],
      registry: 'groups:\n  - id: broken\n    type: span\n',
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.reason).toMatch(/^the live check could not run: /);
  });

  it('stops the whole process tree of the command when told to stop', async () => {
    const controller = new AbortController();
    const pids = () => treePids(project?.root ?? '');
    const running = liveCheck({
      command: ['node', '-e', processTreeScript],
      signal: controller.signal,
    });
    await expect.poll(pids, { timeout: 10_000 }).toHaveLength(2);
    controller.abort();
    await running;
    await expect.poll(() => pids().filter(isAlive), { timeout: 5_000 }).toEqual([]);
  });
});
