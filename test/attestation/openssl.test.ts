import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa, execaSync } from 'execa';
import { describe, expect, it } from 'vitest';
import {
  buildStatement,
  loadSigningKey,
  preAuthenticationEncoding,
  signStatement,
  writeAttestation,
} from '../../src/attestation/index.ts';
import { projectRoot } from '../support/run-certify.ts';

/** OpenSSL 3 on PATH, or why not: the independent check needs `pkeyutl -rawin` for Ed25519. */
function opensslAbsence(): string | undefined {
  const version = execaSync('openssl', ['version'], { reject: false });
  if (version.exitCode !== 0) return 'openssl is not on PATH';
  if (!version.stdout.startsWith('OpenSSL 3.')) return `needs OpenSSL 3, found "${version.stdout}"`;
  return undefined;
}

const absence = opensslAbsence();
const describeWithOpenssl = absence === undefined ? describe : describe.skip;
const title = 'OpenSSL verifies the DSSE signature independently';

describeWithOpenssl(absence === undefined ? title : `${title} (skipped: ${absence})`, () => {
  async function opensslVerify(folder: string, pae: Buffer, sig: Buffer): Promise<number> {
    writeFileSync(join(folder, 'pae.bin'), pae);
    writeFileSync(join(folder, 'sig.bin'), sig);
    const args = ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-rawin'];
    const run = await execa('openssl', [...args, '-in', 'pae.bin', '-sigfile', 'sig.bin'], {
      cwd: folder,
      reject: false,
    });
    return run.exitCode ?? -1;
  }

  it('accepts the signature over the PAE with the public key certify wrote, and rejects a changed PAE', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'certify-openssl-'));
    const privatePem = generateKeyPairSync('ed25519')
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const key = await loadSigningKey({
      root: folder,
      environment: { CERTIFY_SIGNING_KEY: privatePem },
    });
    const statement = buildStatement({
      subjects: [{ name: 'a.ts', digest: { sha256: 'cd'.repeat(32) } }],
      predicateType: 'https://example.com/certify/report/v1',
      predicate: { verdict: 'certified' },
    });
    const { envelope, publicKeyPem } = signStatement({ statement, key });
    writeFileSync(join(folder, 'pub.pem'), publicKeyPem);
    const payload = Buffer.from(envelope.payload, 'base64');
    const pae = preAuthenticationEncoding(envelope.payloadType, payload);
    const sig = Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64');

    expect(await opensslVerify(folder, pae, sig)).toBe(0);
    const changed = Buffer.from(pae);
    changed[changed.length - 2] = (changed[changed.length - 2] ?? 0) ^ 0x01;
    expect(await opensslVerify(folder, changed, sig)).not.toBe(0);
    // The envelope JSON is not what is signed: OpenSSL must reject the bare payload too.
    expect(await opensslVerify(folder, payload, sig)).not.toBe(0);
  });
});

/** The shell recipe in README.md's "Verifying a certification report" section. */
function readmeRecipe(): string {
  const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('without certify, with `jq` and OpenSSL 3'));
  return /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
}

const jqMissing = execaSync('jq', ['--version'], { reject: false }).exitCode !== 0;
const recipeAbsence = absence ?? (jqMissing ? 'jq is not on PATH' : undefined);
const describeWithRecipeTools = recipeAbsence === undefined ? describe : describe.skip;
const recipeTitle = "README's OpenSSL recipe";

describeWithRecipeTools(
  recipeAbsence === undefined ? recipeTitle : `${recipeTitle} (skipped: ${recipeAbsence})`,
  () => {
    it('verifies a report certify signed, and fails once the envelope is changed', async () => {
      const recipe = readmeRecipe();
      expect(recipe).toContain('openssl pkeyutl -verify');
      const folder = mkdtempSync(join(tmpdir(), 'certify-recipe-'));
      const key = await loadSigningKey({ root: folder, environment: {} });
      const statement = buildStatement({
        subjects: [{ name: 'a.ts', digest: { sha256: 'ef'.repeat(32) } }],
        predicateType: 'https://example.com/certify/report/v1',
        predicate: { verdict: 'certified', text: 'ünïcode counts in bytes' },
      });
      const signed = signStatement({ statement, key });
      const envelopePath = join(folder, 'reports', 'certification.dsse.json');
      await writeAttestation({ envelopePath, signed });
      const run = await execa('bash', ['-euo', 'pipefail', '-c', recipe], {
        cwd: folder,
        reject: false,
      });
      expect(run.stdout).toContain('Signature Verified Successfully');
      expect(run.exitCode).toBe(0);

      const payload = Buffer.from(signed.envelope.payload, 'base64');
      payload[10] = (payload[10] ?? 0) ^ 0x01;
      const tampered = { ...signed.envelope, payload: payload.toString('base64') };
      writeFileSync(envelopePath, JSON.stringify(tampered));
      const failed = await execa('bash', ['-euo', 'pipefail', '-c', recipe], {
        cwd: folder,
        reject: false,
      });
      expect(failed.exitCode).not.toBe(0);
    });
  },
);
