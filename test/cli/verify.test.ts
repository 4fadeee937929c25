import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildStatement,
  collectSubjects,
  loadSigningKey,
  serializeEnvelope,
  signStatement,
  writeAttestation,
  writeKeyPair,
  type Envelope,
} from '../../src/attestation/index.ts';
import { runVerify } from '../../src/cli/verify.ts';
import { UsageError } from '../../src/cli/usage.ts';
import { certificationPredicate } from '../../src/report/index.ts';
import { passingReport } from '../report/fixture-run.ts';
import { runCertify, type CertifyRun } from '../support/run-certify.ts';
import { createTempProject, type TempProject } from '../support/temp-project.ts';

const pemBody = (pem: string): string => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

interface Fixture {
  readonly project: TempProject;
  readonly envelopePath: string;
  readonly publicKeyPath: string;
  readonly privateKeyPath: string;
  readonly otherPublicKeyPath: string;
  readonly envelope: Envelope;
}

/** A committed project, signed with a key from writeKeyPair, its envelope in reports/. */
async function signedProject(): Promise<Fixture> {
  const project = createTempProject({
    'feature/src/index.ts': 'export const answer = 42;\n',
    'feature/src/store.ts': 'export const events = [];\n',
    'registry/events.yaml': 'groups: []\n',
    'pipeline/certify.yaml': 'feature: demo\n',
    '.gitignore': 'reports/\nkeys/\n',
  });
  const git = (...args: string[]) =>
    execa('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: project.root,
    });
  await git('init', '-q');
  await git('add', '.');
  await git('commit', '-q', '-m', 'fixture');
  const keys = await writeKeyPair({ folder: join(project.root, 'keys') });
  const other = await writeKeyPair({ folder: join(project.root, 'other-keys') });
  const key = await loadSigningKey({ root: project.root, keyFile: keys.privateKeyPath });
  const paths = ['feature', 'registry', 'pipeline/certify.yaml'];
  const { subjects } = await collectSubjects({ root: project.root, paths });
  const statement = buildStatement({
    subjects,
    predicateType: certificationPredicate.predicateType,
    predicate: passingReport(),
  });
  const signed = signStatement({ statement, key, predicateSchema: certificationPredicate });
  // Signed validly, but its predicate is not a certification report: the signature alone is not enough.
  const unlike = signStatement({
    statement: { ...statement, predicate: { verdict: 'certified' } },
    key,
  });
  await writeAttestation({
    envelopePath: join(project.root, 'reports', 'unlike.dsse.json'),
    signed: unlike,
  });
  const envelopePath = join(project.root, 'reports', 'certification.dsse.json');
  await writeAttestation({ envelopePath, signed });
  return {
    project,
    envelopePath,
    publicKeyPath: keys.publicKeyPath,
    privateKeyPath: keys.privateKeyPath,
    otherPublicKeyPath: other.publicKeyPath,
    envelope: signed.envelope,
  };
}

describe('certify verify', () => {
  let fixture: Fixture;
  beforeAll(async () => {
    fixture = await signedProject();
  });
  afterAll(() => {
    fixture.project.remove();
  });

  const verify = (...args: string[]): Promise<CertifyRun> =>
    runCertify(['verify', ...args], { cwd: fixture.project.root });
  const verifyWithKey = (...more: string[]): Promise<CertifyRun> =>
    verify(fixture.envelopePath, '--key', fixture.publicKeyPath, ...more);
  const writeVariant = (name: string, envelope: Envelope): string => {
    const path = join(fixture.project.root, 'reports', name);
    writeFileSync(path, serializeEnvelope(envelope));
    return path;
  };
  const flipByte = (base64: string, position: number): string => {
    const bytes = Buffer.from(base64, 'base64');
    bytes[position] = (bytes[position] ?? 0) ^ 0x01;
    return bytes.toString('base64');
  };

  it('exits 0 with --key and --check-subjects, each check listed, never printing the private key', async () => {
    const run = await verifyWithKey('--check-subjects');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^pass +envelope /m);
    expect(run.stdout).toMatch(/^pass +signature +Ed25519 signature 1 of 1 verifies/m);
    expect(run.stdout).toMatch(/^pass +statement +in-toto Statement v1, 5 subjects/m);
    expect(run.stdout).toMatch(
      /^pass +predicate +valid against the schema of urn:certify:certification-report:v1$/m,
    );
    expect(run.stdout).toMatch(/^pass +subjects +all 5 subjects match/m);
    expect(run.stdout).toMatch(/^VERIFIED$/m);
    const privatePem = readFileSync(fixture.privateKeyPath, 'utf8');
    expect(`${run.stdout}${run.stderr}`).not.toContain(pemBody(privatePem).slice(0, 24));
  });

  it('uses the public key beside the envelope when --key is absent, and says what that proves', async () => {
    const run = await verify('reports/certification.dsse.json');
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('reports/certification.pub.pem (beside the envelope)');
    expect(run.stdout).toContain('not who signed it');
  });

  it('exits 1 when a validly signed predicate is not a certification report, saying why', async () => {
    const run = await verify('reports/unlike.dsse.json', '--key', fixture.publicKeyPath);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^pass +signature/m);
    expect(run.stdout).toMatch(/^FAIL +predicate +not valid against its schema/m);
    expect(run.stdout).toContain("(top level): must have required property 'reportVersion'");
  });

  it('exits 1 when one payload byte is changed', async () => {
    const middle = Math.floor(Buffer.from(fixture.envelope.payload, 'base64').length / 2);
    const path = writeVariant('payload.dsse.json', {
      ...fixture.envelope,
      payload: flipByte(fixture.envelope.payload, middle),
    });
    const run = await verify(path, '--key', fixture.publicKeyPath);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^FAIL +signature +no signature verifies/m);
    expect(run.stdout).toMatch(/^NOT VERIFIED: signature/m);
  });

  it('exits 1 when one signature byte is changed', async () => {
    const sig = fixture.envelope.signatures[0]?.sig ?? '';
    const signatures = [
      { keyid: fixture.envelope.signatures[0]?.keyid ?? '', sig: flipByte(sig, 63) },
    ];
    const path = writeVariant('sig.dsse.json', { ...fixture.envelope, signatures });
    const run = await verify(path, '--key', fixture.publicKeyPath);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^FAIL +signature/m);
  });

  it('with --check-subjects, exits 1 after a file is changed and one deleted, naming both', async () => {
    const changed = join(fixture.project.root, 'feature/src/index.ts');
    const original = readFileSync(changed, 'utf8');
    writeFileSync(changed, 'export const answer = 43;\n');
    rmSync(join(fixture.project.root, 'registry/events.yaml'));
    try {
      const run = await verifyWithKey('--check-subjects');
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(/^FAIL +subjects +2 of 5 do not match/m);
      expect(run.stdout).toContain('- feature/src/index.ts: changed (signed sha256');
      expect(run.stdout).toContain('- registry/events.yaml: missing from the working tree');
    } finally {
      writeFileSync(changed, original);
      fixture.project.write('registry/events.yaml', 'groups: []\n');
    }
  });

  it('exits 1 on a file that is not JSON, with the reason', async () => {
    const path = join(fixture.project.root, 'reports', 'broken.dsse.json');
    writeFileSync(path, '{"payloadType": "application/vnd.in-toto+json", ');
    const run = await verify(path, '--key', fixture.publicKeyPath);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/^FAIL +envelope +not a valid DSSE envelope/m);
    expect(run.stdout).toContain('the envelope is not JSON');
  });

  it.each([
    [
      ['reports/missing.dsse.json', '--key', 'keys/certify-signing-key.pub.pem'],
      /cannot read the envelope reports\/missing.dsse.json \(ENOENT\)/,
    ],
    [
      ['reports/payload.dsse.json'],
      /no public key to verify with: pass --key <pub.pem>, or put the signer's public key at reports\/payload.pub.pem/,
    ],
    [
      ['reports/certification.dsse.json', '--key', 'keys/certify-signing-key.pem'],
      /is a private key; verifying needs only the public key/,
    ],
    [
      ['reports/certification.dsse.json', '--check-subjects', '--root', 'no-such-folder'],
      /cannot read the --root folder no-such-folder \(ENOENT\)/,
    ],
  ])('exits 2 for certify verify %j, saying why', async (args, reason) => {
    const run = await verify(...args);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toMatch(reason);
    const privatePem = readFileSync(fixture.privateKeyPath, 'utf8');
    expect(`${run.stdout}${run.stderr}`).not.toContain(pemBody(privatePem).slice(0, 24));
  });
});

describe('certify verify usage errors (thrown before any I/O, so checked in-process)', () => {
  it.each([
    [[], /verify needs an envelope file/],
    [['a.json', 'b.json'], /verify takes one envelope file, got also "b.json"/],
    [['a.json', '--root', '.'], /--root is the folder for --check-subjects/],
    [['a.json', '--keys', 'k.pem'], /--keys/],
  ])('refuses %j', async (args, reason) => {
    const attempt = runVerify(args);
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(reason);
  });
});
