import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  defaultGateSettings,
  formatBenchTable,
  gateResultOf,
  perLookLevel,
  type PooledMeasurement,
} from '../../src/bench/index.ts';
import { outcomeOf, processesOf } from './synthetic.ts';

const frequency = { ghz: 2.5, source: '--tick-ghz' };
const goodGuard = { ok: true, runs: 40, problems: [] };

/** A measured case: `perRunP50` ns per call of `ops` operations, 100 ns of empty loop per call. */
function measured(
  name: string,
  perRunP50: number,
  ops = 1000,
): Extract<PooledMeasurement, { kind: 'measured' }> {
  return {
    kind: 'measured',
    name,
    opsPerRun: ops,
    processes: 3,
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
        processes: 3,
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

  it('takes its verdict from the gate: pass, over-budget or inconclusive', () => {
    const settings = defaultGateSettings;
    const level = perLookLevel(settings, 1);
    const gateOver = (medians: number[], budget: number) =>
      gateResultOf(
        outcomeOf('feature/hot-path', processesOf(medians), budget, settings, level),
        settings,
        budget,
      );
    const verdict = (budget: number, medians: number[]) =>
      buildDocument({
        suitePath: 'suite.ts',
        frequency,
        measurements: [hotPath],
        gate: gateOver(medians, budget),
      }).verdict;
    expect(verdict(8, [5.0, 5.1, 4.9])).toBe('pass');
    expect(verdict(8, [12.0, 12.2, 11.9])).toBe('over-budget');
    expect(verdict(8, [6, 10, 7, 11])).toBe('inconclusive');
    const gate = gateOver([5.0, 5.1, 4.9], 8);
    expect(gate).toMatchObject({
      maxTicksPerOp: 8,
      status: 'pass',
      confidence: 0.95,
      perLookLevel: 0.99375,
      minProcesses: 3,
      maxProcesses: 10,
      cases: [{ caseName: 'feature/hot-path', status: 'pass', processes: 3, samples: 1500 }],
    });
    expect(gate.cases[0]?.interval?.lower).toBeLessThan(5);
    expect(gate.cases[0]?.interval?.upper).toBeGreaterThan(5);
    expect(gate.rule).toContain(
      'Yuen t interval at 99.375% (95% for the verdict, split over 8 looks)',
    );
  });

  it('puts a broken guard or a failed case before the budget in the verdict', () => {
    const cheating: PooledMeasurement = {
      ...hotPath,
      guard: { ok: false, runs: 40, problems: ['run returned 0'] },
    };
    const settings = defaultGateSettings;
    const level = perLookLevel(settings, 1);
    const outcome = outcomeOf('feature/hot-path', processesOf([20, 21, 22]), 8, settings, level);
    const gate = gateResultOf(outcome, settings, 8);
    expect(
      buildDocument({ suitePath: 's', frequency, measurements: [cheating], gate }).verdict,
    ).toBe('guard-failed');

    const crashed: PooledMeasurement = {
      kind: 'failed',
      name: 'feature/peer',
      error: 'setup threw',
    };
    const document = buildDocument({
      suitePath: 's',
      frequency,
      measurements: [hotPath, crashed],
      gate,
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

  it('prints the same figures as a table, with the gate: interval, processes, noise, rule', () => {
    const settings = defaultGateSettings;
    const level = perLookLevel(settings, 1);
    const outcome = outcomeOf('feature/hot-path', processesOf([750, 752, 748]), 8, settings, level);
    const table = formatBenchTable(
      buildDocument({
        suitePath: 'suite.ts',
        frequency,
        measurements: [hotPath, peer],
        ratios: [{ numerator: 'feature/peer', denominator: 'feature/hot-path' }],
        gate: gateResultOf(outcome, settings, 8),
      }),
    );
    expect(table).toContain('tick: 2.5 GHz (1 tick = 0.400 ns), from --tick-ghz');
    expect(table).toMatch(
      /feature\/hot-path\s+300\.00\s+270\.00\s+450\.00\s+750\.00\s+675\.00\s+1125\.00\s+40\s+3\s+ok/,
    );
    expect(table).toContain('feature/peer / feature/hot-path = 3.00×');
    expect(table).toContain(
      'gate: budget 8 ticks per op, FAIL (over budget) (4.2 s, stopped: decided)',
    );
    expect(table).toMatch(
      / {2}feature\/hot-path: FAIL \(over budget\)\n {4}99\.375% interval \[7\d\d\.\d\d, 7\d\d\.\d\d\] ticks per op around 750\.00; 3 processes, 1500 samples/,
    );
    expect(table).toContain('process medians: 750.00, 752.00, 748.00');
    expect(table).toContain(
      'noise: within-process spread 5.0%, between processes 0.3%, steal 0.0%, other processes 0.05 cores, descheduled 0.0%, load 0.30',
    );
    expect(table).toContain('  rule: Each measuring process');
    expect(table).toContain('verdict: over-budget');
  });
});
