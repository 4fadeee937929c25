import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EslintStepSpec } from '../../src/pipeline/index.ts';
import { runStep, type StepOutcome } from '../../src/steps/index.ts';
import { TypeScriptSession } from '../../src/typescript-session/index.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';
import { createTypeScriptProject } from '../typescript-session/fixture.ts';
import { stepContext } from './step-context.ts';

const files = {
  'src/clean.ts': 'export const n = 1;\n',
  // A typed rule: only type information tells that `later()` is a promise nobody awaits.
  'src/floating.ts':
    'async function later(): Promise<void> {}\nexport function start(): void {\n  later();\n}\n',
  // A name with glob characters: the shared program must still reach it.
  'src/odd [1].ts': 'let retries = 3;\nexport const maxRetries = retries;\n',
  // Not in the program (tsconfig includes only src): linted with the project's own config.
  'scripts/tool.ts': 'debugger;\nexport {};\n',
};

let project: TempProject;
let session: TypeScriptSession;

beforeAll(() => {
  project = createTypeScriptProject(files);
  session = new TypeScriptSession(project.root);
});
afterAll(async () => {
  await session.close();
  project.remove();
});

function lint(options: Partial<EslintStepSpec>): Promise<StepOutcome> {
  const spec: EslintStepSpec = {
    id: 'lint',
    kind: 'eslint',
    timeoutSeconds: 60,
    paths: ['src'],
    typeInfo: { project: '.' },
    ...options,
  };
  return runStep(spec, stepContext(project.root, { typeScript: session }));
}

const findingsOf = (outcome: StepOutcome) => (outcome.status === 'skipped' ? [] : outcome.findings);

describe('the eslint step', () => {
  it('reports a typed rule through the shared program, with its file and place', async () => {
    const outcome = await lint({ paths: ['src/floating.ts'] });
    expect(outcome.status).toBe('fail');
    expect(findingsOf(outcome)).toEqual([
      expect.objectContaining({
        rule: '@typescript-eslint/no-floating-promises',
        file: 'src/floating.ts',
        line: 3,
        column: 3,
      }),
    ]);
    expect(outcome.reason).toContain('program of tsconfig.json');
  });

  it('fails a warning over maxWarnings (default 0) and passes it within', async () => {
    const over = await lint({ paths: ['src/odd [1].ts'] });
    expect(over.status).toBe('fail');
    expect(findingsOf(over)).toEqual([
      expect.objectContaining({ rule: 'prefer-const', file: 'src/odd [1].ts', line: 1 }),
    ]);
    expect(over).toMatchObject({ details: { kind: 'diagnostics', errors: 0, warnings: 1 } });
    const within = await lint({ paths: ['src/odd [1].ts'], maxWarnings: 1 });
    expect(within.status).toBe('pass');
    expect(within.reason).toMatch(/^0 errors, 1 warning \(at most 1 allowed\) in 1 file/);
  });

  it('lints a file outside the shared program with the project own config', async () => {
    const outcome = await lint({ paths: ['scripts', 'src/clean.ts'] });
    expect(outcome.status).toBe('fail');
    expect(findingsOf(outcome)).toEqual([
      expect.objectContaining({ rule: 'no-debugger', file: 'scripts/tool.ts', line: 1 }),
    ]);
    expect(outcome).toMatchObject({ details: { errors: 1, warnings: 0 } });
  });

  it('fails when eslint cannot run: a path that matches nothing', async () => {
    const outcome = await lint({ paths: ['nowhere'] });
    expect(outcome.status).toBe('fail');
    expect(outcome.reason).toMatch(/^eslint could not run: .*nowhere/);
  });
});

describe('the eslint step in a project without ESLint', () => {
  it('fails, saying the project must bring its own', async () => {
    const bare = createTempProject({ 'src/index.ts': 'export {};\n' });
    const own = new TypeScriptSession(bare.root);
    try {
      const spec = { id: 'lint', kind: 'eslint', timeoutSeconds: 60, paths: ['src'] } as const;
      const outcome = await runStep(spec, stepContext(bare.root, { typeScript: own }));
      expect(outcome.status).toBe('fail');
      expect(outcome.reason).toContain('eslint is not installed in the project');
    } finally {
      await own.close();
      bare.remove();
    }
  });
});
