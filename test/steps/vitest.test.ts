import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runStep, type StepOutcome } from '../../src/steps/index.ts';
import { projectRoot } from '../support/run-certify.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';
import { stepContext } from './step-context.ts';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
});

/** A project with the given test files and certify's node_modules, run by the vitest step. */
async function runSuite(files: Record<string, string>): Promise<StepOutcome> {
  project = createTempProject({ 'package.json': '{ "type": "module" }\n', ...files });
  symlinkSync(join(projectRoot, 'node_modules'), join(project.root, 'node_modules'));
  const spec = { id: 'tests', kind: 'vitest', timeoutSeconds: 60, args: ['feature/demo'] } as const;
  return runStep(spec, stepContext(project.root));
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

  it('fails when no test ran at all', async () => {
    const outcome = await runSuite({ 'feature/demo/src/index.ts': 'export const x = 1;\n' });
    expect(outcome.status).toBe('fail');
    expect(outcome.reason).toMatch(/no test ran|no test report/);
  });
});
