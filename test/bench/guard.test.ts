import { describe, expect, it } from 'vitest';
import {
  measureCase,
  type BenchCase,
  type BenchCaseRun,
  type BenchTiming,
} from '../../src/bench/index.ts';

const tiny: BenchTiming = {
  warmupPassMs: 1,
  maxWarmupPasses: 2,
  minSamples: 5,
  minTimeMs: 2,
  rounds: 1,
};
const values = Int32Array.from({ length: 500 }, (_, index) => index * 7);

let sum = 0;

/** Sums the values; reports how many it added, as a case's run must. */
function total(): number {
  let added = 0;
  for (const value of values) {
    sum = (sum + value) | 0;
    added += 1;
  }
  return added;
}

function caseOf(setup: BenchCase['setup']): BenchCase {
  return { name: 'guarded', opsPerRun: values.length, setup };
}

async function measured(benchCase: BenchCase) {
  const measurement = await measureCase(benchCase, tiny);
  if (measurement.kind !== 'measured') throw new Error(`not measured: ${measurement.error}`);
  return measurement;
}

describe('the proof of work', () => {
  it('holds when every call reports the operations the case declares', async () => {
    const { guard, perRun } = await measured(caseOf(() => ({ run: total })));
    expect(guard).toEqual({ ok: true, runs: guard.runs, problems: [] });
    expect(guard.runs).toBeGreaterThanOrEqual(tiny.minSamples);
    expect(perRun.samples).toBeGreaterThanOrEqual(tiny.minSamples);
  });

  it('fails a case whose loop was eliminated: it performed nothing', async () => {
    const eliminated = caseOf(() => ({ run: () => 0 }));
    const { guard } = await measured(eliminated);
    expect(guard.ok).toBe(false);
    expect(guard.problems).toEqual([
      `run performed 0 operations per call but the case declares opsPerRun ${values.length} (${guard.runs} of ${guard.runs} calls): the figures would be divided by work that was not done`,
    ]);
  });

  it('fails a case that declares more operations than its loop performs (opsPerRun × 4)', async () => {
    const inflated: BenchCase = {
      name: 'inflated',
      opsPerRun: 4 * values.length,
      setup: () => ({ run: total }),
    };
    const { guard } = await measured(inflated);
    expect(guard.ok).toBe(false);
    expect(guard.problems[0]).toContain(
      `run performed ${values.length} operations per call but the case declares opsPerRun ${4 * values.length}`,
    );
  });

  it('refuses a case written for the old API, which gave `expected`', async () => {
    const old = await measureCase(
      caseOf(() => ({ run: total, expected: values.length }) as BenchCaseRun),
      tiny,
    );
    expect(old).toMatchObject({ kind: 'failed', name: 'guarded' });
    expect(old.kind === 'failed' && old.error).toContain(
      'setup returned `expected`, which the suite API no longer has',
    );
  });

  it('fails a case that does its work only some of the time', async () => {
    let call = 0;
    const sometimes = caseOf(() => ({
      run: () => ((call += 1) % 3 === 0 ? -1 : total()),
    }));
    const { guard } = await measured(sometimes);
    expect(guard.ok).toBe(false);
    expect(guard.problems[0]).toMatch(
      /^run performed -1 operations per call but the case declares opsPerRun 500 \(\d+ of \d+ calls\)/,
    );
  });

  it('fails a case whose state, checked after the run, is wrong', async () => {
    const store: number[] = [];
    const forgetful = caseOf(() => ({
      run: total,
      beforeRun: () => {
        store.length = 0;
      },
      verify: () =>
        store.length === values.length ? [] : [`the store holds ${store.length} events`],
    }));
    const { guard } = await measured(forgetful);
    expect(guard).toMatchObject({ ok: false, problems: ['the store holds 0 events'] });
  });

  it('calls beforeRun once before every timed call', async () => {
    let prepared = 0;
    let ran = 0;
    const counted = caseOf(() => ({
      run: () => {
        ran += 1;
        return total();
      },
      beforeRun: () => {
        prepared += 1;
      },
    }));
    await measured(counted);
    expect(prepared).toBe(ran);
  });

  it('reports a case whose setup throws, and closes what was set up', async () => {
    const failing = await measureCase(
      caseOf(() => {
        throw new Error('no store today');
      }),
      tiny,
    );
    expect(failing).toMatchObject({ kind: 'failed', name: 'guarded' });
    expect(failing.kind === 'failed' && failing.error).toContain('no store today');

    let closed = false;
    await measured(caseOf(() => ({ run: total, close: () => void (closed = true) })));
    expect(closed).toBe(true);
  });
});
