import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { AtomicWriteError, errnoCode, writeFileAtomic } from '../../common/index.ts';
import { KeyError, type KeySource } from './key-error.ts';
import { readPrivateKeyFile } from './key-file.ts';
import { keyIdOf, parsePrivateKey, privateKeyPemOf, publicKeyPemOf } from './pem.ts';

/** The environment variable that holds a signing key as PEM text (e.g. a CI secret). */
export const SIGNING_KEY_VARIABLE = 'CERTIFY_SIGNING_KEY';

/** Where certify keeps its self-signing key, relative to the project root (ignored by git). */
export const LOCAL_KEY_PATH = '.certify/signing-key.pem';

/** A loaded Ed25519 signing key. Its private half is a KeyObject: it prints as no key material. */
export interface SigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly publicKeyPem: string;
  /** hex sha256 of the public key's SPKI DER. */
  readonly keyid: string;
  readonly source: KeySource;
  /** True when no key was given and certify used (or made) its local key: nobody vouches for it. */
  readonly selfSigned: boolean;
  /** True when this call generated the local key. */
  readonly created: boolean;
}

export interface LoadSigningKeyOptions {
  /** The project root, under which the local key lives. */
  readonly root: string;
  /** `--key <file>`: wins over the environment. */
  readonly keyFile?: string | undefined;
  /** Usually `process.env`; read for SIGNING_KEY_VARIABLE. */
  readonly environment?: Readonly<Record<string, string | undefined>>;
}

/**
 * The signing key, from the first of: `keyFile`, the CERTIFY_SIGNING_KEY variable, the local key
 * at LOCAL_KEY_PATH (created on first use). A variable that is set but empty is an error, not a
 * reason to fall back: it is how a CI secret that failed to reach the job looks.
 */
export async function loadSigningKey(options: LoadSigningKeyOptions): Promise<SigningKey> {
  if (options.keyFile !== undefined) {
    const source = { kind: 'file', path: options.keyFile } as const;
    return fromPem(await readPrivateKeyFile(source), source, false);
  }
  const fromEnvironment = options.environment?.[SIGNING_KEY_VARIABLE];
  if (fromEnvironment !== undefined) {
    return fromPem(fromEnvironment, { kind: 'environment', variable: SIGNING_KEY_VARIABLE }, false);
  }
  return loadLocalKey(join(options.root, LOCAL_KEY_PATH));
}

async function loadLocalKey(path: string): Promise<SigningKey> {
  const source = { kind: 'local', path } as const;
  const privateKeyPem = privateKeyPemOf(generateKeyPairSync('ed25519').privateKey);
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFileAtomic(path, privateKeyPem, { mode: 0o600, overwrite: false });
    return { ...fromPem(privateKeyPem, source, true), created: true };
  } catch (error: unknown) {
    // The usual case after the first run: the key exists, and it is the one to use.
    if (!(error instanceof AtomicWriteError)) {
      throw new KeyError(source, { kind: 'cannot-create', code: errnoCode(error) }, error);
    }
    if (error.kind !== 'exists') {
      throw new KeyError(source, { kind: 'cannot-create', code: error.code ?? 'I/O error' }, error);
    }
  }
  return fromPem(await readPrivateKeyFile(source), source, true);
}

function fromPem(pem: string, source: KeySource, selfSigned: boolean): SigningKey {
  const privateKey = parsePrivateKey(pem, source);
  const publicKey = createPublicKey(privateKey);
  return {
    privateKey,
    publicKey,
    publicKeyPem: publicKeyPemOf(publicKey),
    keyid: keyIdOf(publicKey),
    source,
    selfSigned,
    created: false,
  };
}
