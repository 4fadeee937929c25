import { readFile, stat } from 'node:fs/promises';
import { errnoCode } from '../../common/index.ts';
import { KeyError, type KeySource } from './key-error.ts';

/**
 * The text of a private key file. A file that other users can read or write is refused, as
 * OpenSSH does: a signing key that others could copy or swap proves nothing. (Windows has no
 * such mode bits; there the check is skipped.)
 */
export async function readPrivateKeyFile(source: KeySource & { readonly path: string }) {
  const info = await stat(source.path).catch((error: unknown) => {
    throw new KeyError(source, { kind: 'unreadable', code: errnoCode(error) }, error);
  });
  if (info.isFile() && process.platform !== 'win32' && (info.mode & 0o077) !== 0) {
    throw new KeyError(source, { kind: 'permissions-too-open', mode: info.mode });
  }
  return readKeyText(source);
}

/** The text of a key file, or a KeyError naming the file and the errno. */
export async function readKeyText(source: KeySource & { readonly path: string }): Promise<string> {
  return readFile(source.path, 'utf8').catch((error: unknown) => {
    throw new KeyError(source, { kind: 'unreadable', code: errnoCode(error) }, error);
  });
}
