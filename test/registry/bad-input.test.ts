import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, it } from 'vitest';
import { checkRegistry } from '../../src/registry/index.ts';
import { projectRoot, runCertify } from '../support/run-certify.ts';
import { withFilePermissions } from '../support/unprivileged.ts';

const scratch = mkdtempSync(join(tmpdir(), 'certify-bad-registry-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const valid = `groups:
  - id: registry.shop
    type: attribute_group
    brief: Shop attributes.
    attributes:
      - id: shop.order.id
        type: int
        stability: development
        brief: The order number.
`;

/** A registry folder with one valid file and the given extra files. */
function registryWith(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'registry.yaml'), valid);
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  return dir;
}

async function diagnosticsOf(registry: string) {
  const result = await checkRegistry({ registry, engine: 'builtin' });
  if (result.kind !== 'checked') throw new Error(result.message);
  return result.diagnostics.map((d) => [
    d.id,
    d.level,
    d.location?.file.slice(registry.length + 1),
    d.message,
  ]);
}

describe('bad input: a clear diagnostic or usage error, never a crash or a hang', () => {
  it('a binary file', async () => {
    const registry = registryWith('binary', {
      'image.yaml': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]),
    });
    expect(await diagnosticsOf(registry)).toEqual([
      [
        'DeserializationError',
        'error',
        'image.yaml',
        'the file is binary, not UTF-8 text (it cannot be YAML)',
      ],
    ]);
  });

  it('an empty file', async () => {
    const registry = registryWith('empty', { 'empty.yaml': '' });
    expect(await diagnosticsOf(registry)).toEqual([
      [
        'DeserializationError',
        'error',
        'empty.yaml',
        'the file is empty (no YAML content, only blanks or comments)',
      ],
    ]);
  });

  it('a YAML alias bomb', async () => {
    const letters = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'];
    const levels = letters.map((name, index) => {
      const previous = letters[index - 1];
      const items = previous === undefined ? Array(9).fill('x') : Array(9).fill(`*${previous}`);
      return `${name}: &${name} [${items.join(', ')}]`;
    });
    const registry = registryWith('bomb', { 'bomb.yaml': `${levels.join('\n')}\n` });
    const [diagnostic] = await diagnosticsOf(registry);
    expect(diagnostic?.slice(0, 3)).toEqual(['DeserializationError', 'error', 'bomb.yaml']);
    expect(String(diagnostic?.[3])).toMatch(/aliases/);
  });

  it('a 50 MB file, refused from its size before it is read', async () => {
    const registry = registryWith('huge', {});
    truncateSync(join(registry, 'registry.yaml'), 50 * 1024 * 1024);
    expect(await diagnosticsOf(registry)).toEqual([
      [
        'DeserializationError',
        'error',
        'registry.yaml',
        'the file is 50.0 MiB; files over 8.0 MiB are refused',
      ],
    ]);
  });

  it('valid YAML that is a string, or a list, at the top level', async () => {
    const registry = registryWith('scalar', {
      'words.yaml': 'just some words\n',
      'list.yaml': '- a\n- b\n',
    });
    expect(await diagnosticsOf(registry)).toEqual([
      [
        'DeserializationError',
        'error',
        'list.yaml',
        'the top level must be a mapping of keys to values, but it is a list',
      ],
      [
        'DeserializationError',
        'error',
        'words.yaml',
        'the top level must be a mapping of keys to values, but it is a string',
      ],
    ]);
  });

  it('a symbolic link loop: an I/O problem naming the link', async () => {
    const registry = registryWith('loop', {});
    mkdirSync(join(registry, 'nested'));
    symlinkSync(registry, join(registry, 'nested', 'back'));
    const result = await checkRegistry({ registry, engine: 'builtin' });
    expect(result).toEqual({
      kind: 'io-error',
      message: `symbolic link loop: ${join(registry, 'nested', 'back')} leads back to ${registry}, a folder it is inside`,
    });
  });

  it('a link to itself', async () => {
    const registry = registryWith('self-link', {});
    symlinkSync(join(registry, 'me.yaml'), join(registry, 'me.yaml'));
    const result = await checkRegistry({ registry, engine: 'builtin' });
    expect(result.kind === 'io-error' && result.message).toContain('symbolic link loop');
  });

  it('a folder with no YAML, and a registry that is not a folder', async () => {
    const empty = join(scratch, 'no-yaml');
    mkdirSync(empty);
    writeFileSync(join(empty, 'README.md'), '# not a registry\n');
    expect(await checkRegistry({ registry: empty, engine: 'builtin' })).toEqual({
      kind: 'io-error',
      message: `no YAML files (*.yaml, *.yml) in the registry folder ${empty}`,
    });
    const file = join(empty, 'README.md');
    expect(await checkRegistry({ registry: file, engine: 'builtin' })).toEqual({
      kind: 'io-error',
      message: `the registry ${file} is not a folder`,
    });
  });
});

describe('the command line on bad input', () => {
  it('exits 1 with the located diagnostic for a broken file', async () => {
    const registry = registryWith('cli-binary', { 'image.yaml': new Uint8Array([0, 1, 2]) });
    const run = await runCertify(['registry', 'check', '-r', registry, '--engine', 'builtin']);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`error[DeserializationError] ${registry}/image.yaml:1:1`);
  });

  it('exits 2 saying "permission denied", not "not found", for a registry it may not read', async () => {
    const locked = join(scratch, 'locked');
    const registry = join(locked, 'registry');
    mkdirSync(registry, { recursive: true });
    writeFileSync(join(registry, 'registry.yaml'), valid);
    const argv = withFilePermissions([
      process.execPath,
      resolve(projectRoot, 'bin/certify.js'),
      ...['registry', 'check', '-r', registry, '--engine', 'builtin'],
    ]);
    if (argv === undefined) return; // root without setpriv: permissions cannot be enforced
    const [program = '', ...args] = argv;
    chmodSync(locked, 0o000);
    try {
      const run = await execa(program, args, { reject: false, env: { FORCE_COLOR: '0' } });
      expect(run.stderr).toBe(
        `certify registry check: the registry folder ${registry} cannot be read: permission denied`,
      );
      expect(run.exitCode).toBe(2);
    } finally {
      chmodSync(locked, 0o755);
    }
  });

  it('exits 2 naming a symbolic link loop as the registry folder, not "not found"', async () => {
    const loop = join(scratch, 'loop-a');
    symlinkSync(join(scratch, 'loop-b'), loop);
    symlinkSync(loop, join(scratch, 'loop-b'));
    const run = await runCertify(['registry', 'check', '-r', loop, '--engine', 'builtin']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      `certify registry check: the registry folder ${loop} cannot be read: symbolic link loop`,
    );
  });

  it('exits 2 with a one-line message when there is nothing to check', async () => {
    const run = await runCertify(['registry', 'check', '-r', resolve(scratch, 'missing')]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toBe(
      `certify registry check: registry folder not found: ${resolve(scratch, 'missing')}`,
    );
  });
});
