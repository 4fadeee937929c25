import { generateKeyPairSync } from 'node:crypto';
import { lstat, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AtomicWriteError, errnoCodeOf, writeFileAtomic } from '../../common/index.ts';
import { keyIdOf, privateKeyPemOf, publicKeyPemOf } from './pem.ts';

/** File names `certify keygen` writes in its output folder. */
export const KEY_PAIR_FILE_NAMES = {
  privateKey: 'certify-signing-key.pem',
  publicKey: 'certify-signing-key.pub.pem',
} as const;

export interface WriteKeyPairOptions {
  readonly folder: string;
  /** Replace existing key files; without it an existing file is an error. */
  readonly force?: boolean;
}

export interface WrittenKeyPair {
  readonly privateKeyPath: string;
  readonly publicKeyPath: string;
  readonly keyid: string;
}

/** `certify keygen` would replace key files and was not told to. */
export class KeyPairExistsError extends Error {
  override readonly name = 'KeyPairExistsError';
  readonly paths: readonly string[];

  constructor(paths: readonly string[]) {
    super(`${paths.join(' and ')} already exist${paths.length === 1 ? 's' : ''}`);
    this.paths = paths;
  }
}

/** A fresh Ed25519 pair: private key 0600 (PKCS#8 PEM), public key 0644 (SPKI PEM). */
export async function writeKeyPair(options: WriteKeyPairOptions): Promise<WrittenKeyPair> {
  const privateKeyPath = join(options.folder, KEY_PAIR_FILE_NAMES.privateKey);
  const publicKeyPath = join(options.folder, KEY_PAIR_FILE_NAMES.publicKey);
  const overwrite = options.force === true;
  if (!overwrite) await refuseExisting([privateKeyPath, publicKeyPath]);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  await mkdir(options.folder, { recursive: true, mode: 0o700 }).catch((error: unknown) => {
    throw new AtomicWriteError('io', options.folder, error);
  });
  await writeFileAtomic(privateKeyPath, privateKeyPemOf(privateKey), { mode: 0o600, overwrite });
  await writeFileAtomic(publicKeyPath, publicKeyPemOf(publicKey), { mode: 0o644, overwrite });
  return { privateKeyPath, publicKeyPath, keyid: keyIdOf(publicKey) };
}

async function refuseExisting(paths: readonly string[]): Promise<void> {
  const present = await Promise.all(paths.map(exists));
  const existing = paths.filter((_, index) => present[index]);
  if (existing.length > 0) throw new KeyPairExistsError(existing);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error: unknown) {
    if (errnoCodeOf(error) === 'ENOENT') return false;
    throw error;
  }
}
