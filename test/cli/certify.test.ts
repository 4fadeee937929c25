import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterEach, describe, expect, it } from 'vitest';
import { validateCertificationReport } from '../../src/report/index.ts';
import { projectRoot, runCertify } from '../support/run-certify.ts';
import { isAlive, processTreeScript, treePids } from '../support/process-tree.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';

const reportFiles = [
  'certification.json',
  'certification.md',
  'certification.junit.xml',
  'certification.dsse.json',
  'certification.pub.pem',
];

/** A command step that runs a short Node script in the project folder. */
const nodeStep = (id: string, script: string) =>
  `      - { id: ${id}, kind: command, timeoutSeconds: 60, command: [node, -e, ${JSON.stringify(script)}] }`;

function pipelineYaml(steps: { weaver?: string[]; quality?: string[] } = {}): string {
  return [
    'version: 1',
    'feature: { name: demo, root: feature/demo, source: feature/demo/src, entry: feature/demo/src/index.ts }',
    'registry: registry',
    'budgets: { ticksPerEvent: { case: demo/hot-path, max: 8 }, liveCheckCoverage: 100 }',
    'tiers:',
    '  - id: weaver',
    "    name: 'Tier 1: Weaver'",
    '    steps:',
    '      - { id: registry-check, kind: registry-check, timeoutSeconds: 60 }',
    ...(steps.weaver ?? []),
    '  - id: quality',
    "    name: 'Tier 2: quality'",
    '    concurrency: 2',
    '    steps:',
    ...(steps.quality ?? [
      nodeStep('typecheck', 'process.exit(0)'),
      nodeStep('lint', 'process.exit(0)'),
    ]),
    '  - id: tests',
    "    name: 'Tier 3: tests'",
    '    steps:',
    '      - { id: docs-check, kind: docs-check, timeoutSeconds: 60 }',
    '',
  ].join('\n');
}

const documentedEntry = `/**
 * Doubles a number.
 * @example
 * double(2); // 4
 */
export const double = (x: number): number => x * 2;
`;

const registry = `groups:
  - id: registry.demo
    type: attribute_group
    brief: Demo attributes.
    attributes:
      - id: demo.count
        type: int
        stability: stable
        brief: How many.
`;

let project: TempProject | undefined;
afterEach(() => {
  project?.remove();
  project = undefined;
});

function demoProject(pipeline = pipelineYaml()): TempProject {
  project = createTempProject({
    'feature/demo/src/index.ts': documentedEntry,
    'registry/demo.yaml': registry,
    'pipeline/certify.yaml': pipeline,
  });
  return project;
}

const certifyIn = (root: string, args: string[] = [], env: Record<string, string> = {}) =>
  runCertify(['--renderer', 'plain', ...args], { cwd: root, env: { CI: '1', ...env } });

const reportOf = (root: string): unknown =>
  JSON.parse(readFileSync(join(root, 'reports/certification.json'), 'utf8'));

const existing = (root: string) =>
  reportFiles.filter((name) => existsSync(join(root, 'reports', name)));

describe('npx certify', () => {
  it('certifies a feature whose every step passes: exit 0, the report files, a verifiable signature', async () => {
    const { root } = demoProject();
    const run = await certifyIn(root);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^CERTIFIED: all 4 steps passed$/m);
    expect(run.stdout).toMatch(
      /self-signed with the local self-signing key \.certify\/signing-key\.pem/,
    );
    expect(existing(root)).toEqual(reportFiles);
    const report = validateCertificationReport(reportOf(root));
    expect(report.ok && report.report.verdict.certified).toBe(true);
    expect(report.ok && report.report.tiers.map((tier) => tier.status)).toEqual([
      'pass',
      'pass',
      'pass',
    ]);
    const markdown = readFileSync(join(root, 'reports/certification.md'), 'utf8');
    expect(markdown).toContain('**CERTIFIED: all 4 steps passed**');
    const verify = await runCertify(
      [
        'verify',
        'reports/certification.dsse.json',
        '--key',
        'reports/certification.pub.pem',
        '--check-subjects',
      ],
      { cwd: root },
    );
    expect(verify.exitCode, verify.stdout).toBe(0);
    expect(verify.stdout).toMatch(/^pass +predicate/m);
  });

  it('is not certified when a step fails: exit 1, later tiers skipped, the failure in every output', async () => {
    const { root } = demoProject(
      pipelineYaml({
        quality: [
          nodeStep('typecheck', 'process.exit(0)'),
          nodeStep('lint', 'console.log("1 warning"); process.exit(1)'),
        ],
      }),
    );
    const run = await certifyIn(root);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /^NOT CERTIFIED: 2 of 4 steps passed; 1 failed \(lint\), 1 skipped \(docs-check\)$/m,
    );
    const junit = readFileSync(join(root, 'reports/certification.junit.xml'), 'utf8');
    expect(junit).toMatch(
      /<testcase classname="quality" name="lint"[^>]*>\s*<failure message="[^"]*exited with code 1/,
    );
    expect(junit).toMatch(/<testcase classname="tests" name="docs-check"[^>]*>\s*<skipped/);
    const verify = await runCertify(['verify', 'reports/certification.dsse.json'], { cwd: root });
    expect(verify.exitCode).toBe(0);
  });

  it('runs the later tiers with --keep-going, still not certified', async () => {
    const { root } = demoProject(pipelineYaml({ quality: [nodeStep('lint', 'process.exit(1)')] }));
    const run = await certifyIn(root, ['--keep-going']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^NOT CERTIFIED: 2 of 3 steps passed; 1 failed \(lint\)$/m);
  });

  it('prints the report alone on stdout with --json, progress on stderr', async () => {
    const { root } = demoProject();
    const run = await certifyIn(root, ['--json']);
    expect(run.exitCode).toBe(0);
    const printed: unknown = JSON.parse(run.stdout);
    expect(printed).toEqual(reportOf(root));
    expect(run.stderr).toContain('Tier 1: Weaver');
    expect(run.stderr).toContain('CERTIFIED: all 4 steps passed');
  });

  it('certifies nothing when restricted with --only', async () => {
    const { root } = demoProject();
    const run = await certifyIn(root, ['--only', 'weaver,docs-check']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /^NOT CERTIFIED: 2 of 4 steps passed; 2 skipped \(typecheck, lint\)$/m,
    );
  });

  it('signs with --key, and the report says who signed it, not self-signed', async () => {
    const { root } = demoProject();
    expect((await runCertify(['keygen', '--out', 'keys'], { cwd: root })).exitCode).toBe(0);
    const run = await certifyIn(root, ['--key', 'keys/certify-signing-key.pem']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('signed with the key file keys/certify-signing-key.pem');
    expect(reportOf(root)).toMatchObject({ signer: { selfSigned: false } });
    const verify = await runCertify(
      ['verify', 'reports/certification.dsse.json', '--key', 'keys/certify-signing-key.pub.pem'],
      { cwd: root },
    );
    expect(verify.exitCode).toBe(0);
  });

  it('appends the Markdown report to $GITHUB_STEP_SUMMARY', async () => {
    const { root } = demoProject();
    const summary = join(root, 'summary.md');
    writeFileSync(summary, '# Earlier step\n');
    const run = await certifyIn(root, [], { GITHUB_STEP_SUMMARY: summary });
    expect(run.exitCode).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# Earlier step\n# Certification report: demo')).toBe(true);
  });

  it.each([
    [
      'a missing pipeline file',
      ['--pipeline', 'pipeline/none.yaml'],
      {},
      /cannot read the pipeline file/,
    ],
    [
      'an unknown --only id',
      ['--only', 'tier-9'],
      {},
      /--only names no tier or step of pipeline\/certify\.yaml: tier-9/,
    ],
    [
      'an unknown renderer',
      ['--renderer', 'pretty'],
      {},
      /--renderer must be one of auto, fancy, plain, silent/,
    ],
    ['an unknown option', ['--keepgoing'], {}, /Unknown option '--keepgoing'/],
    ['an empty signing key variable', [], { CERTIFY_SIGNING_KEY: '' }, /CERTIFY_SIGNING_KEY/],
  ])('exits 2 on %s, saying so, and changes no file', async (_, args, env, message) => {
    const { root } = demoProject();
    const earlier = await certifyIn(root);
    expect(earlier.exitCode).toBe(0);
    const before = reportFiles.map((name) => readFileSync(join(root, 'reports', name), 'utf8'));
    const run = await certifyIn(root, args, env);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(message);
    const after = reportFiles.map((name) => readFileSync(join(root, 'reports', name), 'utf8'));
    expect(after).toEqual(before);
  });

  it('exits 2 on a pipeline file that breaks its schema, naming the line and the key', async () => {
    const { root } = demoProject(pipelineYaml().replace('concurrency: 2', 'concurency: 2'));
    const run = await certifyIn(root);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(
      /pipeline\/certify\.yaml:12:5: .*unknown key "concurency" in tiers\[1\]/,
    );
  });

  it('stops every step on Ctrl-C: exit 130, the step process tree killed, no report', async () => {
    const { root } = demoProject(pipelineYaml({ quality: [nodeStep('lint', processTreeScript)] }));
    const child = execa('node', [resolve(projectRoot, 'bin/certify.js'), '--renderer', 'plain'], {
      cwd: root,
      reject: false,
    });
    await expect.poll(() => treePids(root), { timeout: 20_000 }).toHaveLength(2);
    child.kill('SIGINT');
    const run = await child;
    expect(run.exitCode).toBe(130);
    expect(run.stderr).toContain('interrupted: nothing is certified and no report was written');
    expect(existing(root)).toEqual([]);
    const pids = treePids(root);
    await expect.poll(() => pids.filter(isAlive), { timeout: 5_000 }).toEqual([]);
  });
});
