import { symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createTempProject, type TempProject } from '../support/temp-project.ts';

/** certify's own node_modules: the fixture project's tools (typescript, eslint, typescript-eslint). */
const toolsFolder = resolve(import.meta.dirname, '../../node_modules');

/** A small strict project: only `src` is in its program; ES2022 lib, no @types, to keep it fast. */
export const tsconfig = JSON.stringify({
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2022'],
    module: 'NodeNext',
    moduleResolution: 'NodeNext',
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
  },
  include: ['src'],
});

/**
 * The project's own ESLint config: a typed rule on `src`, which has no type information of its
 * own (no project service), so the rule works only through the program certify shares; `scripts`
 * is outside that program and has only a plain rule.
 */
export const eslintConfig = `import tseslint from 'typescript-eslint';

export default [
  {
    files: ['src/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { '@typescript-eslint': tseslint.plugin },
    rules: { '@typescript-eslint/no-floating-promises': 'error', 'prefer-const': 'warn' },
  },
  {
    files: ['scripts/**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    rules: { 'no-debugger': 'error' },
  },
];
`;

export interface FixtureOptions {
  /** Link certify's node_modules into the project (default true): its own tools. */
  readonly tools?: boolean;
}

/** A temporary TypeScript project with the given files beside its package.json and tsconfig. */
export function createTypeScriptProject(
  files: Record<string, string>,
  options: FixtureOptions = {},
): TempProject {
  const project = createTempProject({
    'package.json': '{ "type": "module", "private": true }\n',
    'tsconfig.json': tsconfig,
    'eslint.config.js': eslintConfig,
    ...files,
  });
  if (options.tools !== false) {
    symlinkSync(toolsFolder, join(project.root, 'node_modules'), 'dir');
  }
  return project;
}
