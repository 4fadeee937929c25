import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, runCertify } from '../support/run-certify.ts';

describe('the certify command line', () => {
  it('prints usage for --help and exits 0', async () => {
    const run = await runCertify(['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Usage:');
  });

  it('prints its version, from package.json, for --version', async () => {
    const { version } = JSON.parse(readFileSync(resolve(projectRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    const run = await runCertify(['--version']);
    expect(run).toMatchObject({ exitCode: 0, stdout: `certify ${version}`, stderr: '' });
  });

  it('rejects an unknown option with exit code 2 and names it', async () => {
    const run = await runCertify(['--no-such-option']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('--no-such-option');
  });

  it('rejects an unknown command with exit code 2 and names it', async () => {
    const run = await runCertify(['frobnicate']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('"frobnicate"');
  });
});

/** Each sub-command, a flag only its own usage shows, and one only another command's shows. */
const subcommands = [
  { argv: ['bench'], own: '--tick-ghz', other: '--check-subjects' },
  { argv: ['keygen'], own: '--force', other: '--tick-ghz' },
  { argv: ['verify'], own: '--check-subjects', other: '--force' },
  { argv: ['registry'], own: 'live-check', other: '--check-subjects' },
  { argv: ['registry', 'check'], own: '--diagnostic-format', other: '--fail-on' },
  { argv: ['registry', 'live-check'], own: '--fail-on', other: '--diagnostic-format' },
] as const;

describe('every sub-command prints its own usage for --help and -h, and exits 0', () => {
  it.each(subcommands.flatMap((command) => ['--help', '-h'].map((flag) => ({ ...command, flag }))))(
    'certify $argv $flag',
    async ({ argv, own, other, flag }) => {
      const run = await runCertify([...argv, flag]);
      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toMatch(new RegExp(`^Usage: certify ${argv.join(' ')}\\b`));
      expect(run.stdout).toContain(own);
      expect(run.stdout).not.toContain(other);
    },
  );

  it('leaves a --help after -- to the command live-check runs', async () => {
    const run = await runCertify(['registry', 'live-check', '--', 'node', '--help']);
    expect(run.stdout).not.toMatch(/^Usage: certify/);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('-r');
  });
});
