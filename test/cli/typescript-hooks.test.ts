import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../support/run-certify.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';

const register = pathToFileURL(`${projectRoot}/src/typescript-loader/index.js`).href;

/** Runs a TypeScript file in a real Node process with certify's hooks, as bin/certify.js does. */
async function runTypeScript(file: string) {
  const result = await execa('node', ['--import', register, file], { reject: false });
  return { exitCode: result.exitCode ?? -1, stdout: result.stdout, stderr: result.stderr };
}

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

const helper = `export interface Greeting { readonly name: string }
export function greet(greeting: Greeting): string {
  return \`hello \${greeting.name}\`;
}
`;

describe('the TypeScript hooks that run certify from source', () => {
  it('runs a module with types and a relative .ts import, keeping its own import.meta.url', async () => {
    project = createTempProject({ 'helper.ts': helper });
    const main = project.write(
      'main.ts',
      `import { greet, type Greeting } from './helper.ts';
const who: Greeting = { name: 'certify' };
console.log(greet(who));
console.log(import.meta.url);
`,
    );
    const run = await runTypeScript(main);
    expect(run.stderr).toBe('');
    expect(run.stdout.split('\n')).toEqual(['hello certify', pathToFileURL(main).href]);
  });

  it('never runs stale code: an edited file runs as edited', async () => {
    project = createTempProject();
    const main = project.write('main.ts', "const word: string = 'first';\nconsole.log(word);\n");
    expect((await runTypeScript(main)).stdout).toBe('first');
    project.write('main.ts', "const word: string = 'second';\nconsole.log(word);\n");
    expect((await runTypeScript(main)).stdout).toBe('second');
  });

  it('reports an error at its line in the .ts file, not in the stripped output', async () => {
    project = createTempProject();
    const main = project.write(
      'main.ts',
      `interface Unused {
  readonly a: number;
  readonly b: string;
}
type Alias = Unused | undefined;
function fail(value: Alias): never {
  throw new Error(\`failed with \${String(value)}\`);
}
fail(undefined);
`,
    );
    const run = await runTypeScript(main);
    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('failed with undefined');
    expect(run.stderr).toContain(`${main}:7:`);
  });

  it('names the file and the fault when a .ts file does not compile', async () => {
    project = createTempProject();
    const main = project.write('main.ts', 'const broken: number = (;\n');
    const run = await runTypeScript(main);
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toContain(main);
    expect(run.stderr).toContain('Unexpected');
  });
});
