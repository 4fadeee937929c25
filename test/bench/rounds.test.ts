import { describe, expect, it } from 'vitest';
import { mergeRounds, type CaseMeasurement } from '../../src/bench/index.ts';

type Measured = Extract<CaseMeasurement, { kind: 'measured' }>;

function round(samples: number[], emptyP50: number, problems: string[] = []): Measured {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    kind: 'measured',
    name: 'case',
    opsPerRun: 10,
    perRun: { min: sorted[0] ?? 0, p50: 0, p99: 0, samples: sorted.length },
    perRunSamples: sorted,
    emptyRun: { min: emptyP50 - 1, p50: emptyP50, p99: emptyP50 + 5, samples: 2000 },
    warmup: { passes: 2, settled: true },
    guard: { ok: problems.length === 0, runs: sorted.length, problems },
    noise: {
      wallMs: 500,
      cores: 2,
      threadShare: 1,
      stealFraction: 0,
      otherCpuCores: 0,
      involuntarySwitchesPerSecond: 0,
      loadAverage: 0.5,
    },
    phasesMs: { start: 200, setup: 50, emptyLoop: 40, warmup: 300, sampling: 200, verify: 5 },
  };
}

describe('pooling the processes of one case', () => {
  it('pools the samples of every round and takes the median of the empty loops', () => {
    const merged = mergeRounds([round([5, 1, 9], 50), round([2, 8, 4, 6], 70), round([3, 7], 60)]);
    expect(merged).toMatchObject({
      kind: 'measured',
      perRun: { min: 1, p50: 5, p99: 8, samples: 9 },
      processes: 3,
      perRunSamples: [1, 2, 3, 4, 5, 6, 7, 8, 9],
      emptyRun: { min: 49, p50: 60, p99: 75, samples: 6000 },
      guard: { ok: true, runs: 9, problems: [] },
    });
  });

  it('fails the guard when one process did, saying which', () => {
    const merged = mergeRounds([round([1, 2], 50), round([3, 4], 50, ['run returned 0'])]);
    expect(merged?.kind === 'measured' && merged.guard).toEqual({
      ok: false,
      runs: 4,
      problems: ['process 2: run returned 0'],
    });
  });

  it('fails the case when one process failed, saying which', () => {
    const failed: CaseMeasurement = { kind: 'failed', name: 'case', error: 'setup threw' };
    expect(mergeRounds([round([1], 50), failed])).toEqual({
      kind: 'failed',
      name: 'case',
      error: 'process 2: setup threw',
    });
  });

  it('leaves a single process as it is', () => {
    const only = round([1, 2, 3], 50);
    expect(mergeRounds([only])).toMatchObject({
      processes: 1,
      perRunSamples: [1, 2, 3],
      guard: only.guard,
    });
  });
});
