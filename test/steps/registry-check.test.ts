import { delimiter, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RegistryCheckStepSpec } from '../../src/pipeline/index.ts';
import { runStep, type StepOutcome } from '../../src/steps/index.ts';
import { writeHangingWeaver } from '../registry/support/weaver-stand-in.ts';
import { isAlive } from '../support/process-tree.ts';
import { stepContext } from './step-context.ts';

const fixtures = resolve(import.meta.dirname, '../registry/fixtures');

/** The step over one fixture registry, as if the pipeline's registry were that folder. */
function check(fixture: string, extra: Partial<RegistryCheckStepSpec> = {}): Promise<StepOutcome> {
  const context = stepContext(fixtures, { env: { PATH: '' } });
  return runStep(
    { id: 'registry-check', kind: 'registry-check', timeoutSeconds: 60, ...extra },
    { ...context, pipeline: { ...context.pipeline, registry: fixture } },
  );
}

describe('the registry-check step', () => {
  it('passes a valid registry, with its counts and the engine that ran', async () => {
    const outcome = await check('valid-shop', { policies: ['builtin:otel'] });
    expect(outcome).toMatchObject({
      status: 'pass',
      reason: '0 errors, 0 warnings in 4 files (builtin engine)',
      details: { kind: 'diagnostics', errors: 0, warnings: 0 },
    });
  });

  it('fails on an error, with the diagnostic id, its file, line and group', async () => {
    const outcome = await check('missing-span-kind');
    expect(outcome.status).toBe('fail');
    if (outcome.status !== 'fail') return;
    expect(outcome.reason).toMatch(/^1 error, \d+ warnings? in 1 file \(builtin engine\)$/);
    const missing = outcome.findings?.find((f) => f.rule === 'InvalidSpanMissingSpanKind');
    expect(missing).toMatchObject({ file: 'missing-span-kind/registry.yaml', line: 10, column: 5 });
    expect(missing?.message).toMatch(/^error: .*span_kind.*\[span\.shop\.checkout\.server\]$/);
  });

  it('makes warnings errors with future: true', async () => {
    const lenient = await check('attribute-missing-stability');
    const strict = await check('attribute-missing-stability', { future: true });
    expect(lenient.status).toBe('pass');
    expect(strict).toMatchObject({ status: 'fail', details: { errors: 1, warnings: 0 } });
  });

  it('is inconclusive, not passed, when the chosen engine cannot run', async () => {
    const outcome = await check('valid-shop', { engine: 'weaver' });
    expect(outcome.status).toBe('inconclusive');
    expect(outcome.reason).toMatch(/^the registry check could not run: .*weaver/);
  });

  it('stops a real weaver that hangs, and every process it started, when told to stop', async () => {
    const weaver = writeHangingWeaver();
    try {
      const controller = new AbortController();
      const env = { PATH: `${weaver.dir}${delimiter}${process.env.PATH ?? ''}` };
      const context = stepContext(fixtures, { env, signal: controller.signal });
      const running = runStep(
        { id: 'registry-check', kind: 'registry-check', timeoutSeconds: 60 },
        { ...context, pipeline: { ...context.pipeline, registry: 'valid-shop' } },
      );
      await expect.poll(() => weaver.pids(), { timeout: 10_000 }).toHaveLength(2);
      controller.abort();
      const outcome = await running;
      expect(outcome.status).toBe('inconclusive');
      expect(outcome.reason).toMatch(/^the registry check could not run: .*weaver.* stopped/);
      const pids = weaver.pids();
      await expect.poll(() => pids.filter(isAlive), { timeout: 5_000 }).toEqual([]);
    } finally {
      weaver.remove();
    }
  });
});
