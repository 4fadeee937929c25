import { mkdtempSync, symlinkSync, writeFileSync, chmodSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { isIoProblem, readYamlFile, type YamlReadResult } from '../../src/yaml/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'certify-yaml-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, content: string | Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
}

function problemOf(result: YamlReadResult) {
  if (result.ok) throw new Error('expected a problem, the file was accepted');
  return result.problem;
}

describe('readYamlFile', () => {
  it('reads a mapping and keeps the file name given', async () => {
    const file = write('ok.yaml', 'groups:\n  - id: a\n');
    const result = await readYamlFile(file);
    expect(result.ok && result.document.value).toEqual({ groups: [{ id: 'a' }] });
    expect(result.ok && result.document.file).toBe(file);
  });

  it('keeps YAML 1.2 core types: no timestamps, no merge keys', async () => {
    const file = write('core.yaml', 'when: 2024-01-01\n<<: {a: 1}\nn: 0x10\nyes: yes\n');
    const result = await readYamlFile(file);
    expect(result.ok && result.document.value).toEqual({
      when: '2024-01-01',
      '<<': { a: 1 },
      n: 16,
      yes: 'yes',
    });
  });

  it('reports text that is not YAML with the line and column of the fault', async () => {
    const file = write('broken.yaml', 'groups:\n  - id: a\n    brief: [unclosed\n');
    const problem = problemOf(await readYamlFile(file));
    expect(problem.kind).toBe('syntax');
    expect(problem.message).toMatch(/^not valid YAML: /);
    expect(problem.location.file).toBe(file);
    expect(problem.location.line).toBeGreaterThanOrEqual(3);
  });

  it('reports a duplicated key as a syntax problem at the duplicate', async () => {
    const file = write('dup.yaml', 'a: 1\nb: 2\na: 3\n');
    const problem = problemOf(await readYamlFile(file));
    expect(problem.kind).toBe('syntax');
    expect(problem.message).toContain('duplicated mapping key');
    expect(problem.location.line).toBe(3);
  });

  it('refuses a binary file', async () => {
    const file = write('binary.yaml', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3]));
    const problem = problemOf(await readYamlFile(file));
    expect(problem.kind).toBe('binary');
    expect(problem.message).toContain('binary');
  });

  it('refuses bytes that are not UTF-8', async () => {
    const file = write('latin1.yaml', new Uint8Array([0x61, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(problemOf(await readYamlFile(file)).kind).toBe('binary');
  });

  it('refuses an empty file and a file with only comments', async () => {
    for (const [name, content] of [
      ['empty.yaml', ''],
      ['comments.yaml', '# nothing here\n\n'],
    ] as const) {
      const problem = problemOf(await readYamlFile(write(name, content)));
      expect(problem.kind).toBe('empty');
      expect(problem.location.line).toBe(1);
    }
  });

  it('stops an alias bomb quickly', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level <= 9; level += 1) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const problem = problemOf(await readYamlFile(write('bomb.yaml', `${levels.join('\n')}\n`)));
    expect(problem.kind).toBe('too-many-aliases');
    expect(problem.message).toMatch(/alias/);
  });

  it('stops a few aliases that expand far beyond the document', async () => {
    const lines = ['l0: &l0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level <= 6; level += 1) {
      lines.push(`l${level}: &l${level} [*l${level - 1}, *l${level - 1}, *l${level - 1}]`);
    }
    const result = await readYamlFile(write('expanding.yaml', `${lines.join('\n')}\n`), {
      maxExpandedNodes: 500,
    });
    expect(problemOf(result).message).toContain('expand to more than 500 nodes');
  });

  it('accepts a few honest aliases', async () => {
    const result = await readYamlFile(write('alias.yaml', 'a: &x {k: 1}\nb: *x\n'));
    expect(result.ok && result.document.value).toEqual({ a: { k: 1 }, b: { k: 1 } });
  });

  it('refuses a 50 MB file from its size, without reading it', async () => {
    const file = write('huge.yaml', '');
    truncateSync(file, 50 * 1024 * 1024);
    const problem = problemOf(await readYamlFile(file));
    expect(problem.kind).toBe('too-large');
    expect(problem.message).toBe('the file is 50.0 MiB; files over 8.0 MiB are refused');
  });

  it('reports a symbolic link loop as an I/O problem', async () => {
    const loop = join(dir, 'loop.yaml');
    symlinkSync(loop, loop);
    const problem = problemOf(await readYamlFile(loop));
    expect(problem.kind).toBe('unreadable');
    expect(problem.message).toContain('symbolic link loop');
    expect(isIoProblem(problem)).toBe(true);
  });

  it('reports a missing file and a folder as I/O problems', async () => {
    const missing = problemOf(await readYamlFile(join(dir, 'nope.yaml')));
    expect([missing.kind, isIoProblem(missing)]).toEqual(['not-found', true]);
    const folder = problemOf(await readYamlFile(dir));
    expect([folder.kind, isIoProblem(folder)]).toEqual(['not-a-file', true]);
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    const file = write('secret.yaml', 'a: 1\n');
    chmodSync(file, 0o000);
    const problem = problemOf(await readYamlFile(file));
    expect([problem.kind, problem.message]).toEqual(['unreadable', 'permission denied']);
  });

  it('refuses a list or a string at the top level, unless told otherwise', async () => {
    const list = problemOf(await readYamlFile(write('list.yaml', '- a\n- b\n')));
    expect([list.kind, list.message]).toEqual([
      'not-a-mapping',
      'the top level must be a mapping of keys to values, but it is a list',
    ]);
    const text = problemOf(await readYamlFile(write('string.yaml', 'just words\n')));
    expect(text.message).toContain('but it is a string');
    const accepted = await readYamlFile(join(dir, 'list.yaml'), { expect: 'any' });
    expect(accepted.ok && accepted.document.value).toEqual(['a', 'b']);
  });

  it('refuses nesting deeper than the limit', async () => {
    const deep = `${'['.repeat(30)}${']'.repeat(30)}\n`;
    const problem = problemOf(
      await readYamlFile(write('deep.yaml', deep), { maxDepth: 10, expect: 'any' }),
    );
    expect(problem.kind).toBe('syntax');
    expect(problem.message).toContain('too deep');
  });
});
