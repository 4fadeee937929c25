// A gated case that does not pass is profiled in one extra measuring process: its .cpuprofile and
// flame graph are written, and its hottest functions named with their TypeScript file and line.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCpuProfile, profileFileBase, runBench } from '../../src/bench/index.ts';
import { tickProfileFile } from '../../src/report/index.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const folder = mkdtempSync(join(tmpdir(), 'certify-profile-'));
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** The line of `text` in the fixture, 1-based. */
function lineOf(file: string, text: string): number {
  return (
    readFileSync(join(fixtures, file), 'utf8')
      .split('\n')
      .findIndex((line) => line.includes(text)) + 1
  );
}

describe('the profile of a gated case over budget', () => {
  it('is written beside the report, with its flame graph and hottest functions', async () => {
    const outcome = await runBench({
      suitePath: 'profiled-suite.ts',
      cwd: fixtures,
      tickGhz: 1,
      budget: { caseNames: ['profiled/hot-and-cold'], maxTicksPerOp: 1e-6 },
      gate: { minProcesses: 2, maxProcesses: 3, windowMs: 10 },
      peers: false,
      profileDir: folder,
    });
    if (!outcome.ok) throw outcome.error;
    const { document } = outcome;
    expect(document.verdict).toBe('over-budget');
    const base = profileFileBase('profiled/hot-and-cold');
    expect(base).toBe('tick-profile-profiled-hot-and-cold');
    const [profile] = document.profiles;
    expect(profile).toMatchObject({
      caseName: 'profiled/hot-and-cold',
      cpuprofile: join(folder, `${base}.cpuprofile`),
      flameGraph: join(folder, `${base}.svg`),
    });
    expect(
      parseCpuProfile(readFileSync(join(folder, `${base}.cpuprofile`), 'utf8')).samples.length,
    ).toBeGreaterThan(100);
    const svg = readFileSync(join(folder, `${base}.svg`), 'utf8');
    expect(svg).toContain('<title>hotLoop (');
    expect(profile?.hottest[0]).toMatchObject({
      functionName: 'hotLoop',
      file: join(fixtures, 'profiled-suite.ts'),
      line: lineOf('profiled-suite.ts', 'function hotLoop'),
    });
    expect(profile?.hottest.map((hot) => hot.functionName)).toContain('coldLoop');
    // The untimed work before each call is in the flame graph, not among the timed hot spots.
    expect(svg).toContain('<title>untimedChurn (');
    expect(profile?.hottest.map((hot) => hot.functionName)).not.toContain('untimedChurn');
    expect(svg).toMatch(/\d+% of it in the timed calls/);
    // The profiled process does not count: the case keeps the processes the gate measured.
    expect(document.results[0]?.processes).toBe(document.gate?.cases[0]?.processes);
    expect(document.gate?.cases[0]?.processMedians).toHaveLength(
      document.results[0]?.processes ?? -1,
    );
    // The report removes these files with the rest of a previous run's.
    expect([`${base}.cpuprofile`, `${base}.svg`].every((name) => tickProfileFile.test(name))).toBe(
      true,
    );
  });

  it('is not taken for a case that passed, nor without a folder to write to', async () => {
    const outcome = await runBench({
      suitePath: 'profiled-suite.ts',
      cwd: fixtures,
      tickGhz: 1,
      budget: { caseNames: ['profiled/hot-and-cold'], maxTicksPerOp: 1e9 },
      gate: { minProcesses: 2, maxProcesses: 3, windowMs: 10 },
      peers: false,
      profileDir: join(folder, 'passing'),
    });
    expect(outcome.ok && outcome.document.profiles).toEqual([]);
    expect(existsSync(join(folder, 'passing'))).toBe(false);
  });
});
