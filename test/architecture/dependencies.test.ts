import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/run-certify.ts';
import { createTempProject } from '../support/temp-project.ts';

const knipBin = join(projectRoot, 'node_modules/knip/bin/knip.js');

/** Runs the dependency check of `npm run lint` (knip, with the project's `knip.json`) in `cwd`. */
async function checkDependencies(cwd: string): Promise<{ exitCode: number; output: string }> {
  const run = await execa('node', [knipBin, '--no-progress'], {
    cwd,
    reject: false,
    all: true,
    env: { FORCE_COLOR: '0' },
  });
  return { exitCode: run.exitCode ?? -1, output: run.all };
}

describe('the dependencies', () => {
  it('lists in package.json only packages something imports, and imports only listed ones', async () => {
    const { exitCode, output } = await checkDependencies(projectRoot);
    expect(output).toBe('');
    expect(exitCode).toBe(0);
  });

  describe('the check itself', () => {
    const project = createTempProject({
      'package.json': JSON.stringify({
        name: 'unused-dependency',
        type: 'module',
        private: true,
        dependencies: { ajv: '^8.20.0', 'left-pad': '^1.3.0' },
      }),
      'src/index.ts': "import Ajv from 'ajv';\nexport const ajv = new Ajv();\n",
    });
    copyFileSync(join(projectRoot, 'knip.json'), join(project.root, 'knip.json'));
    afterAll(() => {
      project.remove();
    });

    it('fails on a listed package that nothing imports, and names it', async () => {
      const { exitCode, output } = await checkDependencies(project.root);
      expect(exitCode).toBe(1);
      expect(output).toContain('left-pad');
      expect(output).not.toContain('ajv');
    });
  });
});
