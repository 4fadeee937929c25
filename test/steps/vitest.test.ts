import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Exemption, VitestStepSpec } from '../../src/pipeline/index.ts';
import { runStep, vitestArguments, type Finding, type StepOutcome } from '../../src/steps/index.ts';
import { projectRoot } from '../support/run-certify.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';
import { stepContext } from './step-context.ts';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
});

/** A project with the given files and certify's node_modules, run by the vitest step. */
async function runSuite(
  files: Record<string, string>,
  options: Partial<VitestStepSpec> = {},
  exemptions: readonly Exemption[] = [],
): Promise<StepOutcome> {
  project = createTempProject({ 'package.json': '{ "type": "module" }\n', ...files });
  symlinkSync(join(projectRoot, 'node_modules'), join(project.root, 'node_modules'));
  const spec = {
    id: 'tests',
    kind: 'vitest',
    timeoutSeconds: 60,
    args: ['feature/demo'],
    coverage: 'off',
    ...options,
  } as const;
  return runStep(spec, stepContext(project.root, { exemptions }));
}

function findingsOf(outcome: StepOutcome): readonly Finding[] {
  return outcome.status === 'skipped' ? [] : (outcome.findings ?? []);
}

/** Each finding as `rule file:line`, and whether an exemption covers it. */
const summary = (outcome: StepOutcome) =>
  findingsOf(outcome).map(
    (f) =>
      `${f.rule} ${f.file ?? ''}:${String(f.line)}${f.exemption === undefined ? '' : ' exempted'}`,
  );

/**
 * A test file that passes only if the other file's test is running at the same time: each marks
 * that it started, then waits (up to 20 s) for the other's mark. Run one file at a time, the first
 * one waits in vain and fails.
 */
function meetingTest(self: string, other: string): string {
  return `${header}import { existsSync, writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
test('meets the other file', async () => {
  writeFileSync('${self}.started', '');
  for (let waited = 0; waited < 20_000 && !existsSync('${other}.started'); waited += 50) await sleep(50);
  expect(existsSync('${other}.started')).toBe(true);
}, 30_000);
`;
}

const header = "import { describe, expect, it, test } from 'vitest';\n";
const lines = (...text: string[]) => `${header}${text.join('\n')}\n`;
const demoSource = {
  'feature/demo/src/double.ts': 'export const double = (x: number): number => x * 2;\n',
};
const realTest =
  "import { double } from '../src/double.ts';\ntest('doubles', () => { expect(double(2)).toBe(4); });";

describe('the vitest step', () => {
  it('passes with the counts of passed tests', async () => {
    const outcome = await runSuite({
      ...demoSource,
      'feature/demo/test/a.test.ts': lines(realTest),
      'feature/demo/test/b.test.ts': `${header}test('concatenates', () => { expect(['a', 'b'].join('')).toBe('ab'); });\n`,
      // Outside the pipeline's filter: must not run.
      'other/c.test.ts': `${header}test('elsewhere', () => { expect(1).toBe(2); });\n`,
    });
    expect(outcome).toMatchObject({
      status: 'pass',
      reason: '2 passed, 0 failed, 0 skipped; coverage not measured (off in the pipeline file)',
      details: { kind: 'tests', counts: { passed: 2, failed: 0, skipped: 0, total: 2 } },
    });
  });

  it('fails, naming each failed test and a file that cannot load', async () => {
    const outcome = await runSuite({
      ...demoSource,
      'feature/demo/test/a.test.ts': lines(
        realTest,
        "test('adds', () => { expect(1 + 1).toBe(3); });",
      ),
      'feature/demo/test/broken.test.ts': `${header}import './missing-module.ts';\ntest('never', () => {});\n`,
    });
    expect(outcome.status).toBe('fail');
    if (outcome.status !== 'fail') return;
    expect(outcome.details).toEqual({
      kind: 'tests',
      counts: { passed: 1, failed: 1, skipped: 0, total: 2 },
    });
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        rule: 'test-failed',
        file: 'feature/demo/test/a.test.ts',
        line: 4,
        message: 'adds: AssertionError: expected 2 to be 3 // Object.is equality',
      }),
      expect.objectContaining({
        rule: 'test-file-failed',
        file: 'feature/demo/test/broken.test.ts',
        message: expect.stringContaining('missing-module.ts') as string,
      }),
    ]);
  });

  it("reports a timed-out test with vitest's own message and the test's full name", async () => {
    const outcome = await runSuite({
      ...demoSource,
      'feature/demo/test/slow.test.ts': lines(
        realTest,
        "describe('a flush', () => {",
        "  it('waits for an answer that never comes', { timeout: 300 }, async () => {",
        '    await new Promise(() => undefined);',
        '    expect(true).toBe(true);',
        '  });',
        '});',
      ),
    });
    expect(outcome.status).toBe('fail');
    expect(findingsOf(outcome)).toEqual([
      {
        rule: 'test-failed',
        file: 'feature/demo/test/slow.test.ts',
        line: 5,
        column: 3,
        message: 'a flush > waits for an answer that never comes: Test timed out in 300ms.',
      },
    ]);
    expect(outcome.reason).toContain('refused: 1 failed');
  });

  it('refuses every kind of skipped test: skip, describe.skip, todo, skipIf and ctx.skip()', async () => {
    const outcome = await runSuite({
      ...demoSource,
      'feature/demo/test/a.test.ts': lines(
        realTest,
        "it.skip('later', () => { expect(1).toBe(2); });",
        "describe.skip('a suite', () => { it('inside', () => { expect(1).toBe(2); }); });",
        "test.todo('some day');",
        "it.skipIf(true)('on some machines', () => { expect(1).toBe(2); });",
        "it('when a service is down', (ctx) => { ctx.skip('no database'); expect(1).toBe(2); });",
      ),
    });
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual([
      'skipped-test feature/demo/test/a.test.ts:4',
      'skipped-test feature/demo/test/a.test.ts:5',
      'skipped-test feature/demo/test/a.test.ts:6',
      'skipped-test feature/demo/test/a.test.ts:7',
      'skipped-test feature/demo/test/a.test.ts:8',
    ]);
    expect(findingsOf(outcome).map((f) => f.message)).toEqual([
      'later is skipped (skip, skipIf or a skipped suite)',
      'a suite > inside is skipped (skip, skipIf or a skipped suite)',
      'some day is a todo',
      'on some machines is skipped (skip, skipIf or a skipped suite)',
      'when a service is down skipped itself at run time (no database)',
    ]);
    expect(outcome.reason).toMatch(
      /^1 passed, 0 failed, 5 skipped; .*refused: 5 skipped or todo test$/,
    );
  });

  it('refuses a .only left in, without counting the tests it silenced as skipped', async () => {
    const outcome = await runSuite({
      ...demoSource,
      'feature/demo/test/a.test.ts': lines(
        realTest,
        "it.only('the one I was debugging', () => { expect(1).toBe(1); });",
      ),
    });
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual(['focused-test feature/demo/test/a.test.ts:4']);
  });

  it('refuses tests that assert nothing: an empty body, a body of comments', async () => {
    const outcome = await runSuite({
      ...demoSource,
      'feature/demo/test/a.test.ts': lines(
        realTest,
        "it('stores the event', () => {});",
        "it('refuses a bad id', () => {",
        '  // expect(log.logEvent(bad).ok).toBe(false);',
        '});',
      ),
    });
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual([
      'no-assertion feature/demo/test/a.test.ts:4',
      'no-assertion feature/demo/test/a.test.ts:5',
    ]);
    expect(findingsOf(outcome)[0]?.message).toBe(
      'stores the event: the test asserts nothing (vitest: expected any number of assertion, but got none)',
    );
  });

  it('refuses tests whose every assertion is on constants, however the helpers are arranged', async () => {
    const outcome = await runSuite({
      ...demoSource,
      'feature/demo/test/support/check.ts':
        "import { expect } from 'vitest';\nexport function checkDoubled(x: number) { expect(x).toBe(4); }\nexport function checkNothing() { expect('ok').toBe('ok'); }\n",
      'feature/demo/test/a.test.ts': lines(
        "import { double } from '../src/double.ts';",
        "import { checkDoubled, checkNothing } from './support/check.ts';",
        'const EXPECTED = 2 * 2;',
        "it('is true', () => { expect(true).toBe(true); });",
        "it('adds constants', () => { double(2); expect(1 + 1).toBe(2); expect(EXPECTED).toEqual(4); });",
        "it('calls a helper that checks nothing', () => { checkNothing(); });",
        "it('checks through a helper', () => { checkDoubled(double(2)); });",
        "it('compares to the feature', () => { expect(4).toBe(double(2)); });",
      ),
    });
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual([
      'trivial-assertion feature/demo/test/a.test.ts:5',
      'trivial-assertion feature/demo/test/a.test.ts:6',
      'trivial-assertion feature/demo/test/a.test.ts:7',
    ]);
    expect(findingsOf(outcome)[0]?.message).toContain('"is true": every assertion is on constants');
  });

  it('runs test files in as many workers as it is given', async () => {
    const outcome = await runSuite(
      {
        'feature/demo/test/a.test.ts': meetingTest('a', 'b'),
        'feature/demo/test/b.test.ts': meetingTest('b', 'a'),
      },
      { maxWorkers: 2 },
    );
    expect(outcome).toMatchObject({
      status: 'pass',
      reason: expect.stringMatching(/^2 passed, 0 failed, 0 skipped;/) as string,
    });
  });

  it('fails when no test ran at all', async () => {
    const outcome = await runSuite({ 'feature/demo/src/index.ts': 'export const x = 1;\n' });
    expect(outcome.status).toBe('fail');
    expect(outcome.reason).toMatch(/no test ran|no test results/);
  });
});

describe('the vitest step: coverage of the feature source', () => {
  const sources = {
    'feature/demo/src/sign.ts': [
      'export function sign(x: number): string {',
      "  if (x < 0) return 'negative';",
      "  return x === 0 ? 'zero' : 'positive';",
      '}',
      '',
    ].join('\n'),
    'feature/demo/src/untested.ts': [
      'export function shout(text: string): string {',
      '  const loud = text.toUpperCase();',
      '  return `${loud}!`;',
      '}',
      '',
    ].join('\n'),
    'feature/demo/src/types.ts': 'export interface Point { x: number }\n',
    'feature/demo/test/sign.test.ts': lines(
      "import { sign } from '../src/sign.ts';",
      "it('is positive above zero', () => { expect(sign(2)).toBe('positive'); });",
    ),
  };

  it('reports line and branch coverage, and refuses the total and each file under the floor', async () => {
    const outcome = await runSuite(sources, { coverage: { lines: 90, branches: 80 } });
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual([
      'coverage-lines :undefined',
      'coverage-branches :undefined',
      'coverage-branches feature/demo/src/sign.ts:undefined',
      'coverage-lines feature/demo/src/untested.ts:undefined',
    ]);
    expect(findingsOf(outcome)[3]?.message).toBe(
      'feature/demo/src/untested.ts: 0.0% of lines covered (0 of 2), under the floor of 90%',
    );
    expect(outcome.status !== 'skipped' && outcome.details).toEqual({
      kind: 'tests',
      counts: { passed: 1, failed: 0, skipped: 0, total: 1 },
      coverage: expect.objectContaining({
        linesPercent: 50,
        branchesPercent: 50,
        lines: { covered: 2, total: 4 },
        branches: { covered: 2, total: 4 },
        files: 3,
        floors: { lines: 90, branches: 80, perFile: true },
      }) as unknown,
    });
    expect(outcome.reason).toMatch(
      /coverage 50\.0% of lines, 50\.0% of branches \(floor 90% of lines, 80% of branches, in total and per file\); refused: 2 line coverage under its floor, 2 branch coverage under its floor$/,
    );
  });

  it('passes at or above its floors, a per-file shortfall left to the total when perFile is off', async () => {
    const covered = {
      ...sources,
      'feature/demo/test/sign.test.ts': lines(
        "import { sign } from '../src/sign.ts';",
        "import { shout } from '../src/untested.ts';",
        "it('tells the three signs apart', () => { expect([-1, 0, 1].map(sign)).toEqual(['negative', 'zero', 'positive']); });",
        "it('shouts', () => { expect(shout('a')).toBe('A!'); });",
      ),
    };
    const outcome = await runSuite(covered, { coverage: {} });
    expect(outcome).toMatchObject({
      status: 'pass',
      reason:
        '2 passed, 0 failed, 0 skipped; coverage 100.0% of lines, 100.0% of branches (floor 90% of lines, in total and per file)',
    });
    const perTotal = await runSuite(sources, { coverage: { lines: 50, perFile: false } });
    expect(perTotal.status).toBe('pass');
  });

  it('fails, saying what to install, when the project cannot load the coverage provider', async () => {
    project = createTempProject({ 'package.json': '{ "type": "module" }\n', ...sources });
    const outcome = await runStep(
      { id: 'tests', kind: 'vitest', timeoutSeconds: 60 },
      stepContext(project.root),
    );
    expect(outcome).toMatchObject({
      status: 'fail',
      reason: expect.stringContaining('the project has no @vitest/coverage-v8') as string,
    });
  });
});

describe('the vitest step: written exemptions', () => {
  const exemption = (fields: Partial<Exemption> = {}): Exemption => ({
    check: 'skipped-test',
    file: 'feature/demo/test/*.test.ts',
    match: 'needs the reference schemas',
    reason: 'the reference schemas are not in every checkout',
    owner: 'demo team',
    expires: '2099-12-31',
    source: { file: 'pipeline/exemptions.yaml', line: 3 },
    ...fields,
  });
  const files = {
    ...demoSource,
    'feature/demo/test/a.test.ts': lines(
      realTest,
      "it.skip('needs the reference schemas', () => { expect(1).toBe(2); });",
    ),
  };

  it('reports an exempted finding as exempted, with its reason, owner and expiry, and passes', async () => {
    const outcome = await runSuite(files, {}, [exemption()]);
    expect(outcome.status).toBe('pass');
    expect(findingsOf(outcome)).toEqual([
      expect.objectContaining({
        rule: 'skipped-test',
        exemption: {
          reason: 'the reference schemas are not in every checkout',
          owner: 'demo team',
          expires: '2099-12-31',
          source: 'pipeline/exemptions.yaml:3',
        },
      }),
    ]);
    expect(outcome.reason).toMatch(/^1 passed, 0 failed, 1 skipped \(1 exempted\);/);
  });

  it('exempts nothing whose file, check or text does not match', async () => {
    for (const other of [
      exemption({ file: 'feature/other/**' }),
      exemption({ check: 'trivial-assertion' }),
      exemption({ match: 'another test' }),
    ]) {
      const outcome = await runSuite(files, {}, [other]);
      expect(outcome.status).toBe('fail');
      expect(summary(outcome)).toEqual(['skipped-test feature/demo/test/a.test.ts:4']);
    }
  });

  it('fails on an expired exemption, which covers nothing any more', async () => {
    const outcome = await runSuite(files, {}, [exemption({ expires: '2020-01-31' })]);
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual([
      'skipped-test feature/demo/test/a.test.ts:4',
      'exemption-expired pipeline/exemptions.yaml:3',
    ]);
    expect(findingsOf(outcome)[1]?.message).toContain('expired on 2020-01-31 (owner: demo team)');
  });
});

describe("the vitest step's arguments", () => {
  const spec = { id: 'tests', kind: 'vitest', timeoutSeconds: 60 } as const;
  const certifyOwn = [
    '--includeTaskLocation',
    '--allowOnly=false',
    '--expect.requireAssertions=true',
  ];

  it('gives certify reporter, refuses .only, requires assertions, and leaves workers to Vitest', () => {
    const argv = vitestArguments(spec, { cores: 2 });
    expect(argv[0]).toBe('run');
    expect(argv[1]).toMatch(/^--reporter=.*src\/steps\/vitest\/reporter\.ts$/);
    expect(argv.slice(2)).toEqual(certifyOwn);
  });

  it('measures coverage of the given files only when asked to', () => {
    const argv = vitestArguments(spec, {
      cores: 2,
      coverage: { include: 'feature/demo/src/**', directory: '/tmp/c' },
    });
    expect(argv.filter((arg) => arg.startsWith('--coverage'))).toEqual([
      '--coverage.enabled=true',
      '--coverage.provider=v8',
      '--coverage.include=feature/demo/src/**',
      '--coverage.reporter=json-summary',
      '--coverage.reportsDirectory=/tmp/c',
      '--coverage.reportOnFailure=true',
    ]);
  });

  it('gives vitest one worker per core with maxWorkers: cores', () => {
    const argv = vitestArguments({ ...spec, maxWorkers: 'cores' }, { cores: 2 });
    expect(argv.filter((arg) => arg.startsWith('--maxWorkers'))).toEqual(['--maxWorkers=2']);
  });

  it("uses the step's own maxWorkers, and lets a --maxWorkers in its args decide", () => {
    const told = vitestArguments({ ...spec, maxWorkers: 1 }, { cores: 8 });
    expect(told.filter((arg) => arg.startsWith('--maxWorkers'))).toEqual(['--maxWorkers=1']);
    for (const flag of ['--maxWorkers=3', '--maxWorkers', '--max-workers=3']) {
      const argv = vitestArguments({ ...spec, maxWorkers: 'cores', args: [flag] }, { cores: 8 });
      expect(argv.filter((arg) => /^--max-?[wW]orkers/.test(arg))).toEqual([flag]);
    }
  });
});
