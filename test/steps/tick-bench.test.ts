import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TickBenchStepSpec } from '../../src/pipeline/index.ts';
import { runStep, type StepOutcome } from '../../src/steps/index.ts';
import { stepContext } from './step-context.ts';

const testRoot = resolve(import.meta.dirname, '..');

interface Bench {
  readonly suite: string;
  readonly gated: string;
  readonly max: number;
  readonly spec?: Partial<TickBenchStepSpec>;
  readonly signal?: AbortSignal;
  readonly onProgress?: (line: string) => void;
}

/** The step over a fixture suite, with the frequency fixed so that ticks are plain arithmetic. */
function bench(run: Bench): Promise<StepOutcome> {
  const context = stepContext(testRoot, {
    env: { CERTIFY_TICK_GHZ: '2' },
    ...(run.signal === undefined ? {} : { signal: run.signal }),
  });
  const budgets = { ...context.pipeline.budgets, ticksPerEvent: { case: run.gated, max: run.max } };
  return runStep(
    { id: 'tick-bench', kind: 'tick-bench', timeoutSeconds: 120, suite: run.suite, ...run.spec },
    {
      ...context,
      pipeline: { ...context.pipeline, budgets },
      progress: run.onProgress ?? context.progress,
    },
  );
}

const tiny = 'bench/fixtures/tiny-suite.ts';

describe('the tick-bench step', () => {
  it('passes within budget, with the gated figures, every case and the ratios', async () => {
    const outcome = await bench({ suite: tiny, gated: 'tiny/hash', max: 1e9 });
    expect(outcome.status).toBe('pass');
    if (outcome.status !== 'pass' || outcome.details?.kind !== 'ticks') {
      throw new Error(`expected tick figures, got ${JSON.stringify(outcome)}`);
    }
    const { figures } = outcome.details;
    expect(figures).toMatchObject({
      case: 'tiny/hash',
      budget: 1e9,
      tickGhz: 2,
      tickSource: 'CERTIFY_TICK_GHZ',
    });
    expect(figures.ticksPerEvent.p50).toBeCloseTo(figures.nsPerEvent.p50 * 2, 2);
    expect(figures.cases?.map((c) => c.name)).toEqual(['tiny/hash', 'tiny/hash-twice']);
    expect(figures.ratios?.map((r) => r.name)).toEqual(['tiny/hash-twice / tiny/hash']);
    expect(outcome.reason).toMatch(
      /^median [\d.]+ ticks per event \([\d.]+ ns at 2\.000 GHz\), within the budget of 1000000000$/,
    );
  });

  it('fails over budget, saying the median and the budget', async () => {
    const outcome = await bench({ suite: tiny, gated: 'tiny/hash', max: 1e-9 });
    expect(outcome).toMatchObject({ status: 'fail', details: { kind: 'ticks' } });
    expect(outcome.reason).toMatch(/, over the budget of 1e-9$/);
  });

  it('measures only the selected cases, the gated one always, and their ratios only', async () => {
    const outcome = await bench({
      suite: tiny,
      gated: 'tiny/hash',
      max: 1e9,
      spec: { cases: ['tiny/hash'], timing: { rounds: 1, minSamples: 5 } },
    });
    expect(outcome.status === 'pass' && outcome.details).toMatchObject({
      figures: { cases: [{ name: 'tiny/hash' }], ratios: [] },
    });
  });

  it('fails when a guard catches skipped work, whatever the budget', async () => {
    const outcome = await bench({
      suite: 'bench/fixtures/skipped-work-suite.ts',
      gated: 'tiny/skips-its-work',
      max: 1e9,
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.reason).toMatch(/^a guard caught skipped or wrong work/);
    expect(outcome.status === 'fail' && outcome.findings?.[0]?.rule).toBe('bench-guard');
  });

  it('fails, naming the cases, when the budgeted or a selected case is not in the suite', async () => {
    const gated = await bench({ suite: tiny, gated: 'tiny/none', max: 8 });
    const selected = await bench({
      suite: tiny,
      gated: 'tiny/hash',
      max: 8,
      spec: { cases: ['tiny/other'] },
    });
    expect(gated.status).toBe('fail');
    expect(gated.reason).toContain(
      '"tiny/none" is not in the suite (its cases: tiny/hash, tiny/hash-twice)',
    );
    expect(selected.reason).toContain('"tiny/other" not in the suite');
  });

  it('is inconclusive without a tick frequency it can trust', async () => {
    const context = stepContext(testRoot, { env: { CERTIFY_TICK_GHZ: 'fast' } });
    const outcome = await runStep(
      { id: 'tick-bench', kind: 'tick-bench', timeoutSeconds: 60, suite: tiny },
      context,
    );
    expect(outcome.status).toBe('inconclusive');
    expect(outcome.reason).toContain('CERTIFY_TICK_GHZ');
  });

  it('stops measuring when told to stop, killing the measuring process', async () => {
    const controller = new AbortController();
    const lines: string[] = [];
    const running = bench({
      suite: 'bench/fixtures/hanging-suite.ts',
      gated: 'hangs/forever',
      max: 8,
      signal: controller.signal,
      onProgress: (line) => lines.push(line),
    });
    await expect.poll(() => lines, { timeout: 10_000 }).toHaveLength(1);
    controller.abort(new Error('stop now'));
    await expect(running).rejects.toThrow('stop now');
  });
});
