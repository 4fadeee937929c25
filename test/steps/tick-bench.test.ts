import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TicksPerEventBudget, TickBenchStepSpec } from '../../src/pipeline/index.ts';
import { runStep, type StepOutcome, type TickFigures } from '../../src/steps/index.ts';
import { stepContext } from './step-context.ts';

const testRoot = resolve(import.meta.dirname, '..');
const reportsDir = mkdtempSync(join(tmpdir(), 'certify-tick-step-'));
afterAll(() => {
  rmSync(reportsDir, { recursive: true, force: true });
  // The alternating fixture counts its measuring processes in a file named after their parent.
  rmSync(join(tmpdir(), `certify-alternating-${process.pid}`), { force: true });
});

interface Bench {
  readonly suite: string;
  readonly budget: TicksPerEventBudget;
  readonly spec?: Partial<TickBenchStepSpec>;
  readonly signal?: AbortSignal;
  readonly onProgress?: (line: string) => void;
  readonly reportsDir?: string;
}

/** A quick gate: two to four processes, a short sampling window each. */
const quickGate = { minProcesses: 2, maxProcesses: 4, windowMs: 10 };

/** The step over a fixture suite, with the frequency fixed so that ticks are plain arithmetic. */
function bench(run: Bench): Promise<StepOutcome> {
  const context = stepContext(testRoot, {
    env: { CERTIFY_TICK_GHZ: '1' },
    ...(run.signal === undefined ? {} : { signal: run.signal }),
  });
  const budgets = { ...context.pipeline.budgets, ticksPerEvent: run.budget };
  return runStep(
    {
      id: 'tick-bench',
      kind: 'tick-bench',
      timeoutSeconds: 120,
      suite: run.suite,
      gate: quickGate,
      ...run.spec,
    },
    {
      ...context,
      pipeline: { ...context.pipeline, budgets },
      progress: run.onProgress ?? context.progress,
      ...(run.reportsDir === undefined ? {} : { reportsDir: run.reportsDir }),
    },
  );
}

function figuresOf(outcome: StepOutcome): TickFigures {
  if (outcome.status === 'skipped' || outcome.details?.kind !== 'ticks') {
    throw new Error(`expected tick figures, got ${JSON.stringify(outcome)}`);
  }
  return outcome.details.figures;
}

const spin = 'bench/fixtures/spin-suite.ts';

describe('the tick-bench step', () => {
  it('passes a case whose interval is under the budget, with its figures and noise', async () => {
    const outcome = await bench({ suite: spin, budget: { case: 'spin/100ns', max: 1e6 } });
    expect(outcome.status).toBe('pass');
    const figures = figuresOf(outcome);
    expect(figures).toMatchObject({
      budget: 1e6,
      decision: 'pass',
      confidence: 0.95,
      minProcesses: 2,
      maxProcesses: 4,
      timeCapSeconds: 30,
      tickGhz: 1,
      tickSource: 'CERTIFY_TICK_GHZ',
      gated: [{ case: 'spin/100ns', decision: 'pass', processes: 2 }],
      cases: [{ name: 'spin/100ns' }],
      ratios: [],
    });
    const [gated] = figures.gated;
    expect(gated?.interval?.upper).toBeLessThan(1e6);
    expect(gated?.processMedians).toHaveLength(2);
    expect(gated?.samples).toBeGreaterThan(0);
    expect(gated?.noise).toHaveProperty('betweenProcessSpread');
    expect(figures.rule).toContain('Pass when the upper bound is under the budget');
    expect(outcome.reason).toMatch(
      /^spin\/100ns: [\d.]+% interval \[[\d.]+, [\d.]+\] around [\d.]+ ticks per event over 2 processes, within the budget of 1000000 \(1\.000 GHz\)$/,
    );
  });

  it('fails a case over budget and profiles it into the reports folder, naming its hot spots', async () => {
    const outcome = await bench({
      suite: 'bench/fixtures/profiled-suite.ts',
      budget: { case: 'profiled/hot-and-cold', max: 1e-6 },
      reportsDir,
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.reason).toContain('over the budget of 0.000001');
    expect(outcome.reason).toMatch(
      /profiled\/hot-and-cold hottest by self time: hotLoop \(bench\/fixtures\/profiled-suite\.ts:\d+\) [\d.]+%, /,
    );
    const figures = figuresOf(outcome);
    expect(figures.profiles).toEqual([
      expect.objectContaining({
        case: 'profiled/hot-and-cold',
        cpuprofile: 'tick-profile-profiled-hot-and-cold.cpuprofile',
        flameGraph: 'tick-profile-profiled-hot-and-cold.svg',
      }),
    ]);
    expect(figures.profiles?.[0]?.hottest[0]).toMatchObject({
      function: 'hotLoop',
      file: 'bench/fixtures/profiled-suite.ts',
    });
    expect(existsSync(join(reportsDir, 'tick-profile-profiled-hot-and-cold.svg'))).toBe(true);
  });

  it('is inconclusive when the budget sits inside the spread between processes, with the interval', async () => {
    const outcome = await bench({
      suite: 'bench/fixtures/alternating-suite.ts',
      budget: { case: 'alternating/spin', max: 200 },
    });
    expect(outcome.status).toBe('inconclusive');
    expect(outcome.reason).toContain('straddles the budget of 200');
    expect(outcome.reason).toContain('between processes');
    expect(figuresOf(outcome)).toMatchObject({
      decision: 'inconclusive',
      gated: [{ decision: 'inconclusive', processes: 4 }],
    });
  });

  it('holds a list of cases to one budget', async () => {
    const outcome = await bench({
      suite: spin,
      budget: { cases: ['spin/100ns', 'spin/300ns'], max: 1e6 },
    });
    expect(outcome.status).toBe('pass');
    expect(figuresOf(outcome).gated.map((gated) => gated.case)).toEqual([
      'spin/100ns',
      'spin/300ns',
    ]);
  });

  it('runs the peers and their ratios only when asked', async () => {
    const outcome = await bench({
      suite: 'bench/fixtures/tiny-suite.ts',
      budget: { case: 'tiny/hash', max: 1e9 },
      spec: { peers: true, timing: { rounds: 1, minSamples: 5 } },
    });
    expect(figuresOf(outcome)).toMatchObject({
      cases: [{ name: 'tiny/hash' }, { name: 'tiny/hash-twice' }],
      ratios: [{ name: 'tiny/hash-twice / tiny/hash' }],
    });
  });

  it('fails when the guard catches a case declaring work it does not do, whatever the budget', async () => {
    const outcome = await bench({
      suite: 'bench/fixtures/inflated-ops-suite.ts',
      budget: { case: 'tiny/inflated', max: 1e9 },
    });
    expect(outcome.status).toBe('fail');
    expect(outcome.reason).toContain(
      'a guard caught missing or wrong work, so no figure can be trusted: tiny/inflated: run performed 1000 operations per call but the case declares opsPerRun 4000',
    );
    expect(outcome.status === 'fail' && outcome.findings?.[0]?.rule).toBe('bench-guard');
  });

  it('fails, naming the cases, when a gated or a selected case is not in the suite', async () => {
    const gated = await bench({ suite: spin, budget: { case: 'spin/none', max: 8 } });
    const selected = await bench({
      suite: spin,
      budget: { case: 'spin/100ns', max: 8 },
      spec: { cases: ['spin/other'] },
    });
    expect(gated.status).toBe('fail');
    expect(gated.reason).toContain(
      '"spin/none" is not in the suite (its cases: spin/100ns, spin/300ns)',
    );
    expect(selected.reason).toContain('"spin/other" not in the suite');
  });

  it('is inconclusive without a tick frequency it can trust', async () => {
    const context = stepContext(testRoot, { env: { CERTIFY_TICK_GHZ: 'fast' } });
    const outcome = await runStep(
      { id: 'tick-bench', kind: 'tick-bench', timeoutSeconds: 60, suite: spin },
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
      budget: { case: 'hangs/forever', max: 8 },
      signal: controller.signal,
      onProgress: (line) => lines.push(line),
    });
    await expect.poll(() => lines, { timeout: 10_000 }).toHaveLength(1);
    controller.abort(new Error('stop now'));
    await expect(running).rejects.toThrow('stop now');
  });
});
