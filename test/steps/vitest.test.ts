import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { VitestStepSpec } from '../../src/pipeline/index.ts';
import { runStep, vitestArguments, type StepOutcome } from '../../src/steps/index.ts';
import { projectRoot } from '../support/run-certify.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';
import { stepContext } from './step-context.ts';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
});

/** A project with the given test files and certify's node_modules, run by the vitest step. */
async function runSuite(
  files: Record<string, string>,
  options: Partial<VitestStepSpec> = {},
): Promise<StepOutcome> {
  project = createTempProject({ 'package.json': '{ "type": "module" }\n', ...files });
  symlinkSync(join(projectRoot, 'node_modules'), join(project.root, 'node_modules'));
  const spec = {
    id: 'tests',
    kind: 'vitest',
    timeoutSeconds: 60,
    args: ['feature/demo'],
    ...options,
  } as const;
  return runStep(spec, stepContext(project.root));
}

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

const header = "import { expect, test } from 'vitest';\n";

describe('the vitest step', () => {
  it('passes with the counts of passed and skipped tests', async () => {
    const outcome = await runSuite({
      'feature/demo/test/a.test.ts': `${header}test('adds', () => { expect(1 + 1).toBe(2); });\ntest.skip('later', () => {});\n`,
      'feature/demo/test/b.test.ts': `${header}test('concatenates', () => { expect('a' + 'b').toBe('ab'); });\n`,
      // Outside the pipeline's filter: must not run.
      'other/c.test.ts': `${header}test('elsewhere', () => { expect(1).toBe(2); });\n`,
    });
    expect(outcome).toMatchObject({
      status: 'pass',
      reason: '2 passed, 0 failed, 1 skipped',
      details: { kind: 'tests', counts: { passed: 2, failed: 0, skipped: 1, total: 3 } },
    });
  });

  it('fails, naming each failed test and a file that cannot load', async () => {
    const outcome = await runSuite({
      'feature/demo/test/a.test.ts': `${header}test('adds', () => { expect(1 + 1).toBe(3); });\ntest('holds', () => { expect(true).toBe(true); });\n`,
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
        line: 2,
        message: expect.stringContaining('adds: AssertionError: expected 2 to be 3') as string,
      }),
      expect.objectContaining({
        rule: 'test-file-failed',
        file: 'feature/demo/test/broken.test.ts',
      }),
    ]);
  });

  it('runs test files in as many workers as it is given', async () => {
    const outcome = await runSuite(
      {
        'feature/demo/test/a.test.ts': meetingTest('a', 'b'),
        'feature/demo/test/b.test.ts': meetingTest('b', 'a'),
      },
      { maxWorkers: 2 },
    );
    expect(outcome).toMatchObject({ status: 'pass', reason: '2 passed, 0 failed, 0 skipped' });
  });

  it('fails when no test ran at all', async () => {
    const outcome = await runSuite({ 'feature/demo/src/index.ts': 'export const x = 1;\n' });
    expect(outcome.status).toBe('fail');
    expect(outcome.reason).toMatch(/no test ran|no test report/);
  });
});

describe("the vitest step's arguments", () => {
  const spec = { id: 'tests', kind: 'vitest', timeoutSeconds: 60 } as const;

  it('leaves the number of workers to Vitest and the project unless the step sets it', () => {
    expect(vitestArguments(spec, { reportFile: 'r.json', cores: 2 })).toEqual([
      'run',
      '--reporter=json',
      '--includeTaskLocation',
      '--outputFile=r.json',
    ]);
  });

  it('gives vitest one worker per core with maxWorkers: cores', () => {
    const argv = vitestArguments({ ...spec, maxWorkers: 'cores' }, { reportFile: 'r', cores: 2 });
    expect(argv.filter((arg) => arg.startsWith('--maxWorkers'))).toEqual(['--maxWorkers=2']);
  });

  it("uses the step's own maxWorkers, and lets a --maxWorkers in its args decide", () => {
    const told = vitestArguments({ ...spec, maxWorkers: 1 }, { reportFile: 'r.json', cores: 8 });
    expect(told.filter((arg) => arg.startsWith('--maxWorkers'))).toEqual(['--maxWorkers=1']);
    for (const flag of ['--maxWorkers=3', '--maxWorkers', '--max-workers=3']) {
      const argv = vitestArguments(
        { ...spec, maxWorkers: 'cores', args: [flag] },
        { reportFile: 'r.json', cores: 8 },
      );
      expect(argv.filter((arg) => /^--max-?[wW]orkers/.test(arg))).toEqual([flag]);
    }
  });
});
