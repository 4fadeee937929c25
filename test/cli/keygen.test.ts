import { createPublicKey } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeKeyPair } from '../../src/attestation/index.ts';
import { runKeygen } from '../../src/cli/keygen.ts';
import { UsageError } from '../../src/cli/usage.ts';
import { runCertify } from '../support/run-certify.ts';
import { createTempProject } from '../support/temp-project.ts';

const pemBody = (pem: string): string => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

describe('certify keygen', () => {
  it('writes a key pair (private 0600, public 0644) and prints paths and keyid, never the private key', async () => {
    const project = createTempProject();
    const out = join(project.root, 'keys');
    const run = await runCertify(['keygen', '--out', out]);
    expect(run.exitCode).toBe(0);
    const privatePath = join(out, 'certify-signing-key.pem');
    const publicPath = join(out, 'certify-signing-key.pub.pem');
    const privatePem = readFileSync(privatePath, 'utf8');
    const publicPem = readFileSync(publicPath, 'utf8');
    expect(createPublicKey(privatePem).export({ type: 'spki', format: 'pem' })).toBe(publicPem);
    if (process.platform !== 'win32') {
      expect(statSync(privatePath).mode & 0o777).toBe(0o600);
      expect(statSync(publicPath).mode & 0o777).toBe(0o644);
    }
    expect(run.stdout).toContain(privatePath);
    expect(run.stdout).toContain(publicPath);
    expect(run.stdout).toMatch(/keyid +[0-9a-f]{64}/);
    expect(`${run.stdout}${run.stderr}`).not.toContain(pemBody(privatePem).slice(0, 24));
    project.remove();
  });

  it('refuses to overwrite an existing pair (exit 2, files intact); --force replaces it', async () => {
    const project = createTempProject();
    const first = await writeKeyPair({ folder: project.root });
    const before = readFileSync(first.privateKeyPath, 'utf8');
    const refused = await runCertify(['keygen', '--out', project.root]);
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toContain(
      `${first.privateKeyPath} and ${first.publicKeyPath} already exist`,
    );
    expect(refused.stderr).toContain('--force');
    expect(readFileSync(first.privateKeyPath, 'utf8')).toBe(before);
    const forced = await runCertify(['keygen', '--force'], { cwd: project.root });
    expect(forced.exitCode).toBe(0);
    expect(readFileSync(first.privateKeyPath, 'utf8')).not.toBe(before);
    project.remove();
  });

  it('refuses a stray argument before writing anything', async () => {
    await expect(runKeygen(['keys'])).rejects.toBeInstanceOf(UsageError);
  });
});
