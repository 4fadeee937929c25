import { randomBytes } from 'node:crypto';
import { link, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoCodeOf } from './errno.ts';

export interface AtomicWriteOptions {
  /** Permission bits of the written file (e.g. 0o600 for a private key); exact, not masked. */
  readonly mode?: number;
  /** When false, an existing file is kept and the write fails with kind "exists". Default true. */
  readonly overwrite?: boolean;
}

export type AtomicWriteErrorKind = 'exists' | 'io';

/** A write that did not happen: the target is unchanged and no temporary file is left. */
export class AtomicWriteError extends Error {
  override readonly name = 'AtomicWriteError';
  readonly kind: AtomicWriteErrorKind;
  readonly path: string;
  readonly code: string | undefined;

  constructor(kind: AtomicWriteErrorKind, path: string, cause: unknown) {
    const code = errnoCodeOf(cause);
    const what = kind === 'exists' ? 'the file already exists' : (code ?? 'I/O error');
    super(`cannot write ${path}: ${what}`, { cause });
    this.kind = kind;
    this.path = path;
    this.code = code;
  }
}

/**
 * Writes `data` to `path` so that a reader sees either the old file or the whole new one, never a
 * partial write: a temporary file in the same folder (same file system, so rename is atomic),
 * flushed to disk, then renamed over the target (or hard-linked when overwrite is false, which
 * fails instead of replacing).
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const tempPath = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeAndFlush(tempPath, data, options.mode);
    if (options.overwrite === false) await link(tempPath, path);
    else await rename(tempPath, path);
  } catch (error: unknown) {
    await rm(tempPath, { force: true });
    throw new AtomicWriteError(errnoCodeOf(error) === 'EEXIST' ? 'exists' : 'io', path, error);
  }
  if (options.overwrite === false) await rm(tempPath, { force: true });
  await flushFolder(dirname(path));
}

/** Makes the rename itself durable. Windows cannot open a folder for fsync, and needs not. */
async function flushFolder(folder: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function writeAndFlush(
  tempPath: string,
  data: string | Uint8Array,
  mode: number | undefined,
): Promise<void> {
  // Created with the final mode (0o600 never exists as 0o644, even briefly), then chmod'ed
  // because the umask may have masked bits the caller asked for.
  const file = await open(tempPath, 'wx', mode ?? 0o666);
  try {
    if (mode !== undefined) await file.chmod(mode);
    await file.writeFile(data);
    await file.sync();
  } finally {
    await file.close();
  }
}
