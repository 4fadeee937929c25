import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSuite, validateSuite } from '../../src/bench/index.ts';

const fixtures = join(import.meta.dirname, 'fixtures');
const setup = () => ({ run: () => 10 });
const okCase = { name: 'a', opsPerRun: 10, setup };

function problemWith(exported: unknown): string {
  const checked = validateSuite(exported, 'suite.ts');
  if (checked.ok) throw new Error('expected the suite to be refused');
  expect(checked.error.code).toBe('SUITE_INVALID');
  return checked.error.message;
}

describe('checking a suite module', () => {
  it('accepts cases, ratios between them and timing', () => {
    const suite = {
      cases: [okCase, { ...okCase, name: 'b' }],
      ratios: [{ numerator: 'b', denominator: 'a', limit: 1.25 }],
      timing: { minSamples: 30 },
    };
    expect(validateSuite(suite, 'suite.ts')).toEqual({ ok: true, value: suite });
  });

  it.each([
    ['a default export that is not an object', 42, 'default export must be a suite object, got 42'],
    ['no cases', { cases: [] }, 'cases must be a non-empty array'],
    ['a case that is not an object', { cases: ['a'] }, 'cases[0] must be an object, got "a"'],
    [
      'a case without a name',
      { cases: [{ ...okCase, name: ' ' }] },
      'cases[0].name must be a non-empty string',
    ],
    [
      'a fractional opsPerRun',
      { cases: [{ ...okCase, opsPerRun: 1.5 }] },
      'cases[0].opsPerRun must be a positive integer, got 1.5',
    ],
    [
      'a setup that is not a function',
      { cases: [{ ...okCase, setup: {} }] },
      'cases[0].setup must be a function, got an object',
    ],
    ['two cases with one name', { cases: [okCase, okCase] }, 'case name "a" is used twice'],
    [
      'a ratio naming an unknown case',
      { cases: [okCase], ratios: [{ numerator: 'a', denominator: 'zz' }] },
      `ratios[0].denominator must be one of the suite's case names, got "zz"`,
    ],
    [
      'a ratio with a negative limit',
      { cases: [okCase], ratios: [{ numerator: 'a', denominator: 'a', limit: -1 }] },
      'ratios[0].limit must be a positive number, got -1',
    ],
    [
      'a zero sample count',
      { cases: [okCase], timing: { minSamples: 0 } },
      'timing.minSamples must be a positive integer, got 0',
    ],
  ])('refuses %s, saying where', (_, exported, expected) => {
    const message = problemWith(exported);
    expect(message).toContain('suite.ts');
    expect(message).toContain(expected);
  });

  it('loads a suite file and gives its absolute path', async () => {
    const loaded = await loadSuite('tiny-suite.ts', fixtures);
    expect(loaded.ok && loaded.value.path).toBe(join(fixtures, 'tiny-suite.ts'));
    expect(loaded.ok && loaded.value.suite.cases.map((entry) => entry.name)).toEqual([
      'tiny/hash',
      'tiny/hash-twice',
    ]);
  });

  it('says a missing suite file is missing', async () => {
    const loaded = await loadSuite('no-such-suite.ts', fixtures);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.error.code).toBe('SUITE_NOT_FOUND');
      expect(loaded.error.message).toContain(join(fixtures, 'no-such-suite.ts'));
    }
  });

  it('reports a suite that throws while loading, with its error', async () => {
    const loaded = await loadSuite('throws-on-import-suite.ts', fixtures);
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) {
      expect(loaded.error.code).toBe('SUITE_LOAD_FAILED');
      expect(loaded.error.message).toContain('this suite is broken on purpose');
    }
  });
});
