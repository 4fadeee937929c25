import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SecurityAuditStepSpec } from '../../src/pipeline/index.ts';
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

async function audit(
  sources: Record<string, string>,
  spec: SecurityAuditStepSpec = auditOff,
  env: Record<string, string | undefined> = process.env,
): Promise<StepOutcome> {
  const files = Object.entries(sources).map(([path, text]): [string, string] => [
    `feature/demo/src/${path}`,
    text,
  ]);
  project = createTempProject({ ...lockedProject, ...Object.fromEntries(files) });
  return runStep(spec, stepContext(project.root, { env }));
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
        expect.objectContaining({ name: 'unsafe code', status: 'pass' }),
        expect.objectContaining({ name: 'secrets', status: 'pass' }),
        expect.objectContaining({ name: 'npm audit', status: 'off' }),
      ],
    });
  });

  it('finds non-null assertions, as any and @ts-ignore with their locations, not text in strings', async () => {
    const outcome = await audit({
      'a.ts': 'export function f(x?: string) {\n  return x!.length;\n}\n',
      'b.ts': 'export const y = (1 as any) as number;\nexport const z = <any>2;\n',
      'c.ts': [
        "export const text = '// @ts-ignore and x! and as any';",
        'export const tpl = `${text} // @ts-ignore`;',
        '// @ts-ignore',
        'export const n: number = "no";',
        '/** @ts-ignore in a doc comment is prose, but this is not: */',
        '/* @ts-nocheck */',
        '',
      ].join('\n'),
    });
    expect(outcome.status).toBe('fail');
    expect(summary(outcome)).toEqual([
      'non-null-assertion feature/demo/src/a.ts:2',
      'as-any feature/demo/src/b.ts:1',
      'as-any feature/demo/src/b.ts:2',
      'ts-ignore feature/demo/src/c.ts:3',
      'ts-nocheck feature/demo/src/c.ts:6',
    ]);
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
      checks: [{}, {}, { name: 'npm audit', status: 'inconclusive', advisory: true }],
    });
    expect(findingsOf(outcome)).toEqual([
      expect.objectContaining({ rule: 'npm-audit-unavailable' }),
    ]);
  });
});
