import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  IN_TOTO_PAYLOAD_TYPE,
  decodeBase64,
  findVerifyingSignature,
  parseEnvelope,
  preAuthenticationEncoding,
  serializeEnvelope,
  signPayload,
} from '../../src/attestation/dsse/index.ts';
import { describeWithShared, sharedPath } from '../support/shared.ts';

describe('PAE, the pre-authentication encoding', () => {
  it('gives the test vector of the attestation document', () => {
    const encoded = preAuthenticationEncoding(
      'http://example.com/HelloWorld',
      Buffer.from('hello world'),
    );
    expect(encoded.toString('utf8')).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
  });

  it('counts bytes, not characters, for both the type and the body', () => {
    const encoded = preAuthenticationEncoding('t/é', Buffer.from('€'));
    expect(encoded).toEqual(
      Buffer.concat([Buffer.from('DSSEv1 4 t/'), Buffer.from('é'), Buffer.from(' 3 €')]),
    );
  });

  it('encodes an empty body as length 0, without leading zeros anywhere', () => {
    expect(preAuthenticationEncoding('x', Buffer.alloc(0)).toString()).toBe('DSSEv1 1 x 0 ');
  });
});

describeWithShared('PAE against ../shared/docs/attestation.md', () => {
  it('reproduces the vector written in the document itself', () => {
    const doc = readFileSync(sharedPath('docs/attestation.md'), 'utf8');
    const vector = /type `([^`]+)`, body `([^`]+)` gives\s+`([^`]+)`/.exec(doc);
    expect(vector).not.toBeNull();
    const [, type = '', body = '', expected = ''] = vector ?? [];
    expect(preAuthenticationEncoding(type, Buffer.from(body)).toString()).toBe(expected);
  });
});

describe('decodeBase64', () => {
  const bytes = Buffer.from([0xfb, 0xff, 0xbf, 0x00, 0x3e, 0x3f, 0x10]);

  it('accepts standard base64, padded or not', () => {
    const standard = bytes.toString('base64');
    expect(standard).toMatch(/[+/]/);
    expect(decodeBase64(standard)).toEqual({ ok: true, bytes });
    expect(decodeBase64(standard.replace(/=+$/, ''))).toEqual({ ok: true, bytes });
  });

  it('accepts URL-safe base64, padded or not', () => {
    const urlSafe = bytes.toString('base64url');
    expect(urlSafe).toMatch(/[-_]/);
    expect(decodeBase64(urlSafe)).toEqual({ ok: true, bytes });
    expect(decodeBase64(`${urlSafe}==`)).toEqual({ ok: true, bytes });
  });

  it.each([
    ['a character outside both alphabets', 'QUJD*A==', /character "\*" at position 4/],
    ['whitespace', 'QUJD RA==', /character " " at position 4/],
    ['mixed alphabets', 'ab+_', /mixes/],
    ['padding that does not fit the length', 'QUJDRA=', /padding/],
    ['padding in the middle', 'QQ==QQ==', /character "=" at position 2/],
    ['too much padding', 'QQ===', /more than two padding/],
    ['an impossible length', 'QUJDR', /length/],
    ['unused bits set in the last character', 'QR==', /unused bits/],
  ])('rejects %s with a reason', (_, text, reason) => {
    const decoded = decodeBase64(text);
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.reason).toMatch(reason);
  });
});

describe('the DSSE envelope', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const other = generateKeyPairSync('ed25519');
  const payload = Buffer.from('{"_type":"https://in-toto.io/Statement/v1"}');
  const envelope = signPayload({
    payloadType: IN_TOTO_PAYLOAD_TYPE,
    payload,
    privateKey,
    keyid: 'k1',
  });

  it('carries the payload type, the base64 payload and an array of signatures', () => {
    expect(envelope.payloadType).toBe('application/vnd.in-toto+json');
    expect(Buffer.from(envelope.payload, 'base64')).toEqual(payload);
    expect(envelope.signatures).toHaveLength(1);
    expect(envelope.signatures[0]?.keyid).toBe('k1');
    expect(Buffer.from(envelope.signatures[0]?.sig ?? '', 'base64')).toHaveLength(64);
  });

  it('round-trips through its JSON text and verifies with the signer public key', () => {
    const parsed = parseEnvelope(serializeEnvelope(envelope));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.envelope.payload).toEqual(payload);
    expect(findVerifyingSignature(parsed.envelope, publicKey)).toBe(0);
    expect(findVerifyingSignature(parsed.envelope, other.publicKey)).toBeUndefined();
  });

  it('finds the one good signature among several, whatever their keyids say', () => {
    const byOther = signPayload({
      payloadType: IN_TOTO_PAYLOAD_TYPE,
      payload,
      privateKey: other.privateKey,
      keyid: 'k1',
    });
    const both = { ...envelope, signatures: [...byOther.signatures, ...envelope.signatures] };
    const parsed = parseEnvelope(JSON.stringify(both));
    expect(parsed.ok && findVerifyingSignature(parsed.envelope, publicKey)).toBe(1);
  });

  const signature = envelope.signatures[0] ?? { keyid: '', sig: '' };
  it.each([
    ['text that is not JSON', '{"payloadType": ', /not JSON/],
    ['a JSON array', '[]', /must be a JSON object/],
    [
      'a wrong payloadType',
      JSON.stringify({ ...envelope, payloadType: 'text/plain' }),
      /payloadType is "text\/plain", expected "application\/vnd.in-toto\+json"/,
    ],
    [
      'a missing payloadType',
      JSON.stringify({ payload: envelope.payload, signatures: envelope.signatures }),
      /payloadType: missing/,
    ],
    [
      'a missing payload',
      JSON.stringify({ payloadType: IN_TOTO_PAYLOAD_TYPE, signatures: envelope.signatures }),
      /payload: missing/,
    ],
    [
      'a payload that is not a string',
      JSON.stringify({ ...envelope, payload: 42 }),
      /payload: must be a base64 string/,
    ],
    [
      'a payload that is not base64',
      JSON.stringify({ ...envelope, payload: 'not base64!' }),
      /payload: not valid base64/,
    ],
    ['empty signatures', JSON.stringify({ ...envelope, signatures: [] }), /signatures: empty/],
    [
      'signatures that are not an array',
      JSON.stringify({ ...envelope, signatures: signature }),
      /signatures: must be an array/,
    ],
    [
      'a signature without sig',
      JSON.stringify({ ...envelope, signatures: [{ keyid: 'k1' }] }),
      /signatures\[0\]\.sig: missing/,
    ],
    [
      'a signature that is not base64',
      JSON.stringify({ ...envelope, signatures: [signature, { sig: 'ab$d' }] }),
      /signatures\[1\]\.sig: not valid base64/,
    ],
    [
      'a keyid that is not a string',
      JSON.stringify({ ...envelope, signatures: [{ ...signature, keyid: 7 }] }),
      /signatures\[0\]\.keyid: must be a string/,
    ],
    [
      'an empty signature',
      JSON.stringify({ ...envelope, signatures: [{ sig: '' }] }),
      /signatures\[0\]\.sig: empty/,
    ],
  ])('rejects %s with a reason that names the field', (_, text, reason) => {
    const parsed = parseEnvelope(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join('\n')).toMatch(reason);
  });
});
