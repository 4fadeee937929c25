/**
 * certify's Vitest reporter: loaded by the project's Vitest (`--reporter=<this file>`), it writes
 * every test's result to the file named by `CERTIFY_VITEST_RESULTS`. It imports nothing at run
 * time, so that any Vitest can load it from certify's folder.
 */
import { writeFileSync } from 'node:fs';
import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';
import type { ErrorSummary, ModuleSummary, TestSummary, VitestResults } from './results.ts';

const FORMAT = 'certify-vitest-results/1' satisfies VitestResults['format'];

function summary(error: { readonly name?: unknown; readonly message?: unknown }): ErrorSummary {
  return {
    name: typeof error.name === 'string' ? error.name : 'Error',
    message: typeof error.message === 'string' ? error.message : String(error.message),
  };
}

function testOf(test: TestCase): TestSummary {
  const result = test.result();
  const note = result.state === 'skipped' ? result.note : undefined;
  return {
    fullName: test.fullName,
    ...(test.location ?? {}),
    state: result.state,
    mode: test.options.mode,
    ...(note === undefined ? {} : { note }),
    errors: (result.errors ?? []).map(summary),
  };
}

function moduleOf(module: TestModule): ModuleSummary {
  return {
    file: module.moduleId,
    state: module.state(),
    errors: module.errors().map(summary),
    tests: [...module.children.allTests()].map(testOf),
  };
}

export default class CertifyReporter implements Reporter {
  onTestRunEnd(
    modules: readonly TestModule[],
    unhandledErrors: readonly SerializedError[],
    reason: string,
  ): void {
    const file = process.env.CERTIFY_VITEST_RESULTS;
    if (file === undefined || file === '') return;
    const results: VitestResults = {
      format: FORMAT,
      reason,
      modules: modules.map(moduleOf),
      unhandledErrors: unhandledErrors.map(summary),
    };
    writeFileSync(file, JSON.stringify(results));
  }
}
