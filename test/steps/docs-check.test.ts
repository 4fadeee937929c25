import { afterEach, describe, expect, it } from 'vitest';
import { runStep, type StepOutcome } from '../../src/steps/index.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';
import { stepContext } from './step-context.ts';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
});

async function check(sources: Record<string, string>): Promise<StepOutcome> {
  const files = Object.entries(sources).map(([path, text]): [string, string] => [
    `feature/demo/src/${path}`,
    text,
  ]);
  project = createTempProject(Object.fromEntries(files));
  return runStep({ id: 'docs', kind: 'docs-check', timeoutSeconds: 60 }, stepContext(project.root));
}

const summary = (outcome: StepOutcome) =>
  outcome.status === 'skipped'
    ? []
    : (outcome.findings ?? []).map(
        ({ rule, file, line, message }) => `${rule} ${file ?? ''}:${String(line)} ${message}`,
      );

const documentedClass = `/**
 * Counts things.
 * @example
 * new Counter().add();
 */
export class Counter {
  add(): void {}
}
`;

describe('the documentation check', () => {
  it('passes when every export is described and classes and functions have an example', async () => {
    const outcome = await check({
      'index.ts': [
        "export { Counter } from './counter.ts';",
        "export * from './kinds.ts';",
        '/**',
        ' * Doubles a number.',
        ' * @example',
        ' * double(2); // 4',
        ' */',
        'export const double = (x: number): number => x * 2;',
        '',
      ].join('\n'),
      'counter.ts': documentedClass,
      'kinds.ts': [
        '/** The kinds of thing, as a const object. */',
        "export const Kind = { A: 'a' } as const;",
        '/** One kind. */',
        'export type Kind = (typeof Kind)[keyof typeof Kind];',
        '',
      ].join('\n'),
    });
    expect(summary(outcome)).toEqual([]);
    expect(outcome).toMatchObject({
      status: 'pass',
      reason: expect.stringContaining('all 3 exports') as string,
    });
  });

  it('names each undocumented export and each class or function without an example, where it is declared', async () => {
    const outcome = await check({
      'index.ts': [
        "export { Counter } from './counter.ts';",
        '// A line comment is not TSDoc.',
        'export function noDocs(): void {}',
        '/** Described but without an example. */',
        'export function noExample(): void {}',
        'export interface Options { readonly size: number }',
        '/** @example */',
        'export const emptyDescription = (): number => 1;',
        '',
      ].join('\n'),
      'counter.ts': 'export class Counter {}\n',
    });
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual([
      'missing-description feature/demo/src/counter.ts:1 export `Counter` has no TSDoc description',
      'missing-example feature/demo/src/counter.ts:1 export `Counter` has no @example',
      'missing-description feature/demo/src/index.ts:3 export `noDocs` has no TSDoc description',
      'missing-example feature/demo/src/index.ts:3 export `noDocs` has no @example',
      'missing-example feature/demo/src/index.ts:5 export `noExample` has no @example',
      'missing-description feature/demo/src/index.ts:6 export `Options` has no TSDoc description',
      'missing-description feature/demo/src/index.ts:8 export `emptyDescription` has no TSDoc description',
    ]);
  });

  it('fails an entry that exports nothing', async () => {
    const outcome = await check({ 'index.ts': 'const hidden = 1;\nvoid hidden;\n' });
    expect(outcome.status).toBe('fail');
    expect(outcome.reason).toContain('feature/demo/src/index.ts');
  });
});
