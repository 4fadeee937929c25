import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { failure, type Outcome } from '../errors.ts';
import { validateSuite } from './validate.ts';
import type { BenchSuite } from './types.ts';

/** A suite file, loaded and checked, with the absolute path it came from. */
export interface LoadedSuite {
  readonly path: string;
  readonly suite: BenchSuite;
}

/** Imports the suite module at `path` (relative to `cwd`) and checks its default export. */
export async function loadSuite(
  path: string,
  cwd: string = process.cwd(),
): Promise<Outcome<LoadedSuite>> {
  const absolute = resolve(cwd, path);
  if (!existsSync(absolute)) return failure('SUITE_NOT_FOUND', `suite file not found: ${absolute}`);
  let module: unknown;
  try {
    module = await import(pathToFileURL(absolute).href);
  } catch (error: unknown) {
    const reason = error instanceof Error ? error.message : String(error);
    return failure('SUITE_LOAD_FAILED', `cannot load suite ${absolute}: ${reason}`);
  }
  const exported: unknown =
    typeof module === 'object' && module !== null ? Reflect.get(module, 'default') : undefined;
  const checked = validateSuite(exported, absolute);
  return checked.ok ? { ok: true, value: { path: absolute, suite: checked.value } } : checked;
}
