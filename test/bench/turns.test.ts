import { describe, expect, it } from 'vitest';
import { measureCase, type BenchCaseRun, type BenchTiming } from '../../src/bench/index.ts';

const tiny: BenchTiming = {
  warmupPassMs: 1,
  maxWarmupPasses: 2,
  minSamples: 5,
  minTimeMs: 2,
  rounds: 1,
};

/**
 * A case whose every call schedules an immediate and counts the calls that came before the
 * previous call's immediate ran: the calls that did not start on a fresh turn of the event loop.
 */
function turnCounting(options: Pick<BenchCaseRun, 'freshTurnPerRun'> = {}) {
  const counts = { runs: 0, runsWithoutTurn: 0 };
  let immediatesRan = 0;
  let scheduled = 0;
  const run: BenchCaseRun = {
    ...options,
    run: () => {
      counts.runs += 1;
      if (immediatesRan < scheduled) counts.runsWithoutTurn += 1;
      scheduled += 1;
      setImmediate(() => {
        immediatesRan += 1;
      });
      return 1;
    },
    expected: 1,
  };
  return { counts, benchCase: { name: 'turns', opsPerRun: 1, setup: () => run } };
}

describe('the turns of the event loop between timed calls', () => {
  it('start every call on a fresh turn by default, so what a call queued settles first', async () => {
    const { counts, benchCase } = turnCounting();
    const measurement = await measureCase(benchCase, tiny);
    expect(measurement.kind).toBe('measured');
    expect(counts.runs).toBeGreaterThan(tiny.minSamples);
    expect(counts.runsWithoutTurn).toBe(0);
  });

  it('run a pass in one turn for a case whose calls queue nothing', async () => {
    const { counts, benchCase } = turnCounting({ freshTurnPerRun: false });
    const measurement = await measureCase(benchCase, tiny);
    expect(measurement.kind).toBe('measured');
    expect(counts.runsWithoutTurn).toBeGreaterThan(counts.runs / 2);
  });

  it('still await an untimed step that returns a promise, without a fresh turn', async () => {
    let settled = 0;
    let started = 0;
    let runsBeforeTheirStepSettled = 0;
    const benchCase = {
      name: 'async-step',
      opsPerRun: 1,
      setup: (): BenchCaseRun => ({
        freshTurnPerRun: false,
        beforeRun: async () => {
          started += 1;
          await Promise.resolve();
          settled += 1;
        },
        run: () => {
          if (settled !== started) runsBeforeTheirStepSettled += 1;
          return 1;
        },
        expected: 1,
      }),
    };
    const measurement = await measureCase(benchCase, tiny);
    expect(measurement.kind === 'measured' && measurement.guard.runs).toBeGreaterThan(0);
    expect({ started, runsBeforeTheirStepSettled }).toEqual({
      started: settled,
      runsBeforeTheirStepSettled: 0,
    });
  });
});
