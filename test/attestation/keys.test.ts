import { createHash, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  KEY_PAIR_FILE_NAMES,
  KeyError,
  KeyPairExistsError,
  LOCAL_KEY_PATH,
  loadSigningKey,
  parsePublicKey,
  writeKeyPair,
} from '../../src/attestation/keys/index.ts';

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'certify-keys-'));
const modeOf = (path: string): number => statSync(path).mode & 0o777;
const describeOnPosix = process.platform === 'win32' ? describe.skip : describe;

function ed25519Pem(): { privatePem: string; publicPem: string; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    publicKey,
  };
}

/** The base64 body of a PEM: the secret part, which must never be printed. */
function pemBody(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}

function writeKeyFile(dir: string, text: string, mode = 0o600): string {
  const path = join(dir, 'key.pem');
  writeFileSync(path, text);
  chmodSync(path, mode);
  return path;
}

async function keyErrorOf(attempt: Promise<unknown>): Promise<KeyError> {
  const error = await attempt.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(KeyError);
  if (!(error instanceof KeyError)) throw new Error('expected a KeyError');
  return error;
}

const rsaPrivatePem = generateKeyPairSync('rsa', { modulusLength: 1024 })
  .privateKey.export({ type: 'pkcs8', format: 'pem' })
  .toString();

describe('loadSigningKey', () => {
  it('reads a key file, with keyid = hex sha256 of the SPKI DER, not self-signed', async () => {
    const { privatePem, publicPem, publicKey } = ed25519Pem();
    const keyFile = writeKeyFile(freshDir(), privatePem);
    const key = await loadSigningKey({ root: freshDir(), keyFile });
    const der = publicKey.export({ type: 'spki', format: 'der' });
    expect(key.keyid).toBe(createHash('sha256').update(der).digest('hex'));
    expect(key.publicKeyPem).toBe(publicPem);
    expect(key.selfSigned).toBe(false);
    expect(key.source).toEqual({ kind: 'file', path: keyFile });
  });

  it('reads CERTIFY_SIGNING_KEY, and --key wins over it', async () => {
    const fromEnv = ed25519Pem();
    const fromFile = ed25519Pem();
    const environment = { CERTIFY_SIGNING_KEY: fromEnv.privatePem };
    const envKey = await loadSigningKey({ root: freshDir(), environment });
    expect(envKey.publicKeyPem).toBe(fromEnv.publicPem);
    expect(envKey.source).toEqual({ kind: 'environment', variable: 'CERTIFY_SIGNING_KEY' });
    expect(envKey.selfSigned).toBe(false);
    const keyFile = writeKeyFile(freshDir(), fromFile.privatePem);
    const fileKey = await loadSigningKey({ root: freshDir(), keyFile, environment });
    expect(fileKey.publicKeyPem).toBe(fromFile.publicPem);
  });

  it('without a key, creates the local key once (0600, self-signed) and reuses it', async () => {
    const root = freshDir();
    const first = await loadSigningKey({ root, environment: {} });
    const path = join(root, LOCAL_KEY_PATH);
    expect(first).toMatchObject({
      selfSigned: true,
      created: true,
      source: { kind: 'local', path },
    });
    expect(modeOf(path)).toBe(0o600);
    const onDisk = createPublicKey(readFileSync(path, 'utf8'));
    expect(onDisk.equals(first.publicKey)).toBe(true);
    const second = await loadSigningKey({ root, environment: {} });
    expect(second).toMatchObject({ selfSigned: true, created: false, keyid: first.keyid });
  });

  describe('refuses, with a typed error naming the source and never the key', () => {
    const { privatePem, publicPem } = ed25519Pem();
    const truncated = `${privatePem.slice(0, 60)}\n-----END PRIVATE KEY-----\n`;
    const encrypted = generateKeyPairSync('ed25519')
      .privateKey.export({
        type: 'pkcs8',
        format: 'pem',
        cipher: 'aes-256-cbc',
        passphrase: 'pass',
      })
      .toString();
    const cases: [string, string, KeyError['problem']][] = [
      ['an empty variable', '', { kind: 'empty' }],
      ['text that is no key', 'hello, not a key', { kind: 'malformed' }],
      ['a truncated private key', truncated, { kind: 'malformed' }],
      ['an RSA key', rsaPrivatePem, { kind: 'not-ed25519', keyType: 'rsa' }],
      ['a public key', publicPem, { kind: 'public-not-private' }],
      ['an encrypted key', encrypted, { kind: 'encrypted' }],
    ];

    it.each(cases)('%s in CERTIFY_SIGNING_KEY', async (_, text, problem) => {
      const environment = { CERTIFY_SIGNING_KEY: text };
      const error = await keyErrorOf(loadSigningKey({ root: freshDir(), environment }));
      expect(error.problem).toEqual(problem);
      expect(error.message).toContain('CERTIFY_SIGNING_KEY');
      for (const secret of [privatePem, rsaPrivatePem, encrypted]) {
        expect(error.message).not.toContain(pemBody(secret).slice(0, 24));
        expect(String(error.cause)).not.toContain(pemBody(secret).slice(0, 24));
      }
    });

    it.each(cases.filter(([name]) => name !== 'an empty variable'))(
      '%s in a key file',
      async (_, text, problem) => {
        const keyFile = writeKeyFile(freshDir(), text);
        const error = await keyErrorOf(loadSigningKey({ root: freshDir(), keyFile }));
        expect(error.problem).toEqual(problem);
        expect(error.message).toContain(keyFile);
        expect(error.message).not.toContain(pemBody(text).slice(0, 24));
      },
    );

    it('a key file that does not exist', async () => {
      const keyFile = join(freshDir(), 'missing.pem');
      const error = await keyErrorOf(loadSigningKey({ root: freshDir(), keyFile }));
      expect(error.problem).toEqual({ kind: 'unreadable', code: 'ENOENT' });
      expect(error.message).toContain(keyFile);
    });

    it('a folder given as the key file', async () => {
      const keyFile = freshDir();
      const error = await keyErrorOf(loadSigningKey({ root: freshDir(), keyFile }));
      expect(error.problem).toEqual({ kind: 'unreadable', code: 'EISDIR' });
    });
  });

  describeOnPosix('permissions', () => {
    it('refuses a key file other users can read, saying how to fix it', async () => {
      const { privatePem } = ed25519Pem();
      const keyFile = writeKeyFile(freshDir(), privatePem, 0o644);
      const error = await keyErrorOf(loadSigningKey({ root: freshDir(), keyFile }));
      expect(error.problem).toEqual({ kind: 'permissions-too-open', mode: statSync(keyFile).mode });
      expect(error.message).toContain(`chmod 600 ${keyFile}`);
      expect(error.message).toContain('0644');
      expect(error.message).not.toContain(pemBody(privatePem).slice(0, 24));
    });

    it('says so when the local key cannot be created, and suggests giving one', async () => {
      const root = freshDir();
      writeFileSync(join(root, '.certify'), 'a file where the key folder should be');
      const error = await keyErrorOf(loadSigningKey({ root, environment: {} }));
      expect(error.problem).toEqual({ kind: 'cannot-create', code: 'EEXIST' });
      expect(error.message).toContain('--key or CERTIFY_SIGNING_KEY');
    });

    it('refuses a local key that has become group-writable', async () => {
      const root = freshDir();
      await loadSigningKey({ root, environment: {} });
      chmodSync(join(root, LOCAL_KEY_PATH), 0o620);
      const error = await keyErrorOf(loadSigningKey({ root, environment: {} }));
      expect(error.problem.kind).toBe('permissions-too-open');
      expect(error.source.kind).toBe('local');
    });
  });
});

describe('parsePublicKey', () => {
  const source = { kind: 'file', path: 'pub.pem' } as const;

  it('reads an Ed25519 public key', () => {
    const { publicPem, publicKey } = ed25519Pem();
    expect(parsePublicKey(publicPem, source).equals(publicKey)).toBe(true);
  });

  const rsaPublicPem = createPublicKey(rsaPrivatePem).export({ type: 'spki', format: 'pem' });
  it.each([
    ['a private key', ed25519Pem().privatePem, 'private-not-public'],
    ['an RSA public key', rsaPublicPem.toString(), 'not-ed25519'],
    ['text that is no key', 'not a key', 'malformed'],
    ['an empty file', '\n', 'empty'],
  ])('refuses %s', (_, text, kind) => {
    const parse = () => parsePublicKey(text, source);
    expect(parse).toThrow(KeyError);
    expect(parse).toThrow(
      expect.objectContaining({ problem: expect.objectContaining({ kind }) as unknown }),
    );
  });
});

describe('writeKeyPair', () => {
  it('writes a matching pair, the private key 0600, the public key 0644', async () => {
    const folder = join(freshDir(), 'keys');
    const written = await writeKeyPair({ folder });
    expect(written.privateKeyPath).toBe(join(folder, KEY_PAIR_FILE_NAMES.privateKey));
    const privateKey = readFileSync(written.privateKeyPath, 'utf8');
    const publicKey = createPublicKey(readFileSync(written.publicKeyPath, 'utf8'));
    expect(createPublicKey(privateKey).equals(publicKey)).toBe(true);
    const der = publicKey.export({ type: 'spki', format: 'der' });
    expect(written.keyid).toBe(createHash('sha256').update(der).digest('hex'));
    if (process.platform !== 'win32') {
      expect(modeOf(written.privateKeyPath)).toBe(0o600);
      expect(modeOf(written.publicKeyPath)).toBe(0o644);
    }
  });

  it('refuses to overwrite an existing pair and leaves it intact; --force replaces it', async () => {
    const folder = freshDir();
    const first = await writeKeyPair({ folder });
    const before = readFileSync(first.privateKeyPath, 'utf8');
    await expect(writeKeyPair({ folder })).rejects.toBeInstanceOf(KeyPairExistsError);
    await expect(writeKeyPair({ folder })).rejects.toThrow(first.privateKeyPath);
    expect(readFileSync(first.privateKeyPath, 'utf8')).toBe(before);
    const replaced = await writeKeyPair({ folder, force: true });
    expect(replaced.keyid).not.toBe(first.keyid);
    expect(readFileSync(first.privateKeyPath, 'utf8')).not.toBe(before);
  });

  it('refuses when only the public key file exists', async () => {
    const folder = freshDir();
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, KEY_PAIR_FILE_NAMES.publicKey), 'someone else');
    await expect(writeKeyPair({ folder })).rejects.toMatchObject({
      paths: [join(folder, KEY_PAIR_FILE_NAMES.publicKey)],
    });
  });
});
