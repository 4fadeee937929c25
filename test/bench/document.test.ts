import { describe, expect, it } from 'vitest';
import { buildDocument, formatBenchTable, type CaseMeasurement } from '../../src/bench/index.ts';

const frequency = { ghz: 2.5, source: '--tick-ghz' };
const goodGuard = { ok: true, runs: 40, problems: [] };

/** A measured case: `perRunP50` ns per call of `ops` operations, 100 ns of empty loop per call. */
function measured(
  name: string,
  perRunP50: number,
  ops = 1000,
): Extract<CaseMeasurement, { kind: 'measured' }> {
  return {
    kind: 'measured',
    name,
    opsPerRun: ops,
    perRun: { min: perRunP50 - 30_000, p50: perRunP50, p99: perRunP50 + 150_000, samples: 40 },
    perRunSamples: [],
    emptyRun: { min: 90, p50: 100, p99: 300, samples: 1000 },
    warmup: { passes: 2, settled: true },
    guard: goodGuard,
  };
}

const hotPath = measured('feature/hot-path', 300_100); // (300100 − 100) / 1000 = 300 ns per op
const peer = measured('feature/peer', 900_100);

describe('the benchmark document', () => {
  it('gives per-operation ns and ticks with the empty loop subtracted', () => {
    const document = buildDocument({ suitePath: 'suite.ts', frequency, measurements: [hotPath] });
    expect(document).toMatchObject({
      suite: 'suite.ts',
      tickGhz: 2.5,
      tickSource: '--tick-ghz',
      node: process.version,
    });
    expect(document.results).toEqual([
      {
        name: 'feature/hot-path',
        nsPerOp: { min: 270, p50: 300, p99: 450 },
        ticksPerOp: { min: 675, p50: 750, p99: 1125 },
        samples: 40,
        opsPerSample: 1000,
        emptyLoopNsPerSample: 100,
        warmupPasses: 2,
        guard: goodGuard,
      },
    ]);
    expect(document.verdict).toBe('pass');
  });

  it('computes ratios of medians and holds them against their limit', () => {
    const document = buildDocument({
      suitePath: 'suite.ts',
      frequency,
      measurements: [hotPath, peer],
      ratios: [
        { numerator: 'feature/peer', denominator: 'feature/hot-path' },
        { numerator: 'feature/peer', denominator: 'feature/hot-path', limit: 1.25 },
      ],
    });
    expect(document.ratios).toEqual([
      {
        name: 'feature/peer / feature/hot-path',
        numerator: 'feature/peer',
        denominator: 'feature/hot-path',
        value: 3,
      },
      {
        name: 'feature/peer / feature/hot-path',
        numerator: 'feature/peer',
        denominator: 'feature/hot-path',
        value: 3,
        limit: 1.25,
        withinLimit: false,
      },
    ]);
  });

  it('passes a gated median within budget and fails one over it', () => {
    const within = buildDocument({
      suitePath: 'suite.ts',
      frequency,
      measurements: [hotPath],
      budget: { caseName: 'feature/hot-path', maxTicksPerOp: 750 },
    });
    expect(within.budget).toEqual({
      caseName: 'feature/hot-path',
      maxTicksPerOp: 750,
      ticksPerOpP50: 750,
      withinBudget: true,
    });
    expect(within.verdict).toBe('pass');

    const over = buildDocument({
      suitePath: 'suite.ts',
      frequency,
      measurements: [hotPath],
      budget: { caseName: 'feature/hot-path', maxTicksPerOp: 8 },
    });
    expect(over.budget?.withinBudget).toBe(false);
    expect(over.verdict).toBe('over-budget');
  });

  it('puts a broken guard or a failed case before the budget in the verdict', () => {
    const cheating: CaseMeasurement = {
      ...hotPath,
      guard: { ok: false, runs: 40, problems: ['run returned 0'] },
    };
    const budget = { caseName: 'feature/hot-path', maxTicksPerOp: 8 };
    expect(
      buildDocument({ suitePath: 's', frequency, measurements: [cheating], budget }).verdict,
    ).toBe('guard-failed');

    const crashed: CaseMeasurement = { kind: 'failed', name: 'feature/peer', error: 'setup threw' };
    const document = buildDocument({
      suitePath: 's',
      frequency,
      measurements: [hotPath, crashed],
      budget,
    });
    expect(document.verdict).toBe('case-failed');
    expect(document.failures).toEqual([{ name: 'feature/peer', error: 'setup threw' }]);
  });

  it('warns when a sample is too short to be timed honestly', () => {
    const short = measured('feature/short', 5_000);
    const document = buildDocument({ suitePath: 's', frequency, measurements: [short] });
    expect(document.warnings).toEqual([
      expect.stringContaining('feature/short: a sample takes 5 µs, under 100 µs'),
    ]);
  });

  it('prints the same figures as a table', () => {
    const table = formatBenchTable(
      buildDocument({
        suitePath: 'suite.ts',
        frequency,
        measurements: [hotPath, peer],
        ratios: [{ numerator: 'feature/peer', denominator: 'feature/hot-path' }],
        budget: { caseName: 'feature/hot-path', maxTicksPerOp: 8 },
      }),
    );
    expect(table).toContain('tick: 2.5 GHz (1 tick = 0.400 ns), from --tick-ghz');
    expect(table).toMatch(
      /feature\/hot-path\s+300\.00\s+270\.00\s+450\.00\s+750\.00\s+675\.00\s+1125\.00\s+40\s+ok/,
    );
    expect(table).toContain('feature/peer / feature/hot-path = 3.00×');
    expect(table).toContain(
      'budget: feature/hot-path median 750.00 ticks per op, budget 8: OVER BUDGET',
    );
    expect(table).toContain('verdict: over-budget');
  });
});
