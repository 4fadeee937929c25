import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as EslintModule from 'eslint';
import type TypeScriptModule from 'typescript';
import type { ToolOrigin } from './protocol.ts';
import { errnoCodeOf } from '../common/index.ts';

export type TypeScript = typeof TypeScriptModule;
export type Eslint = typeof EslintModule;

export interface LoadedTool<T> {
  readonly module: T;
  readonly origin: ToolOrigin;
}

function isModuleNotFound(error: unknown): boolean {
  return errnoCodeOf(error) === 'MODULE_NOT_FOUND';
}

/** Where `name` resolves from the project root, or undefined when the project does not have it. */
function resolveFromProject(projectRoot: string, name: string): string | undefined {
  // Resolved as a file of the project would resolve it: its own node_modules, then its parents'.
  const projectRequire = createRequire(join(projectRoot, 'package.json'));
  try {
    return projectRequire.resolve(name);
  } catch (error: unknown) {
    if (isModuleNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * The project's own TypeScript (a certified project brings the compiler its code is written for);
 * certify's copy when the project has none, said in the origin.
 */
export function loadTypeScript(projectRoot: string): LoadedTool<TypeScript> {
  const resolved = resolveFromProject(projectRoot, 'typescript');
  const require = createRequire(resolved ?? import.meta.url);
  const module = require(resolved ?? 'typescript') as TypeScript;
  return {
    module,
    origin: { version: module.version, from: resolved === undefined ? 'certify' : 'project' },
  };
}

/**
 * The project's own ESLint. No fallback: its config imports the project's plugins, and certify
 * ships ESLint only for its own development.
 */
export async function loadEslint(projectRoot: string): Promise<LoadedTool<Eslint>> {
  const resolved = resolveFromProject(projectRoot, 'eslint');
  if (resolved === undefined) {
    throw new Error(
      `eslint is not installed in the project (${projectRoot}): add it to its devDependencies`,
    );
  }
  const module = (await import(pathToFileURL(resolved).href)) as Eslint;
  return { module, origin: { version: module.ESLint.version, from: 'project' } };
}
