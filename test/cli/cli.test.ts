import { describe, expect, it } from 'vitest';
import { runCertify } from '../support/run-certify.ts';

describe('the certify command line', () => {
  it('prints usage for --help and exits 0', async () => {
    const run = await runCertify(['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('Usage:');
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
