import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AtomicWriteError, writeFileAtomic } from '../../src/common/index.ts';

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'certify-atomic-'));
const permissionBits = (path: string): number => statSync(path).mode & 0o777;
const describeOnPosix = process.platform === 'win32' ? describe.skip : describe;

describe('writeFileAtomic', () => {
  it('writes the whole content and leaves no temporary file behind', async () => {
    const dir = freshDir();
    const target = join(dir, 'report.json');
    await writeFileAtomic(target, '{"verdict":"certified"}\n');
    expect(readFileSync(target, 'utf8')).toBe('{"verdict":"certified"}\n');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('replaces an existing file by default', async () => {
    const dir = freshDir();
    const target = join(dir, 'report.json');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, new Uint8Array([110, 101, 119]));
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['report.json']);
  });

  it('refuses to replace an existing file when overwrite is false, and keeps it intact', async () => {
    const dir = freshDir();
    const target = join(dir, 'key.pem');
    writeFileSync(target, 'keep me');
    const attempt = writeFileAtomic(target, 'replacement', { overwrite: false });
    await expect(attempt).rejects.toBeInstanceOf(AtomicWriteError);
    await expect(attempt).rejects.toMatchObject({ kind: 'exists', path: target });
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(readdirSync(dir)).toEqual(['key.pem']);
  });

  it('creates a file when overwrite is false and nothing is there', async () => {
    const dir = freshDir();
    const target = join(dir, 'key.pem');
    await writeFileAtomic(target, 'fresh', { overwrite: false });
    expect(readFileSync(target, 'utf8')).toBe('fresh');
    expect(readdirSync(dir)).toEqual(['key.pem']);
  });

  it('reports a missing folder as an I/O error naming the path', async () => {
    const target = join(freshDir(), 'no-such-folder', 'report.json');
    const attempt = writeFileAtomic(target, 'x');
    await expect(attempt).rejects.toMatchObject({ kind: 'io', path: target, code: 'ENOENT' });
    await expect(attempt).rejects.toThrow(target);
  });

  describeOnPosix('file modes', () => {
    it('gives the file exactly the requested mode, whatever the umask', async () => {
      const dir = freshDir();
      const secret = join(dir, 'secret.pem');
      const shared = join(dir, 'public.pem');
      const previousUmask = process.umask(0o077);
      try {
        await writeFileAtomic(secret, 'private', { mode: 0o600 });
        await writeFileAtomic(shared, 'public', { mode: 0o644 });
      } finally {
        process.umask(previousUmask);
      }
      expect(permissionBits(secret)).toBe(0o600);
      expect(permissionBits(shared)).toBe(0o644);
    });

    it('tightens the mode of a file it replaces', async () => {
      const dir = freshDir();
      const target = join(dir, 'secret.pem');
      writeFileSync(target, 'old', { mode: 0o644 });
      await writeFileAtomic(target, 'new', { mode: 0o600 });
      expect(permissionBits(target)).toBe(0o600);
    });
  });
});
