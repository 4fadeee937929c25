import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/run-certify.ts';
import { createTempProject } from '../support/temp-project.ts';

const knipBin = join(projectRoot, 'node_modules/knip/bin/knip.js');

interface Check {
  readonly exitCode: number;
  readonly output: string;
}

async function knip(cwd: string, args: readonly string[]): Promise<Check> {
  const run = await execa('node', [knipBin, '--no-progress', ...args], {
    cwd,
    reject: false,
    all: true,
    env: { FORCE_COLOR: '0' },
  });
  return { exitCode: run.exitCode ?? -1, output: run.all };
}

/**
 * The two checks of `npm run lint:dependencies` (knip, with the project's `knip.json`): every
 * listed package is imported and every import is listed; then, for the code that runs in
 * production only (not tests, scripts or fixtures), that `dependencies` holds exactly what it
 * imports, so installing a package does not pull in what only its tests use.
 */
const checks = {
  all: (cwd: string) => knip(cwd, []),
  production: (cwd: string) => knip(cwd, ['--production', '--strict']),
};

describe('the dependencies', () => {
  it.each(Object.keys(checks) as (keyof typeof checks)[])(
    'of certify and each feature pass the %s check',
    async (name) => {
      const { exitCode, output } = await checks[name](projectRoot);
      expect(output).toBe('');
      expect(exitCode).toBe(0);
    },
  );

  describe('the checks themselves', () => {
    const project = createTempProject({
      'package.json': JSON.stringify({
        name: 'fixture',
        type: 'module',
        private: true,
        exports: './src/index.ts',
        dependencies: { ajv: '^8.20.0', 'left-pad': '^1.3.0', 'fast-check': '^4.11.0' },
        devDependencies: { vitest: '^4.1.12' },
      }),
      'src/index.ts': "import Ajv from 'ajv';\nexport const ajv = new Ajv();\n",
      'test/index.test.ts': [
        "import fc from 'fast-check';",
        "import { it } from 'vitest';",
        "it('runs', () => fc.assert(fc.property(fc.nat(), () => true)));",
        '',
      ].join('\n'),
    });
    copyFileSync(join(projectRoot, 'knip.json'), join(project.root, 'knip.json'));
    afterAll(() => {
      project.remove();
    });

    it('fail on a listed package that nothing imports, and name it', async () => {
      const { exitCode, output } = await checks.all(project.root);
      expect(exitCode).toBe(1);
      expect(output).toContain('left-pad');
      expect(output).not.toContain('ajv');
      expect(output).not.toContain('fast-check');
    });

    it('fail on a runtime dependency that only tests import, and name it', async () => {
      const { exitCode, output } = await checks.production(project.root);
      expect(exitCode).toBe(1);
      expect(output).toContain('fast-check');
      expect(output).not.toContain('ajv');
    });
  });
});
