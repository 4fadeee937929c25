import { describe, expect, it } from 'vitest';
import type { BenchDocument } from '../../src/bench/index.ts';
import { runCertify } from '../support/run-certify.ts';

const tinySuite = 'test/bench/fixtures/tiny-suite.ts';
const oneCaseSuite = 'test/bench/fixtures/one-case-suite.ts';
const skippedWorkSuite = 'test/bench/fixtures/skipped-work-suite.ts';
const forcedGcSuite = 'test/bench/fixtures/forced-gc-suite.ts';

const parse = (stdout: string): BenchDocument => JSON.parse(stdout) as BenchDocument;

describe('certify bench, run as a user would', () => {
  it('prints the JSON document and exits 0 within budget', async () => {
    const run = await runCertify([
      'bench',
      '--suite',
      tinySuite,
      '--json',
      '--tick-ghz',
      '4',
      '--budget',
      '100000',
      '--gate',
      'tiny/hash',
      '--min-processes',
      '2',
      '--window-ms',
      '5',
    ]);
    expect(run.exitCode).toBe(0);
    const document = parse(run.stdout);
    expect(document).toMatchObject({
      suite: tinySuite,
      tickGhz: 4,
      tickSource: '--tick-ghz',
      verdict: 'pass',
      failures: [],
    });
    expect(document.results.map((result) => result.name)).toEqual(['tiny/hash', 'tiny/hash-twice']);
    for (const result of document.results) {
      expect(result.samples).toBeGreaterThanOrEqual(5);
      expect(result.guard.ok).toBe(true);
      expect(result.ticksPerOp.p50).toBeCloseTo(result.nsPerOp.p50 * 4, 2);
      expect(result.nsPerOp.min).toBeLessThanOrEqual(result.nsPerOp.p50);
      expect(result.nsPerOp.p50).toBeLessThanOrEqual(result.nsPerOp.p99);
    }
    expect(document.ratios).toEqual([
      expect.objectContaining({ name: 'tiny/hash-twice / tiny/hash', limit: 100 }),
    ]);
    expect(document.gate).toMatchObject({
      maxTicksPerOp: 100000,
      status: 'pass',
      confidence: 0.95,
      cases: [{ caseName: 'tiny/hash', status: 'pass', processes: 2 }],
    });
    expect(document.gate?.cases[0]?.interval?.upper).toBeLessThan(100000);
  });

  it('exits 1 with a table giving the interval and the decision when over budget', async () => {
    const run = await runCertify([
      'bench',
      '--suite',
      oneCaseSuite,
      '--budget',
      '0.001',
      '--gate',
      'one/sum',
      '--min-processes',
      '2',
      '--window-ms',
      '5',
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^one\/sum\s+\d/m);
    expect(run.stdout).toContain('gate: budget 0.001 ticks per op, FAIL (over budget)');
    expect(run.stdout).toMatch(
      / {4}\d+(\.\d+)?% interval \[[\d.]+, [\d.]+\] ticks per op around [\d.]+; \d+ processes, \d+ samples/,
    );
    expect(run.stdout).toContain('  rule: Each measuring process');
    expect(run.stdout).toContain('verdict: over-budget');
  });

  it('exits 1 when the gate cannot decide, saying inconclusive', async () => {
    const run = await runCertify([
      'bench',
      '--suite',
      oneCaseSuite,
      '--budget',
      '100000',
      '--gate',
      'one/sum',
      '--time-cap',
      '0.001',
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('gate: budget 100000 ticks per op, INCONCLUSIVE');
    expect(run.stdout).toContain('no decision within the time cap of 0.001 s');
    expect(run.stdout).toContain('verdict: inconclusive');
  });

  it('exits 1 when a case skipped its work, whatever the budget', async () => {
    const run = await runCertify([
      'bench',
      '--suite',
      skippedWorkSuite,
      '--json',
      '--budget',
      '100000',
      '--gate',
      'tiny/skips-its-work',
    ]);
    expect(run.exitCode).toBe(1);
    const document = parse(run.stdout);
    expect(document.verdict).toBe('guard-failed');
    expect(document.results[0]?.guard.problems[0]).toContain(
      'run performed 0 operations per call but the case declares opsPerRun 1000',
    );
  });

  it('forces a full collection once per case, before its warm-up, never between samples', async () => {
    const run = await runCertify(['bench', '--suite', forcedGcSuite, '--json']);
    const document = parse(run.stdout);
    expect(document.results[0]?.guard).toMatchObject({ ok: true, problems: [] });
    expect(run.exitCode).toBe(0);
  });

  it('exits 2 without a suite, saying what is needed', async () => {
    const run = await runCertify(['bench']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('bench needs --suite <file>');
  });

  it('exits 2 for a missing suite file, naming it', async () => {
    const run = await runCertify(['bench', '--suite', 'no/such/suite.ts']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(/suite file not found: .*no\/such\/suite\.ts/);
  });

  it('exits 2 for a malformed CERTIFY_TICK_GHZ', async () => {
    const run = await runCertify(['bench', '--suite', tinySuite], {
      env: { CERTIFY_TICK_GHZ: 'fast' },
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('CERTIFY_TICK_GHZ must be a positive number of GHz, got "fast"');
  });
});
