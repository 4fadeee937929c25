import { relative } from 'node:path';
import type { ESLint, Linter } from 'eslint';
import type { ProgramCache } from './programs.ts';
import type { LintMessage, LintReply, LintRequest, ProgramUse, ToolOrigin } from './protocol.ts';
import { loadEslint } from './tools.ts';

/** A path as a glob matching only itself (minimatch's special characters escaped). */
function literalGlob(path: string): string {
  return path.replace(/[\\*?[\]{}()!+@#]/g, '\\$&');
}

/**
 * Typed rules read the shared program, but only for the program's own files: typescript-eslint
 * refuses a file that is in none of the `programs` given, so every other file keeps the project's
 * own parser options (its project service, or none).
 */
function sharedProgramConfig(programs: ProgramCache, project: string) {
  const lease = programs.lease(project);
  if (!lease.ok) {
    const why = programs.plain(lease.problem).message;
    throw new Error(`the TypeScript project ${lease.use.configFile} cannot be used: ${why}`);
  }
  const config: Linter.Config = {
    files: programs.ownFiles(lease.program).map(literalGlob),
    languageOptions: {
      parserOptions: { programs: [lease.program], project: false, projectService: false },
    },
  };
  return { config, use: lease.use };
}

function messagesOf(results: readonly ESLint.LintResult[], projectRoot: string): LintMessage[] {
  return results.flatMap((result) =>
    result.messages.map((message) => ({
      ruleId: message.ruleId,
      severity: message.severity === 2 ? 'error' : 'warning',
      fatal: message.fatal === true,
      message: message.message,
      file: relative(projectRoot, result.filePath),
      line: message.line,
      column: message.column,
    })),
  );
}

/**
 * Loads the project's ESLint and its config for the project root, so that the config's own
 * imports (typescript-eslint and the other plugins, about a second here) are in the module cache
 * before the lint needs them.
 */
export async function prepareEslint(projectRoot: string): Promise<ToolOrigin> {
  const { module, origin } = await loadEslint(projectRoot);
  await new module.ESLint({ cwd: projectRoot }).calculateConfigForFile('index.ts');
  return origin;
}

/**
 * `eslint <paths>` through the project's own ESLint and config (cwd = project root); with a
 * project, its typed rules read the session's shared program.
 */
export async function lint(
  request: LintRequest,
  projectRoot: string,
  programs: ProgramCache,
): Promise<LintReply> {
  const { module, origin } = await loadEslint(projectRoot);
  let program: ProgramUse | undefined;
  const options: ESLint.Options = { cwd: projectRoot };
  if (request.project !== undefined) {
    const shared = sharedProgramConfig(programs, request.project);
    program = shared.use;
    options.overrideConfig = [shared.config];
  }
  const eslint = new module.ESLint(options);
  const results = await eslint.lintFiles([...request.paths]);
  const sum = (count: (result: ESLint.LintResult) => number) =>
    results.reduce((total, result) => total + count(result), 0);
  return {
    kind: 'lint',
    messages: messagesOf(results, projectRoot),
    fileCount: results.length,
    errorCount: sum((result) => result.errorCount),
    warningCount: sum((result) => result.warningCount),
    fatalErrorCount: sum((result) => result.fatalErrorCount),
    eslint: origin,
    ...(program === undefined ? {} : { program }),
  };
}
