import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCertify } from '../support/run-certify.ts';

const fixture = (name: string) => resolve(import.meta.dirname, 'fixtures', name);
const builtin = ['--engine', 'builtin'];

describe('certify registry check', () => {
  it('exits 1 on an error and prints it with its place, in ansi text by default', async () => {
    const run = await runCertify([
      'registry',
      'check',
      '-r',
      fixture('missing-span-kind'),
      ...builtin,
    ]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      `error[InvalidSpanMissingSpanKind] ${fixture('missing-span-kind')}/registry.yaml:10:5 (group span.shop.checkout.server)`,
    );
    expect(run.stdout).not.toContain('\u001b[');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe(
      'registry check failed: 1 error, 0 warnings in 1 file (builtin engine)',
    );
  });

  it('exits 0 with warnings only; gh_workflow_command lines on stdout, the summary on stderr', async () => {
    const run = await runCertify([
      'registry',
      'check',
      '--registry',
      fixture('string-without-examples'),
      '--diagnostic-format',
      'gh_workflow_command',
      ...builtin,
    ]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(
      `::warning file=${fixture('string-without-examples')}/registry.yaml,line=10,col=9,title=InvalidExampleWarning::attribute "shop.order.channel" in group "registry.shop" is a string but has no \`examples\` (group registry.shop, attribute shop.order.channel)`,
    );
    expect(run.stderr).toBe(
      'registry check passed: 0 errors, 1 warning in 1 file (builtin engine)',
    );
  });

  it('makes warnings errors with --future and applies builtin:otel with -p', async () => {
    const future = await runCertify([
      'registry',
      'check',
      '-r',
      fixture('string-without-examples'),
      '--future',
      ...builtin,
    ]);
    expect(future.exitCode).toBe(1);
    const policy = await runCertify([
      'registry',
      'check',
      '-r',
      fixture('policy-metric-id'),
      '-p',
      'builtin:otel',
      '--diagnostic-format',
      'json',
      ...builtin,
    ]);
    expect(policy.exitCode).toBe(1);
    expect((JSON.parse(policy.stdout) as { id: string }[]).map((finding) => finding.id)).toEqual([
      'invalid_metric_id',
    ]);
  });

  it('exits 2 on a usage problem, naming it', async () => {
    const runs = await Promise.all([
      runCertify(['registry', 'check']),
      runCertify(['registry', 'check', '-r', fixture('valid-shop'), '--diagnostic-format', 'xml']),
      runCertify([
        'registry',
        'check',
        '-r',
        fixture('valid-shop'),
        '-p',
        'naming.rego',
        ...builtin,
      ]),
      runCertify(['registry', 'frobnicate']),
    ]);
    expect(runs.map((run) => run.exitCode)).toEqual([2, 2, 2, 2]);
    expect(runs.map((run) => run.stderr.split('\n')[0])).toEqual([
      'certify: registry check needs -r/--registry <dir>, the registry folder',
      'certify: --diagnostic-format must be one of ansi, json, gh_workflow_command; got "xml"',
      expect.stringContaining(
        'certify registry check: the Rego policy naming.rego needs the real weaver binary',
      ),
      'certify: unknown registry sub-command "frobnicate"; known: check, live-check',
    ]);
  });
});
