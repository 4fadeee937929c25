import { afterEach, describe, expect, it } from 'vitest';
import { runStep } from '../../src/steps/index.ts';
import { TypeScriptSession } from '../../src/typescript-session/index.ts';
import type { TempProject } from '../support/temp-project.ts';
import { createTypeScriptProject, tsconfig } from '../typescript-session/fixture.ts';
import { stepContext } from './step-context.ts';

const spec = { id: 'typecheck', kind: 'typecheck', timeoutSeconds: 60, project: '.' } as const;

let project: TempProject | undefined;
let session: TypeScriptSession | undefined;

afterEach(async () => {
  await session?.close();
  project?.remove();
});

function typecheck(files: Record<string, string>, options: { tools?: boolean } = {}) {
  project = createTypeScriptProject(files, options);
  session = new TypeScriptSession(project.root);
  return runStep(spec, stepContext(project.root, { typeScript: session }));
}

describe('the typecheck step', () => {
  it('passes a project without errors, saying which TypeScript checked how many files', async () => {
    const outcome = await typecheck({ 'src/index.ts': 'export const n: number = 1;\n' });
    expect(outcome).toMatchObject({
      status: 'pass',
      details: { kind: 'diagnostics', errors: 0, warnings: 0 },
    });
    expect(outcome.reason).toMatch(/^0 errors, 0 warnings in 1 file \(TypeScript \d+\.\d+\.\d+;/);
  });

  it('fails on a type error, with a finding at its file, line and column', async () => {
    const outcome = await typecheck({
      'src/index.ts': 'export const ok = 1;\n',
      'src/fault.ts': "// a fault\nexport const retries: number = 'three';\n",
    });
    expect(outcome.status).toBe('fail');
    if (outcome.status === 'skipped') return;
    expect(outcome.details).toEqual({ kind: 'diagnostics', errors: 1, warnings: 0 });
    expect(outcome.findings).toEqual([
      {
        rule: 'TS2322',
        message: "Type 'string' is not assignable to type 'number'.",
        file: 'src/fault.ts',
        line: 2,
        column: 14,
      },
    ]);
  });

  it('fails on an error in the tsconfig file, located in it', async () => {
    const broken = tsconfig.replace('"strict":true', '"strictt":true');
    const outcome = await typecheck({ 'tsconfig.json': broken, 'src/index.ts': 'export {};\n' });
    expect(outcome.status).toBe('fail');
    if (outcome.status === 'skipped') return;
    expect(outcome.findings).toEqual([
      expect.objectContaining({
        rule: 'TS5025',
        file: 'tsconfig.json',
        message: expect.stringContaining("'strictt'") as string,
      }),
    ]);
  });

  it("uses certify's own TypeScript for a project that has none, and says so", async () => {
    const outcome = await typecheck({ 'src/index.ts': 'export {};\n' }, { tools: false });
    expect(outcome.status).toBe('pass');
    expect(outcome.reason).toContain("certify's own: the project has none");
  });
});
