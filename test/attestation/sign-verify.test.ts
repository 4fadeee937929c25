import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import {
  InvalidStatementError,
  buildStatement,
  loadSigningKey,
  publicKeyPathFor,
  serializeEnvelope,
  signStatement,
  verifyEnvelope,
  writeAttestation,
  type Envelope,
  type PredicateSchema,
  type SigningKey,
} from '../../src/attestation/index.ts';
import { IN_TOTO_PAYLOAD_TYPE, signPayload } from '../../src/attestation/dsse/index.ts';

const predicateType = 'https://example.com/certify/report/v1';
const subjects = [
  { name: 'git:HEAD', digest: { gitCommit: '0123456789abcdef0123456789abcdef01234567' } },
  { name: 'feature/src/index.ts', digest: { sha256: 'ab'.repeat(32) } },
];
const predicate = {
  verdict: 'certified',
  tiers: [{ name: 'Tier 1', steps: [{ name: 'registry-check', status: 'pass' }] }],
  note: 'text with unicode: café, ✓, and some length to give the payload many positions',
};

async function newKey(): Promise<{ key: SigningKey; privatePem: string }> {
  const privatePem = generateKeyPairSync('ed25519')
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const root = mkdtempSync(join(tmpdir(), 'certify-sign-'));
  const key = await loadSigningKey({ root, environment: { CERTIFY_SIGNING_KEY: privatePem } });
  return { key, privatePem };
}

const { key, privatePem } = await newKey();
const { key: otherKey } = await newKey();
const signed = signStatement({
  statement: buildStatement({ subjects, predicateType, predicate }),
  key,
});
const envelopeText = serializeEnvelope(signed.envelope);

const verify = (text: string, publicKey = key.publicKey) =>
  verifyEnvelope({ envelopeText: text, publicKey });
const withEnvelope = (change: Partial<Envelope>): string =>
  serializeEnvelope({ ...signed.envelope, ...change });
const firstSig = (): string => signed.envelope.signatures[0]?.sig ?? '';

describe('sign then verify', () => {
  it('verifies a freshly signed Statement and gives it back', async () => {
    const verification = await verify(envelopeText);
    expect(verification.verified).toBe(true);
    if (!verification.verified) return;
    expect(verification.statement.subject).toEqual(subjects);
    expect(verification.statement.predicate).toEqual(predicate);
    expect(verification.checks.map((check) => [check.check, check.status])).toEqual([
      ['envelope', 'pass'],
      ['signature', 'pass'],
      ['statement', 'pass'],
      ['predicate', 'not-checked'],
      ['subjects', 'not-checked'],
    ]);
  });

  it('reports who signed: keyid, key source, self-signed or not', () => {
    expect(signed).toMatchObject({
      keyid: key.keyid,
      publicKeyPem: key.publicKeyPem,
      keySource: { kind: 'environment', variable: 'CERTIFY_SIGNING_KEY' },
      selfSigned: false,
    });
    expect(signed.envelope.signatures).toEqual([
      { keyid: key.keyid, sig: expect.any(String) as unknown },
    ]);
  });

  it('fails with another key', async () => {
    const verification = await verify(envelopeText, otherKey.publicKey);
    expect(verification.verified).toBe(false);
    expect(verification.checks.at(-1)).toMatchObject({ check: 'signature', status: 'fail' });
  });
});

describe('tampering', () => {
  const payload = Buffer.from(signed.envelope.payload, 'base64');
  const step = Math.max(1, Math.floor(payload.length / 60));
  const payloadPositions = [
    ...Array.from({ length: Math.ceil(payload.length / step) }, (_, index) => index * step),
    payload.length - 1,
  ];

  it(`changing one payload byte fails the signature (${payloadPositions.length} positions across ${payload.length} bytes)`, async () => {
    expect(payloadPositions.at(-1)).toBe(payload.length - 1);
    for (const position of payloadPositions) {
      const changed = Buffer.from(payload);
      changed[position] = (changed[position] ?? 0) ^ 0x01;
      const verification = await verify(withEnvelope({ payload: changed.toString('base64') }));
      expect(verification.verified, `payload byte ${position}`).toBe(false);
      expect(verification.checks.at(-1)).toMatchObject({ check: 'signature', status: 'fail' });
    }
  });

  it('changing any one of the 64 signature bytes fails the signature', async () => {
    const sig = Buffer.from(firstSig(), 'base64');
    expect(sig).toHaveLength(64);
    for (let position = 0; position < sig.length; position += 1) {
      const changed = Buffer.from(sig);
      changed[position] = (changed[position] ?? 0) ^ 0x80;
      const signatures = [{ keyid: key.keyid, sig: changed.toString('base64') }];
      const verification = await verify(withEnvelope({ signatures }));
      expect(verification.verified, `signature byte ${position}`).toBe(false);
    }
  });

  it('changing any character of the base64 signature text fails, including the last', async () => {
    const sig = firstSig();
    for (let position = 0; position < sig.length; position += 1) {
      const original = sig[position];
      const replacement = original === 'A' ? 'B' : 'A';
      const changed = `${sig.slice(0, position)}${replacement}${sig.slice(position + 1)}`;
      const verification = await verify(
        withEnvelope({ signatures: [{ keyid: key.keyid, sig: changed }] }),
      );
      expect(verification.verified, `signature character ${position}`).toBe(false);
    }
  });

  it('a payload that is added to, or cut short, fails', async () => {
    const longer = Buffer.concat([payload, Buffer.from(' ')]).toString('base64');
    const shorter = payload.subarray(0, -1).toString('base64');
    expect((await verify(withEnvelope({ payload: longer }))).verified).toBe(false);
    expect((await verify(withEnvelope({ payload: shorter }))).verified).toBe(false);
  });
});

describe('what a verifier must and must not trust', () => {
  it('accepts URL-safe base64, unpadded, for payload and signature', async () => {
    // An envelope whose payload and signature both hold + or /, the characters URL-safe replaces.
    const hasStandardOnlyCharacters = (text: string) => /[+/]/.test(text);
    const envelope = Array.from({ length: 500 }, (_, attempt) => {
      const statement = buildStatement({
        subjects,
        predicateType,
        predicate: { attempt, text: '¿þ?>' },
      });
      return signStatement({ statement, key }).envelope;
    }).find(
      (candidate) =>
        hasStandardOnlyCharacters(candidate.payload) &&
        hasStandardOnlyCharacters(candidate.signatures[0]?.sig ?? ''),
    );
    expect(envelope).toBeDefined();
    if (envelope === undefined) return;
    const urlSafe = (text: string) => Buffer.from(text, 'base64').toString('base64url');
    const payload = urlSafe(envelope.payload);
    const sig = urlSafe(envelope.signatures[0]?.sig ?? '');
    for (const text of [payload, sig]) expect(text).toMatch(/^(?=.*[-_])[A-Za-z0-9_-]+$/);
    const converted = serializeEnvelope({
      ...envelope,
      payload,
      signatures: [{ keyid: key.keyid, sig }],
    });
    expect((await verify(converted)).verified).toBe(true);
  });

  it('does not care about the keyid: a wrong hint still verifies with the right key', async () => {
    const signatures = [{ keyid: 'not-this-key', sig: firstSig() }];
    expect((await verify(withEnvelope({ signatures }))).verified).toBe(true);
  });

  it('is not fooled by a keyid: the right keyid on another key signature fails', async () => {
    const forged = signStatement({
      statement: buildStatement({ subjects, predicateType, predicate }),
      key: otherKey,
    });
    const signatures = [{ keyid: key.keyid, sig: forged.envelope.signatures[0]?.sig ?? '' }];
    const verification = await verify(serializeEnvelope({ ...forged.envelope, signatures }));
    expect(verification.verified).toBe(false);
  });

  it('fails a signed payload that is not JSON, or not a Statement, at the statement check', async () => {
    for (const [text, problem] of [
      ['not json', /the payload is not JSON/],
      ['{"_type":"https://in-toto.io/Statement/v1"}', /must have required property 'subject'/],
    ] as const) {
      const envelope = signPayload({
        payloadType: IN_TOTO_PAYLOAD_TYPE,
        payload: Buffer.from(text),
        privateKey: key.privateKey,
        keyid: key.keyid,
      });
      const verification = await verify(serializeEnvelope(envelope));
      expect(verification.verified).toBe(false);
      const last = verification.checks.at(-1);
      expect(last).toMatchObject({ check: 'statement', status: 'fail' });
      if (last?.status === 'fail') expect(last.problems.join('\n')).toMatch(problem);
    }
  });

  it('fails an envelope that is not one at the envelope check', async () => {
    const verification = await verify('{"payloadType":"application/vnd.in-toto+json"}');
    expect(verification.checks).toMatchObject([{ check: 'envelope', status: 'fail' }]);
  });
});

describe('the predicate schema seam', () => {
  const accepting: PredicateSchema = { predicateType, validate: () => ({ ok: true }) };
  const rejecting: PredicateSchema = {
    predicateType,
    validate: (value) =>
      typeof value === 'object' &&
      value !== null &&
      'verdict' in value &&
      value.verdict === 'certified'
        ? { ok: false, problems: ['/verdict: must not be certified (test schema)'] }
        : { ok: true },
  };

  const verifyAgainst = (predicateSchema: PredicateSchema) =>
    verifyEnvelope({ envelopeText, publicKey: key.publicKey, predicateSchema });

  it('passes a predicate its schema accepts', async () => {
    const verification = await verifyAgainst(accepting);
    expect(verification.verified).toBe(true);
    expect(verification.checks[3]).toMatchObject({ check: 'predicate', status: 'pass' });
  });

  it('fails a predicate its schema rejects, with the schema reasons', async () => {
    const verification = await verifyAgainst(rejecting);
    expect(verification.verified).toBe(false);
    expect(verification.checks[3]).toMatchObject({
      check: 'predicate',
      status: 'fail',
      problems: ['/verdict: must not be certified (test schema)'],
    });
  });

  it('fails a predicateType the schema is not for', async () => {
    const schema = { ...accepting, predicateType: 'https://example.com/other/v1' };
    const verification = await verifyAgainst(schema);
    expect(verification.verified).toBe(false);
    expect(verification.checks[3]).toMatchObject({ check: 'predicate', status: 'fail' });
  });

  it('refuses to sign a predicate its schema rejects, or a Statement without subjects', () => {
    const statement = buildStatement({ subjects, predicateType, predicate });
    expect(() => signStatement({ statement, key, predicateSchema: rejecting })).toThrow(
      InvalidStatementError,
    );
    expect(() => signStatement({ statement: { ...statement, subject: [] }, key })).toThrow(
      /refusing to sign an invalid in-toto Statement:\n {2}subject: must NOT have fewer than 1 items/,
    );
  });
});

describe('writeAttestation', () => {
  it('writes the envelope and the public key beside it', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'certify-write-'));
    const envelopePath = join(folder, 'reports', 'certification.dsse.json');
    const written = await writeAttestation({ envelopePath, signed });
    expect(written.publicKeyPath).toBe(join(folder, 'reports', 'certification.pub.pem'));
    expect(readFileSync(envelopePath, 'utf8')).toBe(envelopeText);
    expect(readFileSync(written.publicKeyPath, 'utf8')).toBe(key.publicKeyPem);
  });

  it.each([
    ['reports/certification.dsse.json', 'reports/certification.pub.pem'],
    ['out/report.json', 'out/report.pub.pem'],
    ['envelope', 'envelope.pub.pem'],
  ])('puts the public key of %s at %s', (envelopePath, publicKeyPath) => {
    expect(publicKeyPathFor(envelopePath)).toBe(publicKeyPath);
  });
});

describe('the private key', () => {
  const body = privatePem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
  const rawSeed = key.privateKey.export({ format: 'jwk' }).d ?? '';

  it('appears in none of the things a caller might print or write', () => {
    const printable = [
      envelopeText,
      JSON.stringify(signed),
      JSON.stringify(key),
      inspect(key, { depth: 5 }),
      inspect(signed, { depth: 5 }),
      key.publicKeyPem,
    ].join('\n');
    expect(rawSeed.length).toBeGreaterThan(20);
    expect(printable).not.toContain(body.slice(0, 32));
    expect(printable).not.toContain(rawSeed);
    expect(printable).not.toContain(Buffer.from(rawSeed, 'base64url').toString('base64'));
  });
});
