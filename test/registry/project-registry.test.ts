import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRegistry } from '../../src/registry/index.ts';
import { projectRoot, runCertify } from '../support/run-certify.ts';

const registryFiles = readdirSync(`${projectRoot}/registry`).filter((name) =>
  /\.ya?ml$/.test(name),
);

describe("the project's own registry (registry/)", () => {
  it('passes with zero errors and zero warnings, builtin:otel included', async () => {
    const result = await checkRegistry({
      registry: `${projectRoot}/registry`,
      engine: 'builtin',
      policies: ['builtin:otel'],
    });
    expect(result.kind === 'checked' && result.diagnostics).toEqual([]);
  });

  it('npx certify registry check -r registry exits 0', async () => {
    const run = await runCertify(['registry', 'check', '-r', 'registry', '--engine', 'builtin']);
    expect([run.exitCode, run.stdout]).toEqual([
      0,
      `registry check passed: 0 errors, 0 warnings in ${registryFiles.length} files (builtin engine)`,
    ]);
  });
});
