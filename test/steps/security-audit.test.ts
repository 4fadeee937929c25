import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Exemption, FeatureSpec, SecurityAuditStepSpec } from '../../src/pipeline/index.ts';
import { runStep, type Finding, type StepOutcome } from '../../src/steps/index.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';
import { stepContext } from './step-context.ts';

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
});

const auditOff: SecurityAuditStepSpec = {
  id: 'security',
  kind: 'security-audit',
  timeoutSeconds: 60,
  npmAudit: 'off',
};

/** The audit of a fixture feature: `sources` in its src/, `others` anywhere in the project. */
async function audit(
  sources: Record<string, string>,
  spec: SecurityAuditStepSpec = auditOff,
  env: Record<string, string | undefined> = process.env,
  feature: Partial<FeatureSpec> = {},
  others: Record<string, string> = {},
  exemptions: readonly Exemption[] = [],
): Promise<StepOutcome> {
  const files = Object.entries(sources).map(([path, text]): [string, string] => [
    `feature/demo/src/${path}`,
    text,
  ]);
  project = createTempProject({ ...lockedProject, ...others, ...Object.fromEntries(files) });
  const context = stepContext(project.root, { env, exemptions });
  const pipeline = { ...context.pipeline, feature: { ...context.pipeline.feature, ...feature } };
  return runStep(spec, { ...context, pipeline });
}

function findingsOf(outcome: StepOutcome): readonly Finding[] {
  return outcome.status === 'skipped' ? [] : (outcome.findings ?? []);
}

const summary = (outcome: StepOutcome) =>
  findingsOf(outcome).map(({ rule, file, line }) => `${rule} ${file ?? ''}:${String(line)}`);

// A dependency for npm audit to ask about; the lockfile is all npm audit reads.
const lockedProject = {
  'package.json': JSON.stringify({
    name: 'fx',
    version: '1.0.0',
    dependencies: { 'left-pad': '1.3.0' },
  }),
  'package-lock.json': JSON.stringify({
    name: 'fx',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'fx', version: '1.0.0', dependencies: { 'left-pad': '1.3.0' } },
      'node_modules/left-pad': {
        version: '1.3.0',
        resolved: 'https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz',
      },
    },
  }),
};

describe('the security audit: code patterns', () => {
  it('passes a clean source, with each sub-check reported', async () => {
    const outcome = await audit({
      'index.ts': '/** Doubles. */\nexport const double = (x: number): number => x * 2;\n',
    });
    expect(outcome.status).toBe('pass');
    expect(outcome.status !== 'skipped' && outcome.details).toEqual({
      kind: 'checks',
      checks: [
        expect.objectContaining({ name: 'code execution', status: 'pass' }),
        expect.objectContaining({ name: 'unsafe code', status: 'pass' }),
        expect.objectContaining({ name: 'suppressions', status: 'pass' }),
        expect.objectContaining({ name: 'secrets', status: 'pass' }),
        expect.objectContaining({ name: 'npm audit', status: 'off' }),
      ],
    });
  });

  it('finds non-null assertions and any, cast or written, with their locations, not text in strings', async () => {
    const outcome = await audit({
      'a.ts': 'export function f(x?: string) {\n  return x!.length;\n}\n',
      'b.ts': 'export const y = (1 as any) as number;\nexport const z = <any>2;\n',
      'c.ts': [
        "export const text = 'x! and as any';",
        'export function take(value: any): void {',
        '  void value;',
        '}',
        'export const list: Array<any> = [];',
        '',
      ].join('\n'),
    });
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual([
      'non-null-assertion feature/demo/src/a.ts:2',
      'as-any feature/demo/src/b.ts:1',
      'as-any feature/demo/src/b.ts:2',
      'explicit-any feature/demo/src/c.ts:2',
      'explicit-any feature/demo/src/c.ts:5',
    ]);
  });
});

describe('the security audit: code that runs strings or starts processes', () => {
  it('finds eval, direct, indirect, aliased or read from a global, and the Function constructor', async () => {
    const outcome = await audit({
      'code.ts': [
        "export const a = eval('1 + 1');",
        "export const b = (0, eval)('2');",
        "export const c = globalThis.eval('3');",
        'const run = eval;',
        "export const d = globalThis['Function']('return 4');",
        "export const f = new Function('a', 'return a');",
        "export const g = Function('return 1');",
        "export const h = (function () {}).constructor('return 1');",
        "export const i = Object.getPrototypeOf(async () => {}).constructor('await 1');",
        "const name = 'ev' + 'al';",
        'export const k = globalThis[name];',
        'export { run };',
        '',
      ].join('\n'),
    });
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 11].map(
        (line) => `dynamic-code feature/demo/src/code.ts:${line}`,
      ),
    );
    expect(findingsOf(outcome)[0]?.message).toBe('`eval` runs a string as code');
    expect(findingsOf(outcome)[3]?.message).toContain('is read as a value');
  });

  it('finds the vm module, timers and workers given strings, and modules loaded by a computed name', async () => {
    const outcome = await audit({
      'vm.ts': "import { runInThisContext as run } from 'node:vm';\nexport const x = run('1');\n",
      'timers.ts': [
        "const code = 'tick()';",
        'setTimeout(code, 10);',
        'setInterval(`tick(${String(1)})`, 10);',
        "export const w = new Worker('postMessage(1)', { eval: true });",
        '',
      ].join('\n'),
      'load.ts': [
        'export const load = (name: string) => import(name);',
        'export const req = (name: string) => require(name);',
        "export const fixed = () => import('./timers.ts');",
        '',
      ].join('\n'),
    });
    expect(summary(outcome)).toEqual([
      'dynamic-import feature/demo/src/load.ts:1',
      'dynamic-import feature/demo/src/load.ts:2',
      'dynamic-code feature/demo/src/timers.ts:2',
      'dynamic-code feature/demo/src/timers.ts:3',
      'dynamic-code feature/demo/src/timers.ts:4',
      'dynamic-code feature/demo/src/vm.ts:1',
    ]);
  });

  it('leaves alone code that only looks like it', async () => {
    const outcome = await audit({
      'fine.ts': [
        "export const text = 'eval(1) and new Function() in a string';",
        'export const isFunction = (x: unknown) => x instanceof Function;',
        'export const show = (f: () => void) => Function.prototype.toString.call(f);',
        'export const config = { eval: false, shell: false };',
        'export const evaluation = 1;',
        'export type Callback = Function;',
        'setTimeout(() => undefined, 10);',
        "export const later = () => import('./other.ts');",
        '// eval(x) in a comment',
        '',
      ].join('\n'),
      'other.ts': 'export const other = 1;\n',
    });
    expect(summary(outcome)).toEqual([]);
    expect(outcome.status).toBe('pass');
  });

  it('finds child_process in a library however it is imported, and shell commands built from strings', async () => {
    const outcome = await audit({
      'run.ts': [
        "import { exec as run, spawn } from 'node:child_process';",
        'export function list(dir: string) {',
        "  run('ls ' + dir);",
        "  spawn('ls', [dir], { shell: true });",
        "  spawn('ls', [dir]);",
        '}',
        '',
      ].join('\n'),
      'req.ts': [
        "const cp = require('child_process');",
        'const { execSync: sh } = cp;',
        'export const git = (args: string) => sh(`git ${args}`);',
        'export const raw = (command: string) => cp.exec(command);',
        "export const fixed = () => cp.exec('git status');",
        '',
      ].join('\n'),
      'more.ts': [
        "export * from 'cluster';",
        "export const lazy = () => import('node:child_process');",
        "import type { ChildProcess } from 'node:child_process';",
        'export type Child = ChildProcess;',
        '',
      ].join('\n'),
    });
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual([
      'child-process feature/demo/src/more.ts:1',
      'child-process feature/demo/src/more.ts:2',
      'child-process feature/demo/src/req.ts:1',
      'shell-command feature/demo/src/req.ts:3',
      'shell-command feature/demo/src/req.ts:4',
      'child-process feature/demo/src/run.ts:1',
      'shell-command feature/demo/src/run.ts:3',
      'shell-command feature/demo/src/run.ts:4',
    ]);
    expect(findingsOf(outcome)[0]?.message).toContain('a library feature may not start processes');
  });

  it('lets an application start processes, never through a shell built from strings', async () => {
    const outcome = await audit(
      {
        'run.ts': [
          "import { execFile, exec } from 'node:child_process';",
          "export const status = () => execFile('git', ['status']);",
          'export const run = (command: string) => exec(command);',
          '',
        ].join('\n'),
      },
      auditOff,
      process.env,
      { kind: 'application' },
    );
    expect(summary(outcome)).toEqual(['shell-command feature/demo/src/run.ts:3']);
  });
});

describe('the security audit: comments that switch a check off', () => {
  it('finds every kind of directive anywhere in the feature, in code, YAML and Markdown', async () => {
    const outcome = await audit(
      {
        'a.ts': [
          '// eslint-disable-next-line @typescript-eslint/no-explicit-any',
          'export const loose = (value: unknown) => value; // eslint-disable-line',
          '/* eslint no-console: "off" */',
          '// @ts-ignore',
          'export const n: number = 1;',
          '/** @ts-expect-error wrong on purpose */',
          'export const m: number = 2;',
          '// prettier-ignore',
          'export const grid = [1,0,',
          '                     0,1];',
          '/* v8 ignore next */',
          'export const never = () => 0;',
          '/* istanbul ignore else */',
          '/* global hiddenGlobal */',
          "export const text = '// @ts-ignore and eslint-disable in a string';",
          '',
        ].join('\n'),
      },
      auditOff,
      process.env,
      {},
      {
        'feature/demo/test/a.test.ts': '// @ts-nocheck\nexport {};\n',
        'feature/demo/README.md': [
          '<!-- prettier-ignore -->',
          '| a | b |',
          '```ts',
          '// eslint-disable-next-line no-console (an example in a code block)',
          '```',
          '',
        ].join('\n'),
        'feature/demo/config.yaml': '# prettier-ignore\nkey:   value\n',
      },
    );
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual([
      'prettier-ignore feature/demo/README.md:1',
      'prettier-ignore feature/demo/config.yaml:1',
      'eslint-disable feature/demo/src/a.ts:1',
      'eslint-disable feature/demo/src/a.ts:2',
      'eslint-config feature/demo/src/a.ts:3',
      'ts-ignore feature/demo/src/a.ts:4',
      'ts-expect-error feature/demo/src/a.ts:6',
      'prettier-ignore feature/demo/src/a.ts:8',
      'coverage-ignore feature/demo/src/a.ts:11',
      'coverage-ignore feature/demo/src/a.ts:13',
      'eslint-config feature/demo/src/a.ts:14',
      'ts-nocheck feature/demo/test/a.test.ts:1',
    ]);
    expect(findingsOf(outcome)[2]?.message).toBe(
      '`eslint-disable-next-line @typescript-eslint/no-explicit-any` switches off ESLint rules',
    );
  });
});

describe('the security audit: written exemptions', () => {
  const exemption = (fields: Partial<Exemption> = {}): Exemption => ({
    check: 'ts-expect-error',
    file: 'feature/demo/src/**',
    reason: 'tests the refusal of a value the types forbid',
    owner: 'demo team',
    expires: '2099-12-31',
    source: { file: 'pipeline/exemptions.yaml', line: 5 },
    ...fields,
  });
  const sources = {
    'a.ts': '// @ts-expect-error wrong on purpose\nexport const m: number = "2";\n',
  };

  it('reports a covered finding as exempted, in the sub-check and the finding, and passes', async () => {
    const outcome = await audit(sources, auditOff, process.env, {}, {}, [exemption()]);
    expect(outcome.status).toBe('pass');
    expect(outcome.reason).toContain(
      'suppressions: pass (no comment switches a check off, 1 exempted)',
    );
    expect(findingsOf(outcome)).toEqual([
      expect.objectContaining({
        rule: 'ts-expect-error',
        exemption: expect.objectContaining({ source: 'pipeline/exemptions.yaml:5' }) as unknown,
      }),
    ]);
  });

  it('fails on an expired exemption, and the finding it covered counts again', async () => {
    const outcome = await audit(sources, auditOff, process.env, {}, {}, [
      exemption({ expires: '2021-06-30' }),
    ]);
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual([
      'ts-expect-error feature/demo/src/a.ts:1',
      'exemption-expired pipeline/exemptions.yaml:5',
    ]);
    expect(outcome.reason).toContain('exemptions: fail (1 found)');
  });
});

describe('the security audit: hard-coded secrets', () => {
  // Built from parts so that this test file itself holds no secret-shaped string.
  const awsKey = ['AKIA', 'IOSFODNN7', 'EXAMPLE'].join('');
  const githubToken = ['ghp', '_', 'a'.repeat(36)].join('');
  const privateKey = [
    '-----BEGIN ',
    'RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----',
  ].join('');

  it('finds key blocks, cloud and API tokens and secret-named assignments, never repeating them', async () => {
    const outcome = await audit({
      'keys.ts': `export const pem = \`${privateKey}\`;\nexport const id = '${awsKey}';\n`,
      'client.ts': [
        `const apiKey = 'sk_prod_1234567890';`,
        `export const config = { password: 'hunter22', token: '${githubToken}' };`,
        `let clientSecret: string;`,
        `clientSecret = 'abcdef123456';`,
        `export { apiKey, clientSecret };`,
        '',
      ].join('\n'),
      'settings.json': '{\n  "db_password": "correct horse"\n}\n',
    });
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual([
      'secret-assignment feature/demo/src/client.ts:1',
      'secret-assignment feature/demo/src/client.ts:2',
      'github-token feature/demo/src/client.ts:2',
      'secret-assignment feature/demo/src/client.ts:4',
      'private-key feature/demo/src/keys.ts:1',
      'aws-access-key feature/demo/src/keys.ts:4',
      'secret-assignment feature/demo/src/settings.json:2',
    ]);
    const messages = findingsOf(outcome)
      .map((finding) => finding.message)
      .join('\n');
    for (const secret of [awsKey, githubToken, 'hunter22', 'sk_prod_1234567890', 'MIIB']) {
      expect(messages).not.toContain(secret);
    }
  });

  it('leaves alone secrets read from the environment, empty values and unrelated names', async () => {
    const outcome = await audit({
      'config.ts': [
        "export const password = process.env['DB_PASSWORD'] ?? '';",
        "export const secretName = '';",
        "export const tokenizer = 'whitespace';",
        "export const errorCode = 'INVALID_PASSWORD';",
        "export const apiKeyHeader = 'x-api-key';",
        '',
      ].join('\n'),
    });
    expect(summary(outcome)).toEqual([]);
    expect(outcome.status).toBe('pass');
  });
});

const packument = {
  name: 'left-pad',
  'dist-tags': { latest: '1.3.0' },
  versions: {
    '1.3.0': {
      name: 'left-pad',
      version: '1.3.0',
      dist: { tarball: 'https://registry.invalid/left-pad-1.3.0.tgz' },
    },
  },
};

describe('the security audit: npm audit against a registry on 127.0.0.1', () => {
  let server: Server;
  let answer: 'none' | 'vulnerable' | 'refuse' = 'none';
  let registry = '';

  beforeAll(async () => {
    server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        if (request.method === 'GET') {
          // npm reads the vulnerable package's metadata to see whether a fix exists.
          response
            .writeHead(200, { 'content-type': 'application/json' })
            .end(JSON.stringify(packument));
          return;
        }
        if (answer === 'refuse') {
          response.writeHead(405).end();
          return;
        }
        const advisory = {
          id: 1,
          url: 'https://advisories.invalid/1',
          title: 'Padding overflow',
          severity: 'high',
          vulnerable_versions: '<2.0.0',
          cwe: [],
          cvss: { score: 7.5, vectorString: null },
        };
        const body = answer === 'vulnerable' ? { 'left-pad': [advisory] } : {};
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    registry = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const clean = { 'index.ts': 'export const one = 1;\n' };
  const withAudit = (npmAudit: 'required' | 'when-available') =>
    ({ ...auditOff, npmAudit, auditLevel: 'high' }) as const;
  const env = () => ({ ...process.env, npm_config_registry: registry });

  it('passes when the registry knows no advisory', async () => {
    answer = 'none';
    const outcome = await audit(clean, withAudit('required'), env());
    expect(outcome.status).toBe('pass');
    expect(outcome.reason).toContain('npm audit: pass');
  });

  it('fails on an advisory at the configured level, naming the package', async () => {
    answer = 'vulnerable';
    const outcome = await audit(clean, withAudit('required'), env());
    expect(outcome.status).toBe('fail');
    expect(findingsOf(outcome)).toEqual([
      expect.objectContaining({
        rule: 'npm-audit',
        message: expect.stringContaining('left-pad') as string,
      }),
    ]);
  });

  it('is inconclusive, never passed, when the registry refuses to audit', async () => {
    answer = 'refuse';
    const outcome = await audit(clean, withAudit('required'), env());
    expect(outcome.status).toBe('inconclusive');
    expect(outcome.reason).toContain('405');
  });

  it('with when-available, reports the refusal as an inconclusive sub-check that does not decide', async () => {
    answer = 'refuse';
    const outcome = await audit(clean, withAudit('when-available'), env());
    expect(outcome.status).toBe('pass');
    expect(outcome.status === 'pass' && outcome.details).toMatchObject({
      checks: [{}, {}, {}, {}, { name: 'npm audit', status: 'inconclusive', advisory: true }],
    });
    expect(findingsOf(outcome)).toEqual([
      expect.objectContaining({ rule: 'npm-audit-unavailable' }),
    ]);
  });
});
