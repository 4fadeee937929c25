import { relative } from 'node:path';
import type { Finding, TestCounts } from '../types.ts';
import type { ErrorSummary, ModuleSummary, TestSummary, VitestResults } from './results.ts';

/** Vitest's words when `expect.requireAssertions` finds a test that asserted nothing. */
const NO_ASSERTION = 'expected any number of assertion, but got none';
/** Vitest's words for a `.only` when `allowOnly` is off. */
const FOCUSED = 'Unexpected .only modifier';

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '') ?? text;
}

/** An error as vitest words it: `AssertionError: expected 2 to be 3`, `Test timed out in 500ms.` */
export function describeError(error: ErrorSummary): string {
  const message = firstLine(error.message);
  return error.name === 'Error' || error.name === '' ? message : `${error.name}: ${message}`;
}

function at(test: TestSummary): { line?: number; column?: number } {
  return {
    ...(test.line === undefined ? {} : { line: test.line }),
    ...(test.column === undefined ? {} : { column: test.column }),
  };
}

function skippedHow(test: TestSummary): string {
  if (test.mode === 'todo') return 'is a todo';
  if (test.note !== undefined) return `skipped itself at run time (${test.note})`;
  if (test.mode === 'skip') return 'is skipped (skip, skipIf or a skipped suite)';
  return 'was skipped at run time';
}

function testFinding(test: TestSummary, file: string, focusedFile: boolean): Finding | undefined {
  const place = { file, ...at(test) };
  const errors = test.errors;
  if (test.state === 'failed') {
    if (errors.length > 0 && errors.every((error) => error.message.startsWith(NO_ASSERTION))) {
      return {
        rule: 'no-assertion',
        ...place,
        message: `${test.fullName}: the test asserts nothing (vitest: ${firstLine(errors[0]?.message ?? '')})`,
      };
    }
    if (errors.some((error) => error.message.includes(FOCUSED))) {
      return {
        rule: 'focused-test',
        ...place,
        message: `${test.fullName}: \`.only\` leaves the other tests of its file unrun; remove it`,
      };
    }
    const [first] = errors;
    return {
      rule: 'test-failed',
      ...place,
      message: `${test.fullName}: ${first === undefined ? 'failed' : describeError(first)}`,
    };
  }
  // Beside a `.only`, the other tests are skipped because of it: that finding says why.
  if (test.state === 'skipped' && !focusedFile) {
    return { rule: 'skipped-test', ...place, message: `${test.fullName} ${skippedHow(test)}` };
  }
  if (test.state === 'pending') {
    return { rule: 'test-failed', ...place, message: `${test.fullName}: did not finish` };
  }
  return undefined;
}

function moduleFindings(module: ModuleSummary, root: string): Finding[] {
  const file = relative(root, module.file);
  const focused = module.tests.some((test) => test.errors.some((e) => e.message.includes(FOCUSED)));
  const own = module.errors.map((error): Finding => ({
    rule: 'test-file-failed',
    file,
    message: describeError(error),
  }));
  const tests = module.tests.flatMap((test) => testFinding(test, file, focused) ?? []);
  if (own.length === 0 && tests.length === 0 && module.state === 'failed') {
    return [{ rule: 'test-file-failed', file, message: 'the file failed with no error reported' }];
  }
  return [...own, ...tests];
}

/**
 * Every test that did not pass, as findings: failed (with vitest's own message, a timeout's
 * included), asserting nothing, focused with `.only`, skipped or todo; every test file that could
 * not run; every error vitest caught outside a test.
 */
export function testFindings(results: VitestResults, root: string): Finding[] {
  return [
    ...results.modules.flatMap((module) => moduleFindings(module, root)),
    ...results.unhandledErrors.map((error): Finding => ({
      rule: 'unhandled-error',
      message: `outside any test: ${describeError(error)}`,
    })),
  ];
}

export function testCounts(results: VitestResults): TestCounts {
  const tests = results.modules.flatMap((module) => module.tests);
  const of = (state: TestSummary['state']) => tests.filter((test) => test.state === state).length;
  return {
    passed: of('passed'),
    failed: of('failed') + of('pending'),
    skipped: of('skipped'),
    total: tests.length,
  };
}
