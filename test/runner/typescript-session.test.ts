import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StepSpec } from '../../src/pipeline/index.ts';
import { runPipeline, type RunResult } from '../../src/runner/index.ts';
import { fixturePipeline } from '../steps/step-context.ts';
import type { TempProject } from '../support/temp-project.ts';
import { createTypeScriptProject } from '../typescript-session/fixture.ts';

const typecheck = (timeoutSeconds = 60): StepSpec => ({
  id: 'typecheck',
  kind: 'typecheck',
  timeoutSeconds,
  project: '.',
});
const lint: StepSpec = {
  id: 'lint',
  kind: 'eslint',
  timeoutSeconds: 60,
  paths: ['src'],
  typeInfo: { project: 'tsconfig.json' },
};

let project: TempProject;
beforeEach(() => {
  project = createTypeScriptProject({ 'src/index.ts': 'export const n: number = 1;\n' });
});
afterEach(() => {
  project.remove();
});

function run(steps: StepSpec[], interrupt?: AbortSignal): Promise<RunResult> {
  const tier = { id: 'quality', name: 'Tier 2: quality', concurrency: 2, steps };
  const pipeline = { ...fixturePipeline(project.root), tiers: [tier] };
  return runPipeline({
    pipeline,
    renderer: 'silent',
    ...(interrupt === undefined ? {} : { interrupt }),
  });
}

const stepsOf = (result: RunResult) => result.tiers.flatMap((tier) => tier.steps);

describe("a run's TypeScript session", () => {
  it('lets the typecheck and the lint of one run share one program, built once', async () => {
    const steps = stepsOf(await run([typecheck(), lint]));
    expect(steps.map((step) => `${step.id}=${step.status}`)).toEqual([
      'typecheck=pass',
      'lint=pass',
    ]);
    const reasons = steps.map((step) => step.reason).join('\n');
    expect(reasons.match(/program of tsconfig\.json built in/g)).toHaveLength(1);
    expect(reasons.match(/shared program of tsconfig\.json reused/g)).toHaveLength(1);
  });

  it('stops a step that times out in the session, and fails it', async () => {
    const [step] = stepsOf(await run([typecheck(0.01)]));
    expect(step).toMatchObject({ status: 'fail', reason: 'timed out after 0.01 s; stopped' });
  });

  it('stops every step in the session when the run is interrupted', async () => {
    const interrupt = new AbortController();
    setTimeout(() => {
      interrupt.abort();
    }, 50);
    const result = await run([typecheck(), lint], interrupt.signal);
    expect(result.interrupted).toBe(true);
    expect(stepsOf(result).map((step) => `${step.id}=${step.status}`)).toEqual([
      'typecheck=skipped',
      'lint=skipped',
    ]);
  });
});
