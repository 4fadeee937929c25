// The adaptive gate with real measuring processes on tiny suites whose cases are deterministic
// enough for their decision to be certain: the tests assert statuses and counts, never times.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runBench, type BenchDocument, type GateOptions } from '../../src/bench/index.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
// The alternating fixture counts its measuring processes in a file named after their parent.
afterAll(() => {
  rmSync(join(tmpdir(), `certify-alternating-${process.pid}`), { force: true });
});
/** One nanosecond is one tick: per-operation ticks read as nanoseconds. */
const tickGhz = 1;
const quick: Partial<GateOptions> = { minProcesses: 2, maxProcesses: 4, windowMs: 10 };

async function gated(
  suite: string,
  caseNames: string[],
  maxTicksPerOp: number,
  gate: Partial<GateOptions> = quick,
): Promise<BenchDocument> {
  const outcome = await runBench({
    suitePath: suite,
    cwd: fixtures,
    tickGhz,
    budget: { caseNames, maxTicksPerOp },
    gate,
    peers: false,
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.document;
}

describe('the adaptive tick gate', () => {
  it('passes a case far under a huge budget after the minimum of processes', async () => {
    const document = await gated('spin-suite.ts', ['spin/100ns'], 1e6);
    expect(document.verdict).toBe('pass');
    expect(document.gate).toMatchObject({
      status: 'pass',
      stoppedBy: 'decided',
      cases: [{ caseName: 'spin/100ns', status: 'pass', processes: 2 }],
    });
    expect(document.results.map((result) => [result.name, result.processes])).toEqual([
      ['spin/100ns', 2],
    ]);
  });

  it('fails a case clearly over a tiny budget, at the first look', async () => {
    const document = await gated('spin-suite.ts', ['spin/300ns'], 1);
    expect(document.verdict).toBe('over-budget');
    expect(document.gate?.cases[0]).toMatchObject({ status: 'fail', processes: 2 });
    expect(document.gate?.cases[0]?.reason).toContain('over the budget of 1');
  });

  it('ends inconclusive at its maximum of processes when the budget sits inside the spread', async () => {
    // Its processes alternate between about 100 and 300 ns per operation; the budget is 200.
    const document = await gated('alternating-suite.ts', ['alternating/spin'], 200);
    expect(document.verdict).toBe('inconclusive');
    expect(document.gate).toMatchObject({
      status: 'inconclusive',
      stoppedBy: 'max-processes',
      cases: [{ status: 'inconclusive', processes: 4 }],
    });
    const [entry] = document.gate?.cases ?? [];
    expect(entry?.interval?.lower).toBeLessThan(200);
    expect(entry?.interval?.upper).toBeGreaterThan(200);
    expect(entry?.reason).toContain('straddles the budget of 200');
    expect(entry?.reason).toContain('no decision after the maximum of 4 processes');
    expect(entry?.noise.betweenProcessSpread).toBeGreaterThan(0.3);
  });

  it('ends inconclusive at a time cap too short for its minimum of processes', async () => {
    const document = await gated('spin-suite.ts', ['spin/100ns'], 1e6, { ...quick, timeCapMs: 1 });
    expect(document.verdict).toBe('inconclusive');
    expect(document.gate).toMatchObject({
      stoppedBy: 'time-cap',
      cases: [{ processes: 1, interval: null }],
    });
    expect(document.gate?.cases[0]?.reason).toContain('no decision within the time cap of 0.001 s');
  });

  it('holds several cases to one budget: fail if any is over, whatever the others', async () => {
    const document = await gated('spin-suite.ts', ['spin/100ns', 'spin/300ns'], 200);
    expect(document.verdict).toBe('over-budget');
    const statuses = document.gate?.cases.map((entry) => [entry.caseName, entry.status]);
    expect(statuses).toContainEqual(['spin/300ns', 'fail']);
    expect(document.gate?.perLookLevel).toBeCloseTo(1 - 0.05 / (3 * 2), 5);
  });

  it('passes several cases only when each is under the budget', async () => {
    const document = await gated('spin-suite.ts', ['spin/100ns', 'spin/300ns'], 1e6);
    expect(document.verdict).toBe('pass');
    expect(document.gate?.cases.map((entry) => entry.status)).toEqual(['pass', 'pass']);
  });

  it('stops at the first process whose work does not match what the case declares', async () => {
    const document = await gated('inflated-ops-suite.ts', ['tiny/inflated'], 1e6);
    expect(document.verdict).toBe('guard-failed');
    expect(document.gate?.stoppedBy).toBe('guard-failed');
    expect(document.results[0]?.processes).toBe(1);
    expect(document.results[0]?.guard.problems[0]).toContain(
      'run performed 1000 operations per call but the case declares opsPerRun 4000',
    );
  });

  it('says what changed for a case still written with `expected`', async () => {
    const document = await gated('old-api-suite.ts', ['tiny/old-api'], 1e6);
    expect(document.verdict).toBe('case-failed');
    expect(document.failures[0]?.error).toContain('setup returned `expected`');
  });

  it('measures the peers after the gate only when asked', async () => {
    const outcome = await runBench({
      suitePath: 'tiny-suite.ts',
      cwd: fixtures,
      tickGhz,
      budget: { caseNames: ['tiny/hash'], maxTicksPerOp: 1e6 },
      gate: quick,
    });
    expect(outcome.ok && outcome.document.results.map((result) => result.name)).toEqual([
      'tiny/hash',
      'tiny/hash-twice',
    ]);
    expect(outcome.ok && outcome.document.ratios.map((ratio) => ratio.name)).toEqual([
      'tiny/hash-twice / tiny/hash',
    ]);
  });
});
