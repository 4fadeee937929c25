import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBench } from '../../src/bench/index.ts';
import { benchOptionsFromArgs } from '../../src/cli/bench.ts';
import { UsageError } from '../../src/cli/usage.ts';

const fixtures = join(import.meta.dirname, 'fixtures');

describe('the bench command line, as typed options', () => {
  it('gives the suite, the budget with its gated cases, the frequency and the output form', () => {
    const options = benchOptionsFromArgs([
      '--suite',
      's.ts',
      '--budget',
      '8',
      '--gate',
      'hot',
      '--gate',
      'mixed',
      '--tick-ghz',
      '2.6',
      '--json',
    ]);
    expect(options).toEqual({
      suitePath: 's.ts',
      json: true,
      budget: { caseNames: ['hot', 'mixed'], maxTicksPerOp: 8 },
      tickGhz: 2.6,
    });
    expect(benchOptionsFromArgs(['--suite', 's.ts'])).toEqual({ suitePath: 's.ts', json: false });
  });

  it("gives the gate's settings and the profiles' folder", () => {
    const options = benchOptionsFromArgs([
      '--suite',
      's.ts',
      '--confidence',
      '0.99',
      '--time-cap',
      '12.5',
      '--min-processes',
      '2',
      '--max-processes',
      '6',
      '--window-ms',
      '50',
      '--profile-dir',
      'reports',
      '--budget',
      '8',
      '--gate',
      'hot',
      '--gated-only',
    ]);
    expect(options).toMatchObject({
      peers: false,
      gate: { confidence: 0.99, timeCapMs: 12_500, minProcesses: 2, maxProcesses: 6, windowMs: 50 },
      profileDir: 'reports',
    });
  });

  it.each([
    ['no suite', [], 'bench needs --suite <file>'],
    [
      'a budget without a gated case',
      ['--suite', 's.ts', '--budget', '8'],
      '--budget needs --gate <case name>',
    ],
    [
      'a gated case without a budget',
      ['--suite', 's.ts', '--gate', 'hot'],
      '--gate needs --budget <ticks>',
    ],
    [
      'a budget that is not a number',
      ['--suite', 's.ts', '--budget', 'eight', '--gate', 'hot'],
      '--budget must be a positive number, got "eight"',
    ],
    [
      'a zero budget',
      ['--suite', 's.ts', '--budget', '0', '--gate', 'hot'],
      '--budget must be a positive number, got "0"',
    ],
    [
      'a frequency that is not a number',
      ['--suite', 's.ts', '--tick-ghz', 'fast'],
      '--tick-ghz must be a positive number, got "fast"',
    ],
    [
      'only the gated cases without a gated case',
      ['--suite', 's.ts', '--gated-only'],
      '--gated-only needs --budget <ticks> --gate <case name>',
    ],
    [
      'a confidence of 1 or more',
      ['--suite', 's.ts', '--confidence', '1'],
      '--confidence must be between 0 and 1, got "1"',
    ],
    [
      'a fractional number of processes',
      ['--suite', 's.ts', '--max-processes', '2.5'],
      '--max-processes must be a whole number, got "2.5"',
    ],
    [
      'a time cap that is not a number',
      ['--suite', 's.ts', '--time-cap', 'soon'],
      '--time-cap must be a positive number, got "soon"',
    ],
    ['an unknown flag', ['--suite', 's.ts', '--warp'], "'--warp'"],
  ])('refuses %s with a usage error saying what is wrong', (_, args, message) => {
    expect(() => benchOptionsFromArgs(args)).toThrow(UsageError);
    expect(() => benchOptionsFromArgs(args)).toThrow(message);
  });
});

describe('runBench refuses before measuring anything', () => {
  it('a gated case the suite lacks, listing its cases', async () => {
    const outcome = await runBench({
      suitePath: 'tiny-suite.ts',
      cwd: fixtures,
      budget: { caseNames: ['tiny/hash', 'tiny/nope'], maxTicksPerOp: 8 },
      tickGhz: 2,
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('UNKNOWN_CASE');
      expect(outcome.error.message).toBe(
        'the gated case "tiny/nope" is not in the suite (its cases: tiny/hash, tiny/hash-twice)',
      );
    }
  });

  it("gate settings that cannot work, saying each one's problem", async () => {
    const outcome = await runBench({
      suitePath: 'tiny-suite.ts',
      cwd: fixtures,
      budget: { caseNames: ['tiny/hash'], maxTicksPerOp: 8 },
      gate: { minProcesses: 1, maxProcesses: 4, confidence: 1.5 },
      tickGhz: 2,
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.error.code).toBe('INVALID_GATE');
      expect(outcome.error.message).toBe(
        "the gate's settings: confidence must be between 0 and 1, got 1.5; minProcesses must be a whole number of at least 2, got 1",
      );
    }
  });

  it('a budget that is not positive', async () => {
    const outcome = await runBench({
      suitePath: 'tiny-suite.ts',
      cwd: fixtures,
      budget: { caseNames: ['tiny/hash'], maxTicksPerOp: -1 },
      tickGhz: 2,
    });
    expect(outcome.ok || outcome.error.code).toBe('INVALID_BUDGET');
  });

  it('a suite that is not a suite', async () => {
    const outcome = await runBench({
      suitePath: 'throws-on-import-suite.ts',
      cwd: fixtures,
      tickGhz: 2,
    });
    expect(outcome.ok || outcome.error.code).toBe('SUITE_LOAD_FAILED');
  });
});
